import * as z from 'zod/mini';

/** OAuth2 token endpoint answer (client credentials, authorization code, refresh). */
export const TokenResponseSchema = z.looseObject({
  // Visible ASCII only: CR or LF in a token would be mangled into the Authorization header.
  access_token: z
    .string()
    .check(z.minLength(1), z.regex(/^[\x21-\x7e]+$/, 'must be visible ASCII (no spaces or control characters)')),
  expires_in: z.optional(z.coerce.number().check(z.positive('must be a positive number of seconds'))),
  token_type: z.optional(z.string()),
  refresh_token: z.optional(z.string()),
  scope: z.optional(z.string()),
});
/** The type of `TokenResponseSchema` (zod-inferred). */
export type TokenResponse = z.infer<typeof TokenResponseSchema>;
