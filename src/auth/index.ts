export * from './AuthProvider';
export * from './StaticTokenAuth';
export * from './ClientCredentialsAuth';
export * from './AuthorizationCodePKCEAuth';
export { DEFAULTS, readEnv } from './env';
export type { TokenBodyFormat } from './requestToken';
