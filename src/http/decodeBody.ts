/**
 * Turns the raw bytes of a response into a JSON value or text, whatever the content type:
 * the service sends JSON as `text/plain` or `application/octet-stream`, sometimes gzipped
 * without saying so. Keys named `__proto__` are dropped so a body cannot pollute prototypes.
 */
export async function decodeBody(bytes: Uint8Array): Promise<unknown> {
  const raw = isGzip(bytes) ? await gunzip(bytes) : bytes;
  const text = new TextDecoder('utf-8').decode(raw);
  return parseJsonOrText(text);
}

/** JSON when the text is JSON, the text itself otherwise (never throws). */
export function parseJsonOrText(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const first = trimmed[0];
  if (first === '{' || first === '[' || first === '"' || /^(-?\d|true$|false$|null$)/.test(trimmed)) {
    try {
      // A reviver makes JSON.parse several times slower: only pay for it when needed.
      return trimmed.includes('__proto__') || trimmed.includes('"constructor"') ? JSON.parse(trimmed, safeReviver) : JSON.parse(trimmed);
    } catch {
      return text;
    }
  }
  return text;
}

function safeReviver(this: unknown, key: string, value: unknown): unknown {
  return key === '__proto__' || key === 'constructor' ? undefined : value;
}

function isGzip(bytes: Uint8Array): boolean {
  return bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  // DecompressionStream exists in browsers and Node >= 18, so the core stays Node-free.
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
