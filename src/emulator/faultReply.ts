import type { ApiReply } from './api';
import type { FaultAction } from './faults';

/** Faults applied to the exchange itself; the others apply where their moment comes (job, link, token). */
export const EXCHANGE_FAULTS: FaultAction['type'][] = ['latency', 'status', 'reset', 'close-mid-body', 'hang', 'malformed'];

/** What the transport must do for an exchange fault: answer, answer later, or break the connection. */
export type FaultReply =
  | { kind: 'send'; reply: ApiReply }
  | { kind: 'delay'; ms: number; reply: ApiReply }
  | { kind: 'reset' }
  | { kind: 'close-mid-body' }
  | { kind: 'hang' }
  | { kind: 'malformed' };

/** A truncated sentiment body: what `close-mid-body` starts and `malformed` ends early. */
export const TRUNCATED_BODY = '{"results": [{"sentiment": "positive", "confid';

/**
 * The reply to an exchange fault, as data: `latency` computes the answer now and sends it
 * `ms` after arrival (its computation included, as a real service's latency would be); a
 * `processed` reset computes it and drops it.
 *
 * @example
 * faultReply({ type: 'status', status: 503 }, () => ({ status: 200 }), 0); // { kind: 'send', reply: 503 ... }
 */
export function faultReply(fault: FaultAction, answer: () => ApiReply, elapsed: () => number): FaultReply {
  switch (fault.type) {
    case 'latency': {
      const reply = answer();
      return { kind: 'delay', ms: Math.max(0, fault.ms - elapsed()), reply };
    }
    case 'status':
      return {
        kind: 'send',
        reply: {
          status: fault.status,
          body: fault.body ?? defaultFaultBody(fault.status),
          headers: fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {},
        },
      };
    case 'reset':
      if (fault.processed) answer();
      return { kind: 'reset' };
    case 'close-mid-body':
    case 'hang':
    case 'malformed':
      return { kind: fault.type };
    default:
      return { kind: 'send', reply: answer() };
  }
}

/** The spec's documented body for the statuses it shows (500 `internal_error`), else a labelled emulated one. */
function defaultFaultBody(status: number): { code: string; message: string } {
  if (status === 500) return { code: 'internal_error', message: 'Internal server error' };
  if (status === 429) return { code: 'rate_limited', message: `Emulated ${status}` };
  return { code: 'emulated_fault', message: `Emulated ${status}` };
}
