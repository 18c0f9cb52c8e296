import { backoffDelayMs, DEFAULT_RETRY, parseRetryAfterMs } from 'pulse-rx';
import { isRetryableStatus, retryDelayMs } from '../../src/http/retryPolicy';

describe('backoffDelayMs', () => {
  it.each([
    // retry, random, expected: 0.5 s doubling to an 8 s cap, jitter removes up to 25%
    [1, 0, 500],
    [2, 0, 1000],
    [3, 0, 2000],
    [4, 0, 4000],
    [5, 0, 8000],
    [9, 0, 8000],
    [1, 1, 375],
    [5, 1, 6000],
    [3, 0.5, 1750],
  ])('retry %i with random %d waits %i ms', (retry, random, expected) => {
    expect(backoffDelayMs(retry, DEFAULT_RETRY, random)).toBe(expected);
  });

  it('clamps a random source outside [0, 1]', () => {
    expect(backoffDelayMs(1, DEFAULT_RETRY, 7)).toBe(375);
    expect(backoffDelayMs(1, DEFAULT_RETRY, Number.NaN)).toBe(500);
  });
});

describe('parseRetryAfterMs', () => {
  const now = Date.parse('2026-11-26T12:00:00Z');
  it.each<[Record<string, string>, number | undefined]>([
    [{ 'retry-after': '3' }, 3000],
    [{ 'retry-after': '0.25' }, 250],
    [{ 'retry-after': 'Thu, 26 Nov 2026 12:00:10 GMT' }, 10_000],
    [{ 'retry-after': 'Thu, 26 Nov 2026 11:59:00 GMT' }, 0],
    [{ 'retry-after-ms': '1500' }, 1500],
    [{ 'retry-after-ms': '1500', 'retry-after': '9' }, 1500],
    [{ 'retry-after-ms': 'soon', 'retry-after': '2' }, 2000],
    [{ 'retry-after': 'later' }, undefined],
    [{ 'retry-after': '-4' }, undefined],
    [{}, undefined],
  ])('%j gives %s', (headers, expected) => {
    expect(parseRetryAfterMs(headers, now)).toBe(expected);
  });
});

describe('retry decisions', () => {
  it.each([
    [408, true],
    [409, true],
    [429, true],
    [500, true],
    [502, true],
    [503, true],
    [504, true],
    [400, false],
    [401, false],
    [402, false],
    [403, false],
    [404, false],
    [422, false],
  ])('status %i retryable: %s', (status, expected) => {
    expect(isRetryableStatus(status)).toBe(expected);
  });

  it('prefers the server Retry-After over the backoff', () => {
    expect(retryDelayMs(1, 4200, DEFAULT_RETRY, 0)).toBe(4200);
    expect(retryDelayMs(2, undefined, DEFAULT_RETRY, 0)).toBe(1000);
  });
});
