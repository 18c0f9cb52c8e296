import { z } from 'zod';

/** OAuth2 token endpoint answer (client credentials, authorization code, refresh). */
export const TokenResponseSchema = z.looseObject({
  // Visible ASCII only: CR or LF in a token would be mangled into the Authorization header.
  access_token: z.string().min(1).regex(/^[\x21-\x7e]+$/, 'must be visible ASCII (no spaces or control characters)'),
  expires_in: z.coerce.number().positive('must be a positive number of seconds').optional(),
  token_type: z.string().optional(),
  refresh_token: z.string().optional(),
  scope: z.string().optional(),
});
/** The type of `TokenResponseSchema` (zod-inferred). */
export type TokenResponse = z.infer<typeof TokenResponseSchema>;
