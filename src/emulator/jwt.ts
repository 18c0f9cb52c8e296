import { constantTimeEqual, fromBase64Url, hmacSha256, toBase64Url } from './hmacSha256';

// Plain-JavaScript HMAC (no node:crypto): `pulse-rx/testing` runs these routes in a browser.
const b64 = (data: string) => toBase64Url(data);

/** Signs an HS256 JWT. */
export function signJwt(claims: Record<string, unknown>, secret: string): string {
  const head = b64(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const body = b64(JSON.stringify(claims));
  const sig = toBase64Url(hmacSha256(secret, `${head}.${body}`));
  return `${head}.${body}.${sig}`;
}

/** The claims of a valid, unexpired HS256 JWT, or undefined. */
export function verifyJwt(token: string, secret: string, nowMs: number): Record<string, unknown> | undefined {
  const [head, body, sig] = token.split('.');
  if (!head || !body || !sig) return undefined;
  const expected = hmacSha256(secret, `${head}.${body}`);
  const given = fromBase64Url(sig);
  if (!given || !constantTimeEqual(given, expected)) return undefined;
  try {
    const claims = JSON.parse(new TextDecoder().decode(fromBase64Url(body))) as Record<string, unknown>;
    if (typeof claims.exp !== 'number' || claims.exp * 1000 <= nowMs) return undefined;
    return claims;
  } catch {
    return undefined;
  }
}

/** HMAC of a result link, so links cannot be forged or extended. */
export function signLink(path: string, expires: number, secret: string): string {
  return toBase64Url(hmacSha256(secret, `${path}|${expires}`));
}
