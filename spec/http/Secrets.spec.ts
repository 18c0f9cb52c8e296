import { BadRequestError } from 'pulse-rx';
import { Secrets } from '../../src/http/Secrets';

describe('Secrets', () => {
  it('masks exact values, their URL-encoded form, and patterns', () => {
    const s = new Secrets();
    s.add('plain-secret-1');
    s.add('a b+c/d=secret');
    expect(s.text('x plain-secret-1 y a%20b%2Bc%2Fd%3Dsecret z Bearer abc.def')).toBe('x [redacted] y [redacted] z Bearer [redacted]');
  });

  it('ignores values too short to be secrets', () => {
    const s = new Secrets();
    s.add('abc');
    expect(s.text('abc abc')).toBe('abc abc');
  });

  it('forgets the oldest rotating values past its capacity, never a pinned one', () => {
    const s = new Secrets();
    s.pin('pinned-password');
    s.add('first-token-000');
    for (let i = 0; i < 100; i++) s.addUrl(`https://files.test/r/${i}.json?Signature=${'s'.repeat(20)}${i}`);
    expect(s.text('pinned-password')).toBe('[redacted]');
    expect(s.text('first-token-000')).toBe('first-token-000');
  });

  it('scrubs an API error in place: message, stack, errors, meta, body', () => {
    const s = new Secrets();
    s.add('tok-123456789');
    const e = new BadRequestError({
      status: 400, message: 'bad tok-123456789', errors: [{ message: 'tok-123456789' } as never], meta: { t: 'tok-123456789' }, body: 'tok-123456789',
    });
    s.error(e);
    expect(`${e.message} ${e.stack} ${JSON.stringify(e)} ${JSON.stringify(e.body)}`).not.toContain('tok-123456789');
  });
});
