import { PulseValidationError } from 'pulse-rx';
import { unknownOptionMessage } from '../schemas/optionsObject';

/** Options of `createInMemoryPulse`: the emulator's knobs that make sense without a server. */
export interface InMemoryPulseOptions {
  /** Seed of every computed score. @default 42 */
  seed?: number;
  /** How long a job stays pending, in ms of `now()`. @default 0 (done at the first status read) */
  jobDurationMs?: number;
  /** Answer 401 without a valid bearer token (get one with client credentials at `tokenUrl`). @default false */
  requireAuth?: boolean;
  /** Dimensions of embeddings. @default 3072 */
  embeddingDimensions?: number;
  /**
   * Time each answer takes, in ms (a real timer): leaves a request in flight long enough to
   * be cancelled. @default 0 (answers on the next microtask)
   */
  latencyMs?: number;
  /** Origin of the fake service; the API lives under `/v1`. @default 'https://pulse.test' */
  origin?: string;
  /** Clock of job durations and token expiry, in ms. @default Date.now */
  now?: () => number;
}

/** The option keys; a record, so that the compiler holds it to the interface both ways. */
const KEYS: Record<keyof InMemoryPulseOptions, true> = { seed: true, jobDurationMs: true, requireAuth: true, embeddingDimensions: true, latencyMs: true, origin: true, now: true };
const KNOWN = Object.keys(KEYS);

const count = (field: string, value: unknown, min: number) => {
  if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value) || value < min)) {
    const problem = `must be a finite number >= ${min}`;
    throw new PulseValidationError(`options.${field}`, problem, { limit: `>= ${min}`, value: typeof value });
  }
};

/** Checks the options before anything is built; throws `PulseValidationError` naming the option. */
export function checkInMemoryPulseOptions(options: unknown): InMemoryPulseOptions {
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new PulseValidationError('options', 'must be an object', { value: Array.isArray(options) ? 'array' : typeof options });
  }
  const o = options as Record<string, unknown>;
  const unknown = Object.keys(o).find((key) => !KNOWN.includes(key));
  if (unknown !== undefined) throw new PulseValidationError(`options.${unknown}`, unknownOptionMessage(unknown, KNOWN));
  count('seed', o.seed, Number.MIN_SAFE_INTEGER);
  count('jobDurationMs', o.jobDurationMs, 0);
  count('latencyMs', o.latencyMs, 0);
  count('embeddingDimensions', o.embeddingDimensions, 1);
  if (o.requireAuth !== undefined && typeof o.requireAuth !== 'boolean') {
    throw new PulseValidationError('options.requireAuth', 'must be a boolean', { value: typeof o.requireAuth });
  }
  if (o.now !== undefined && typeof o.now !== 'function') {
    throw new PulseValidationError('options.now', 'must be a function', { value: typeof o.now });
  }
  if (o.origin !== undefined && (typeof o.origin !== 'string' || !/^https?:\/\/[^/]+$/.test(o.origin))) {
    const problem = 'must be an origin such as https://pulse.test (no path)';
    throw new PulseValidationError('options.origin', problem, { value: typeof o.origin });
  }
  return o as InMemoryPulseOptions;
}
