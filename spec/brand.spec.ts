import * as pulse from 'pulse-rx';
import { brand } from '../src/brand';
import { PulseClient, PulseApiError, PulseConnectionError, PulseError, PulseTimeoutError, RateLimitError, ServerError } from 'pulse-rx';

const api = { status: 0, message: 'x' };

describe('class identity (guards and instanceof)', () => {
  it('each guard answers for its own class and its subclasses only', () => {
    const server = new ServerError({ ...api, status: 503 });
    const limited = new RateLimitError({ ...api, status: 429 });
    expect(RateLimitError.is(server)).toBe(false);
    expect(ServerError.is(limited)).toBe(false);
    expect(RateLimitError.is(limited)).toBe(true);
    expect(PulseApiError.is(limited)).toBe(true);
    expect(PulseError.is(limited)).toBe(true);
    expect(PulseConnectionError.is(new PulseTimeoutError(5))).toBe(true);
    expect(PulseTimeoutError.is(new PulseConnectionError('reset'))).toBe(false);
    expect(PulseError.is(new Error('plain'))).toBe(false);
    expect(PulseApiError.is({ status: 500, errors: [] })).toBe(false);
    expect(limited instanceof ServerError).toBe(false);
  });

  it('holds across two copies of the library (the dual-package hazard)', () => {
    let other!: typeof pulse;
    jest.isolateModules(() => {
      other = jest.requireActual<typeof pulse>('../src/index');
    });
    expect(other.PulseClient).not.toBe(PulseClient);
    const foreign = new other.RateLimitError({ ...api, status: 429 });
    expect(foreign instanceof RateLimitError).toBe(true);
    expect(foreign instanceof PulseError).toBe(true);
    expect(foreign instanceof ServerError).toBe(false);
    expect(RateLimitError.is(foreign)).toBe(true);
    expect(ServerError.is(foreign)).toBe(false);
    const client = other.PulseClient.withToken('t', { baseUrl: 'http://127.0.0.1:9/v1' });
    try {
      expect(client instanceof PulseClient).toBe(true);
      expect(new other.SentimentProcess() instanceof pulse.Process).toBe(true);
    } finally {
      client.close();
    }
  });

  it('a class renamed by the build gets its name back (the ES modules have no keepNames)', () => {
    // What esbuild makes of a class that names itself in its body.
    const Renamed = class _Widget {
      static create(): _Widget {
        return new _Widget();
      }
    };
    brand(Renamed, 'Widget');
    expect(Renamed.name).toBe('Widget');
    expect(String(Renamed.create().constructor.name)).toBe('Widget');
  });

  it("a user's own subclass keeps ordinary instanceof", () => {
    class MyError extends PulseError {}
    expect(new MyError('m') instanceof MyError).toBe(true);
    expect(new MyError('m') instanceof PulseError).toBe(true);
    expect(new PulseError('p') instanceof MyError).toBe(false);
    expect(MyError.is(new PulseError('p'))).toBe(false);
  });

  it('every exported error class has a brand of its own (so its guard answers for it alone)', () => {
    const errorClasses = Object.entries(pulse).filter(([, v]) => typeof v === 'function' && v.prototype instanceof Error);
    expect(errorClasses.length).toBeGreaterThanOrEqual(17);
    const unbranded = errorClasses.filter(([, v]) => !Object.prototype.hasOwnProperty.call(v, Symbol.for('pulse-rx.brandKey'))).map(([k]) => k);
    expect(unbranded).toEqual([]);
  });
});
