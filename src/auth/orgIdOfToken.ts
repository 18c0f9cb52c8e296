import { PulseValidationError } from '../errors';

/**
 * The organisation a bearer token acts for: its Auth0 `org_id` claim (or a namespaced
 * `.../org_id`, or `organization`). The token is only decoded, never verified: the API
 * verifies it, and the id only picks which balance to ask for.
 *
 * @example
 * orgIdOfToken(accessToken); // 'org_abc123'
 */
export function orgIdOfToken(token: string): string {
  const claims = decodeClaims(token);
  const key = Object.keys(claims).find((k) => k === 'org_id' || k.endsWith('/org_id')) ?? 'organization';
  const orgId = claims[key];
  if (typeof orgId !== 'string' || orgId.trim() === '') {
    throw new PulseValidationError('orgId', 'is required: the access token carries no org_id claim (pass the organisation id)');
  }
  return orgId;
}

function decodeClaims(token: string): Record<string, unknown> {
  const body = token.split('.')[1];
  try {
    const json = JSON.parse(base64UrlDecode(body ?? '')) as unknown;
    if (json && typeof json === 'object' && !Array.isArray(json)) return json as Record<string, unknown>;
  } catch {
    // Not a JWT (an opaque token): no claims.
  }
  return {};
}

/** base64url to text, in browsers and Node alike (no Buffer). */
function base64UrlDecode(text: string): string {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(text.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}
