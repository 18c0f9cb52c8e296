import { format } from 'node:util';
import { leveledLogger, type Logger } from '../../src/http/logger';

describe('leveledLogger with console', () => {
  it('writes a message without meta as one argument (console prints no stray "undefined")', () => {
    const lines: string[] = [];
    const sink = (...args: unknown[]) => void lines.push(format(...args));
    const fakeConsole: Logger = { debug: sink, info: sink, warn: sink, error: sink };
    const log = leveledLogger(fakeConsole, 'debug');
    log.debug('POST /sentiment');
    log.info('retry', { attempt: 2 });
    expect(lines).toEqual(['POST /sentiment', 'retry { attempt: 2 }']);
  });
});
