import type { FaultRule } from './faults';
import type { JobDurationModel } from './jobDuration';
import type { Cassette } from './Cassette';
import type { EmulatedOrganization } from './organization';
import type { EmulatorProfile, EmulatorQuirks } from './profiles';

/** Options of `startEmulator`. */
export interface EmulatorOptions {
  /** Port to listen on; 0 picks a free one. @default 0 */
  port?: number;
  /**
   * Interface to bind. Admin routes (`/_emulator/...`) answer Host names of loopback and
   * this one only, and never a web page (no CORS, cross-origin requests refused); the API
   * paths answer CORS for any origin. @default '127.0.0.1'
   */
  host?: string;
  /** Seed of every computed score and of fault probabilities. @default 42 */
  seed?: number;
  /** How long a job stays pending, in ms (every job alike; `jobDuration` wins when set). @default 300 */
  jobDurationMs?: number;
  /**
   * Duration model per endpoint: `baseMs + perItemMs × items`, with a seeded ±`jitter`
   * (same seed, same submissions, same durations). `RECORDED_JOB_DURATIONS` loosely follows
   * the vendor's recordings. @default spec: none (every job takes `jobDurationMs`); hosted: `RECORDED_JOB_DURATIONS`
   * @example
   * await startEmulator({ jobDuration: { default: { baseMs: 2000, perItemMs: 4, jitter: 0.05 } } });
   */
  jobDuration?: JobDurationModel;
  /** Fault rules, first match wins (also `PULSE_EMULATOR_FAULTS` as JSON). */
  faults?: FaultRule[];
  /** Token bucket answering real 429s with Retry-After. @default off */
  rateLimit?: { rps: number; burst?: number };
  /** Lifetime of issued access tokens, in seconds. @default 3600 (hosted: 86400) */
  tokenTtlSeconds?: number;
  /** Lifetime of result links, in ms. @default 3600000 */
  resultTtlMs?: number;
  /** Answer 401 to protected endpoints without a valid bearer token. @default true */
  requireAuth?: boolean;
  /** Demo OAuth2 client. @default 'emulator-client' / 'emulator-secret' */
  clientId?: string;
  clientSecret?: string;
  /** Largest request body accepted, in bytes (413 above). @default 10 MiB */
  maxBodyBytes?: number;
  /** Dimensions of embeddings. @default 3072 */
  embeddingDimensions?: number;
  /**
   * `spec` answers exactly as the OpenAPI document says; `hosted` as the hosted service was
   * recorded answering (quirks on, tokens living 86,400 s, jobs pending for seconds scaled by
   * input size: see `speedUp`). Also `PULSE_EMULATOR_PROFILE`. @default 'spec'
   */
  profile?: EmulatorProfile;
  /** Recorded habits of the hosted service, one by one, over the profile's. @default the profile's */
  quirks?: EmulatorQuirks;
  /** A new job is unknown (404 on `GET /jobs`) for its first this many ms, as the hosted service's can be. @default 0 */
  unknownNewJobsMs?: number;
  /**
   * Answer `DELETE /jobs/{id}` (which the spec does not list; the vendor's Python SDK sends
   * it): the job stops and reads `failed`. `false` answers 405, like a deployment without it.
   * @default true
   */
  cancelJobs?: boolean;
  /** Divides every job duration (the hosted profile's tens of seconds, fast for tests). @default 1 */
  speedUp?: number;
  /**
   * Check every answer against the spec's response schemas; a violation becomes a 500 and is
   * recorded (`takeViolations`). Also `PULSE_EMULATOR_STRICT=1` (the test suite sets it). @default false
   */
  strict?: boolean;
  /**
   * An organisation to emulate: tokens carry its id, another organisation's credits answer
   * 403, a token without one answers 401 `auth_missing_organization`, and calls are charged
   * against `credits` (402 `insufficient_credits` when short). @default none (no checks)
   * @example
   * await startEmulator({ organization: { id: 'org_1', credits: 100 } });
   */
  organization?: EmulatedOrganization;
  /**
   * Recorded answers to serve before local analysis: a directory of cassettes (as
   * `pulse-emulator --record` writes them) or the cassettes themselves. Matching requests
   * (method, path, query, JSON body) get the recorded answers in order, unchecked and
   * without the local token check; others are analysed locally. @default none
   */
  replay?: string | Cassette[];
  /**
   * Honour `Idempotency-Key` on POSTs as the hosted service does (the spec is silent; Stripe's
   * convention): a repeat with the same key, path and body (same parsed JSON) within
   * `idempotencyKeyTtlMs` answers exactly what the first answered (same job id, same
   * synchronous body) without creating a job or charging credits, and its journal entry reads
   * `replayed: true`; the same key with another path or body answers 422
   * `idempotency_key_reused`, and 409 `idempotency_key_in_use` while the first answer is still
   * held back by a latency fault. Keys are scoped per token organisation and subject; only 2xx
   * answers are kept, so a refused request can be fixed and resent. `false`: every POST is
   * new work (`pulse-emulator --no-idempotency`). @default true
   * @example
   * await startEmulator({ idempotencyKeys: false }); // a resent part becomes a second job
   */
  idempotencyKeys?: boolean;
  /** How long an answer stays kept under its `Idempotency-Key`, in ms. @default 86400000 (24 h, as Stripe) */
  idempotencyKeyTtlMs?: number;
  /** Clock, for tests. @default Date.now */
  now?: () => number;
}

/** One request as the emulator saw it. */
export interface JournalEntry {
  seq: number;
  method: string;
  path: string;
  status: number;
  /** The fault applied, if any: its type (`reset`, `job-failure`, ...), or `status 503` and the like. */
  fault?: string;
  /** Whether an Authorization header was present (its value is never kept). */
  authorization: boolean;
  idempotencyKey?: string;
  /** The answer was the one kept under `idempotencyKey`, sent again: no job created, nothing charged. */
  replayed?: boolean;
  /** The job this request created, if any (also when a fault then lost its answer); count these to count jobs. */
  createdJob?: string;
  /** When the request arrived, in ms. */
  at: number;
  /** When its connection was done with (answered or closed), in ms; 0 while open. */
  doneAt: number;
  /** The TCP connection it came on, numbered from 1 in order of opening (count them to see pooling). */
  connection: number;
}
