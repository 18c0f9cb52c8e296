import { z } from 'zod';

/** OAuth2 token endpoint answer (client credentials, authorization code, refresh). */
export const TokenResponseSchema = z.looseObject({
  access_token: z.string().min(1),
  expires_in: z.coerce.number().positive().optional(),
  token_type: z.string().optional(),
  refresh_token: z.string().optional(),
  scope: z.string().optional(),
});
/** The type of `TokenResponseSchema` (zod-inferred). */
export type TokenResponse = z.infer<typeof TokenResponseSchema>;
