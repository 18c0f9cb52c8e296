/** PKCE helpers on Web Crypto (browsers and Node >= 20): no Node imports. */

function webCrypto(): Crypto {
  const c = (globalThis as { crypto?: Crypto }).crypto;
  if (!c?.subtle) throw new Error('Web Crypto is not available in this environment');
  return c;
}

/** base64url without padding. */
export function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A random URL-safe string from `bytes` random bytes (32 bytes: a 43-char verifier). */
export function randomUrlSafe(bytes = 32): string {
  const buf = new Uint8Array(bytes);
  webCrypto().getRandomValues(buf);
  return base64Url(buf);
}

/** The S256 code challenge of a verifier: base64url(sha256(verifier)). */
export async function s256Challenge(verifier: string): Promise<string> {
  const digest = await webCrypto().subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}
