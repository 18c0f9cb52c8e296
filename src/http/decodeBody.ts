import type { AbortLike } from './Closer';
import { PulseAbortError, ResponseTooLargeError } from '../errors';

/** Bounds of one body's decoding. */
export interface DecodeLimits {
  /** Most bytes a body may have once decompressed. @default unlimited */
  maxBytes?: number;
  /** Stops a decompression in progress (the call was cancelled or timed out). */
  signal?: AbortLike;
}

/**
 * Turns the raw bytes of a response into a JSON value or text, whatever the content type:
 * the service sends JSON as `text/plain` or `application/octet-stream`, sometimes gzipped
 * without saying so. Keys named `__proto__` are dropped so a body cannot pollute prototypes.
 * A gzipped body is decompressed chunk by chunk and dropped as soon as it passes
 * `maxBytes` (`ResponseTooLargeError`) or the signal aborts, so a gzip bomb costs no more
 * than the bound.
 */
export async function decodeBody(bytes: Uint8Array, limits: DecodeLimits = {}): Promise<unknown> {
  const max = limits.maxBytes ?? Number.POSITIVE_INFINITY;
  if (bytes.length > max) throw new ResponseTooLargeError(max);
  const raw = isGzip(bytes) ? await gunzip(bytes, max, limits.signal) : bytes;
  if (limits.signal?.aborted) throw new PulseAbortError('request aborted while decoding');
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

async function gunzip(bytes: Uint8Array, max: number, signal: AbortLike | undefined): Promise<Uint8Array> {
  // DecompressionStream exists in browsers and Node >= 18, so the core stays Node-free.
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip')).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    // Pull one chunk at a time: the stream decompresses no further than what is read.
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    const stop = signal?.aborted ? new PulseAbortError('request aborted while decoding') : total > max ? new ResponseTooLargeError(max) : undefined;
    if (stop) {
      await reader.cancel().catch(() => undefined);
      throw stop;
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}
