import * as z from 'zod/mini';
import { optionRules as r, PulseClientOptionsSchema } from './options';
import { optionsObject } from './optionsObject';

/**
 * zod schemas of the token providers' options, and of the client shortcuts that take them
 * beside the client's own (`PulseClient.withClientCredentials`, `PulseClient.withPkce`).
 */

/** Options shared by the token providers. */
const TokenProviderOptionsSchema = optionsObject({
  clientId: z.optional(r.string),
  tokenUrl: z.optional(r.string),
  audience: z.optional(r.string),
  scope: z.optional(r.string),
  tokenTimeoutMs: z.optional(r.positiveMs),
  allowInsecureHttp: z.optional(r.boolean),
});

/** `ClientCredentialsAuthOptions`. */
export const ClientCredentialsAuthOptionsSchema = optionsObject({
  ...TokenProviderOptionsSchema.shape,
  clientSecret: z.optional(r.string),
  bodyFormat: z.optional(z.enum(['form', 'json'], { error: "must be 'form' or 'json'" })),
  refreshSkewMs: z.optional(r.delayMs),
  organization: z.optional(r.nonEmptyString),
});

/** `AuthorizationCodePKCEAuthOptions`. */
export const AuthorizationCodePKCEAuthOptionsSchema = optionsObject({
  ...TokenProviderOptionsSchema.shape,
  redirectUri: z.optional(r.string),
  authorizeUrl: z.optional(r.string),
  organization: z.optional(r.string),
  code: z.optional(r.nonEmptyString),
  codeVerifier: z.optional(
    z
      .string({ error: 'must be a string' })
      .check(z.regex(/^[A-Za-z0-9._~-]{43,128}$/, { error: 'must be 43 to 128 characters of A-Z a-z 0-9 - . _ ~ (RFC 7636)' })),
  ),
  refreshToken: z.optional(r.nonEmptyString),
  onRefreshToken: z.optional(r.fn),
});

/** `ClientCredentialsAuthOptions & PulseClientOptions` (`PulseClient.withClientCredentials`). */
export const ClientCredentialsClientOptionsSchema = optionsObject({
  ...PulseClientOptionsSchema.shape,
  ...ClientCredentialsAuthOptionsSchema.shape,
});

/** `AuthorizationCodePKCEAuthOptions & PulseClientOptions` (`PulseClient.withPkce`). */
export const PkceClientOptionsSchema = optionsObject({
  ...PulseClientOptionsSchema.shape,
  ...AuthorizationCodePKCEAuthOptionsSchema.shape,
});
