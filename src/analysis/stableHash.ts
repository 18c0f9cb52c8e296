/**
 * A short, stable content hash (cyrb53-style, two 32-bit lanes, over a canonical JSON
 * text with sorted keys). Cache keys only: not a security primitive. Works in browsers and Node.
 *
 * @example
 * stableHash({ b: 1, a: [2] }) === stableHash({ a: [2], b: 1 }); // true
 */
export function stableHash(value: unknown): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  const feed = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
  };
  walk(value, feed);
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

function walk(value: unknown, feed: (s: string) => void): void {
  if (Array.isArray(value)) {
    feed('[');
    for (const v of value) {
      walk(v, feed);
      feed(',');
    }
    feed(']');
  } else if (value !== null && typeof value === 'object') {
    feed('{');
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v === undefined) continue;
      feed(JSON.stringify(key));
      feed(':');
      walk(v, feed);
      feed(',');
    }
    feed('}');
  } else {
    feed(value === undefined ? 'null' : JSON.stringify(value) ?? 'null');
  }
}
