import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { constantTimeEqual, fromBase64Url, hmacSha256, sha256, toBase64Url } from '../../src/emulator/hmacSha256';

/** The plain-JavaScript digests (for browsers, through pulse-rx/testing) agree with node:crypto. */
describe('hmacSha256 (plain JavaScript, browser-safe)', () => {
  it.each([0, 1, 55, 56, 63, 64, 65, 119, 120, 1000])('SHA-256 and HMAC of %i bytes match node:crypto (padding edges)', (n) => {
    const text = 'é'.repeat(n % 5) + 'x'.repeat(n);
    const key = 'k'.repeat(n + 1);
    expect(Buffer.from(sha256(text)).toString('hex')).toBe(createHash('sha256').update(text).digest('hex'));
    expect(toBase64Url(hmacSha256(key, text))).toBe(createHmac('sha256', key).update(text).digest('base64url'));
  });

  it('matches node:crypto on arbitrary strings and keys; base64url round-trips', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ maxLength: 100 }), (text, key) => {
        expect(toBase64Url(hmacSha256(key, text))).toBe(createHmac('sha256', key).update(text).digest('base64url'));
        expect(toBase64Url(text)).toBe(Buffer.from(text).toString('base64url'));
        expect(Buffer.from(fromBase64Url(toBase64Url(text))!).toString()).toBe(text);
      }),
      { numRuns: 200 },
    );
  });

  it('fromBase64Url refuses what is not base64url; constantTimeEqual compares bytes', () => {
    expect(fromBase64Url('a$b')).toBeUndefined();
    expect(fromBase64Url('abcde')).toBeUndefined();
    expect(constantTimeEqual(Uint8Array.of(1, 2), Uint8Array.of(1, 2))).toBe(true);
    expect(constantTimeEqual(Uint8Array.of(1, 2), Uint8Array.of(1, 3))).toBe(false);
    expect(constantTimeEqual(Uint8Array.of(1), Uint8Array.of(1, 3))).toBe(false);
  });
});
