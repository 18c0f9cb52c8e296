import { createHmac, timingSafeEqual } from 'node:crypto';

const b64 = (data: string | Buffer) => Buffer.from(data).toString('base64url');

/** Signs an HS256 JWT. */
export function signJwt(claims: Record<string, unknown>, secret: string): string {
  const head = b64(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const body = b64(JSON.stringify(claims));
  const sig = createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${sig}`;
}

/** The claims of a valid, unexpired HS256 JWT, or undefined. */
export function verifyJwt(token: string, secret: string, nowMs: number): Record<string, unknown> | undefined {
  const [head, body, sig] = token.split('.');
  if (!head || !body || !sig) return undefined;
  const expected = createHmac('sha256', secret).update(`${head}.${body}`).digest();
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (typeof claims.exp !== 'number' || claims.exp * 1000 <= nowMs) return undefined;
    return claims;
  } catch {
    return undefined;
  }
}

/** HMAC of a result link, so links cannot be forged or extended. */
export function signLink(path: string, expires: number, secret: string): string {
  return createHmac('sha256', secret).update(`${path}|${expires}`).digest('base64url');
}
