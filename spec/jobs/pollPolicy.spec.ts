import { DEFAULT_POLL_POLICY, PulseValidationError, pollDelayMs } from 'pulse-rx';
import { resolvePollPolicy } from '../../src/jobs/pollPolicy';

describe('pollDelayMs', () => {
  it.each([
    // polls so far, random (0.5 = no jitter), expected ms: 500 growing x1.5 to a 5 s cap
    [1, 0.5, 500],
    [2, 0.5, 750],
    [3, 0.5, 1125],
    [6, 0.5, 3797],
    [7, 0.5, 5000],
    [50, 0.5, 5000],
    [3, 1, 1350],
    [3, 0, 900],
    [1, 0, 500], // never below the minimum
    [50, 1, 5000], // never above the maximum
  ])('after poll %i with random %d waits %i ms', (polls, random, expected) => {
    expect(pollDelayMs(polls, DEFAULT_POLL_POLICY, random)).toBe(expected);
  });
});

describe('resolvePollPolicy', () => {
  it('fills defaults and refuses impossible numbers', () => {
    expect(resolvePollPolicy({ maxWaitMs: 1000 })).toEqual({ ...DEFAULT_POLL_POLICY, maxWaitMs: 1000 });
    expect(() => resolvePollPolicy({ minIntervalMs: 10, maxIntervalMs: 5 })).toThrow(PulseValidationError);
    expect(() => resolvePollPolicy({ multiplier: 0.5 })).toThrow(PulseValidationError);
    expect(() => resolvePollPolicy({ maxWaitMs: 0 })).toThrow(PulseValidationError);
  });

  it.each([
    [{ denseIntervalMs: 600 }, 'poll.denseIntervalMs', 'must not be over minIntervalMs'],
    [{ denseIntervalMs: 0 }, 'poll.denseIntervalMs', 'must be a number of ms'],
    [{ denseIntervalMS: 100 }, 'poll.denseIntervalMS', 'did you mean denseIntervalMs?'],
  ])('refuses %j naming %s', (partial, field, message) => {
    expect(() => resolvePollPolicy(partial as never)).toThrow(expect.objectContaining({ field, message: expect.stringContaining(message) }));
  });

  it('takes a denseIntervalMs up to minIntervalMs', () => {
    expect(resolvePollPolicy({ denseIntervalMs: 500 }).denseIntervalMs).toBe(500);
    expect(resolvePollPolicy({ minIntervalMs: 2000, denseIntervalMs: 1000 })).toMatchObject({ minIntervalMs: 2000, denseIntervalMs: 1000 });
  });
});
