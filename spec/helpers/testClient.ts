import nock from 'nock';
import { PulseClient, StaticTokenAuth, type PulseClientOptions } from 'pulse-rx';
import { ScaledScheduler } from './ScaledScheduler';

export const API = 'https://api.pulse.test';
export const BASE = `${API}/v1`;
export const FILES = 'https://files.pulse.test';
export const TOKEN = 'test-token-abc';

/**
 * A client on a 1000x clock against nock hosts: backoff and polling waits are real but
 * tiny, the per-attempt timeout is effectively off unless a test sets one.
 */
export function testClient(options: Partial<PulseClientOptions> = {}) {
  const scheduler = new ScaledScheduler(1000);
  const client = new PulseClient({
    baseUrl: BASE,
    auth: new StaticTokenAuth(TOKEN),
    scheduler,
    timeoutMs: 10_000_000,
    random: () => 0,
    // The clock runs 1000 times real time: the default 10-minute deadline would be 0.6 s of real
    // time, which a busy machine's first test in a file can spend before its first poll. Tests
    // of the deadline pass their own.
    poll: { minIntervalMs: 500, maxIntervalMs: 5000, jitter: 0, maxWaitMs: Number.POSITIVE_INFINITY },
    ...options,
  });
  return { client, scheduler };
}

/** nock scope on the API host with the version path. */
export function api(): nock.Scope {
  return nock(API);
}

export function resetNock(): void {
  nock.cleanAll();
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
}
