import { firstValueFrom } from 'rxjs';
import type { Logger, LogLevel } from 'pulse-rx';
import { api, resetNock, testClient } from '../helpers/testClient';

const ok = { results: [{ sentiment: 'positive', confidence: 0.9 }], requestId: 'r' };

function capture(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const write = (level: string) => (message: string) => lines.push(`${level} ${message}`);
  return { logger: { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') }, lines };
}

async function oneRetriedCall(logLevel: LogLevel): Promise<string[]> {
  api().post('/v1/sentiment').reply(503, { code: 'unavailable', message: 'busy' }).post('/v1/sentiment').reply(200, ok);
  const { logger, lines } = capture();
  await firstValueFrom(testClient({ logger, logLevel }).client.analyzeSentiment({ inputs: ['x'], fast: true }));
  return lines;
}

describe('request logging', () => {
  beforeEach(resetNock);

  it('debug traces every attempt: one line out and one line back (or the failure) each', async () => {
    const lines = await oneRetriedCall('debug');
    expect(lines.filter((l) => l.startsWith('debug → POST https://api.pulse.test/v1/sentiment'))).toHaveLength(2);
    expect(lines.filter((l) => l.startsWith('info ✗ POST https://api.pulse.test/v1/sentiment'))).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith('debug ← 200 POST https://api.pulse.test/v1/sentiment'))).toHaveLength(1);
  });

  it('info keeps the failed attempt and the retry, not the traces', async () => {
    const lines = await oneRetriedCall('info');
    expect(lines.some((l) => l.startsWith('debug'))).toBe(false);
    expect(lines.filter((l) => l.startsWith('info ✗ POST'))).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith('info retry 1/'))).toHaveLength(1);
  });

  it('the default level (warn) writes nothing for a call that recovered', async () => {
    expect(await oneRetriedCall('warn')).toEqual([]);
  });
});
