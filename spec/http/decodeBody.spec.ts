import { gzipSync } from 'node:zlib';
import { decodeBody, parseJsonOrText } from '../../src/http/decodeBody';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('decodeBody', () => {
  it('parses JSON whatever the content type said', async () => {
    await expect(decodeBody(bytes('{"results":[]}'))).resolves.toEqual({ results: [] });
  });

  it('gunzips a body that arrived gzipped without a Content-Encoding', async () => {
    const gz = gzipSync(Buffer.from('{"summary":"ok","requestId":"r"}'));
    await expect(decodeBody(new Uint8Array(gz))).resolves.toEqual({ summary: 'ok', requestId: 'r' });
  });

  it('keeps text that is not JSON as text, and never throws on broken JSON', async () => {
    await expect(decodeBody(bytes('Failed to parse schema.'))).resolves.toBe('Failed to parse schema.');
    await expect(decodeBody(bytes('{"truncated": [1, 2'))).resolves.toBe('{"truncated": [1, 2');
    await expect(decodeBody(bytes(''))).resolves.toBeUndefined();
  });

  it('drops __proto__ keys so a body cannot pollute prototypes', () => {
    const parsed = parseJsonOrText('{"__proto__":{"polluted":true},"a":{"__proto__":{"x":1}},"ok":1}') as Record<string, unknown>;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(Object.keys(parsed)).toEqual(['a', 'ok']);
    expect(Object.keys(parsed.a as object)).toEqual([]);
  });
});
