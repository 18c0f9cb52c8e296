import { createHash } from 'node:crypto';
import type { ApiReply } from './api';

/** Most keys, and most bytes of answers, kept at once: the oldest go first past either. */
const MAX_KEYS = 100_000;
const MAX_BYTES = 64 * 1024 * 1024;

/** What a request's key names: who sent it, where, with what. */
export interface KeyParts {
  /** The `Idempotency-Key` header. */
  key: string;
  /** Whose key it is: the token's organisation and subject (`-` without a valid token). */
  scope: string;
  method: string;
  /** Path and query. */
  target: string;
  /** The parsed body (JSON or form). */
  body: unknown;
}

/** A request as the store sees it: its slot (scope and key) and a digest of what it asks. */
export interface KeyedRequest {
  slot: string;
  fingerprint: string;
}

/**
 * The store's view of a request, its body digested once (method, target and body with object
 * keys sorted: equal for bodies that parse the same), so a large body is not kept.
 *
 * @example
 * keyedRequest({ key: 'k1', scope: 'org_1 me', method: 'POST', target: '/sentiment', body: { inputs: ['a'] } });
 */
export function keyedRequest(parts: KeyParts): KeyedRequest {
  const digest = createHash('sha256').update(`${parts.method} ${parts.target}\n${canonicalJson(parts.body)}`);
  return { slot: `${parts.scope}\n${parts.key}`, fingerprint: digest.digest('base64url') };
}

/** What a repeat gets: the first answer again, or a refusal (another request under the same key). */
export type KeyLookup = { kind: 'replay'; reply: ApiReply } | { kind: 'conflict'; reply: ApiReply } | undefined;

interface Kept {
  fingerprint: string;
  reply: ApiReply;
  at: number;
  /** Size of the key and the answer's JSON, towards `MAX_BYTES`. */
  bytes: number;
  /** Until when the answer is held back (a latency fault): the request is still in progress. */
  busyUntil: number;
}

/**
 * The answers given to POSTs carrying an `Idempotency-Key`, as the hosted service keeps them
 * (Stripe's convention and the IETF draft "The Idempotency-Key HTTP Header Field"; the spec is
 * silent): a repeat with the same key, path and body (same parsed JSON, key order aside) within
 * `ttlMs` gets the first answer again, doing nothing; the same key on another path or body
 * answers 422 `idempotency_key_reused`. Keys are scoped per organisation and token subject.
 * Only answers that took effect (2xx) are kept: a refused request (validation, auth, credits,
 * rate limit, fault) may be corrected and sent again under its key. While the first answer is
 * held back (a latency fault) its key is in progress: a repeat answers 409 `idempotency_key_in_use`.
 * At most 100,000 keys and 64 MiB of answers are kept; past either, the oldest are forgotten.
 *
 * @example
 * const keys = new IdempotencyKeys(86_400_000, Date.now);
 * const request = keyedRequest({ key: 'k1', scope: '-', method: 'POST', target: '/sentiment', body: { inputs: ['a'] } });
 * keys.lookup(request); // undefined the first time
 * keys.keep(request, { status: 202, body: { job_id: 'a' } });
 */
export class IdempotencyKeys {
  private readonly kept = new Map<string, Kept>();
  private bytes = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  /** The first answer under this request's key; a 409 while it is held back, a 422 when the key was used for another request; else undefined. */
  lookup(req: KeyedRequest): KeyLookup {
    this.expire();
    const kept = this.kept.get(req.slot);
    if (!kept) return undefined;
    if (this.now() < kept.busyUntil) {
      return refusal(409, 'idempotency_key_in_use', 'A request with this Idempotency-Key is still in progress; retry later');
    }
    if (kept.fingerprint === req.fingerprint) return { kind: 'replay', reply: kept.reply };
    return refusal(422, 'idempotency_key_reused', 'This Idempotency-Key was already used with another request (a different path or body)');
  }

  /** Keeps a 2xx answer under the request's key; any other answer is not kept. */
  keep(req: KeyedRequest, reply: ApiReply): void {
    if (reply.status < 200 || reply.status > 299) return;
    const at = req.slot;
    this.forget(at); // re-inserted last: the map's order stays the order of keeping
    const bytes = at.length + JSON.stringify(reply.body ?? null).length;
    this.kept.set(at, { fingerprint: req.fingerprint, reply, at: this.now(), bytes, busyUntil: 0 });
    this.bytes += bytes;
    while (this.kept.size > MAX_KEYS || (this.bytes > MAX_BYTES && this.kept.size > 1)) this.forget(this.kept.keys().next().value!);
  }

  /** Marks the request's kept answer as held back until `until` (emulator clock, ms). */
  holdUntil(req: KeyedRequest, until: number): void {
    const kept = this.kept.get(req.slot);
    if (kept) kept.busyUntil = until;
  }

  /** Forgets every key (`emulator.reset()`). */
  clear(): void {
    this.kept.clear();
    this.bytes = 0;
  }

  private expire(): void {
    const oldest = this.now() - this.ttlMs;
    for (const [at, kept] of this.kept) {
      if (kept.at > oldest) return;
      this.forget(at);
    }
  }

  private forget(at: string): void {
    this.bytes -= this.kept.get(at)?.bytes ?? 0;
    this.kept.delete(at);
  }
}

const refusal = (status: number, code: string, message: string): KeyLookup => ({ kind: 'conflict', reply: { status, body: { code, message } } });

/** JSON with object keys sorted: equal for bodies that parse the same. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}
