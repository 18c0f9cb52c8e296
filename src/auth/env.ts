/** Reads an environment variable where there is one (Node), undefined in browsers. */
export function readEnv(name: string): string | undefined {
  const proc = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process;
  const value = proc?.env?.[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/** The hosted service's defaults (Auth0 tenant and API audience). */
export const DEFAULTS = {
  baseUrl: 'https://pulse.researchwiseai.com/v1',
  tokenUrl: 'https://research-wise-ai-eu.eu.auth0.com/oauth/token',
  authorizeUrl: 'https://research-wise-ai-eu.eu.auth0.com/authorize',
  audience: 'https://core.researchwiseai.com/pulse/v1',
} as const;
