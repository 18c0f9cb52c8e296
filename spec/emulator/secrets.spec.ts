import { firstValueFrom } from 'rxjs';
import { PulseClient, type Logger } from 'pulse-rx';
import { startEmulator } from 'pulse-rx/emulator';

describe('secret hygiene at the most verbose log level', () => {
  it('no token, client secret or link signature appears in any log line or error', async () => {
    const emulator = await startEmulator({ jobDurationMs: 10, tokenTtlSeconds: 1 });
    const lines: string[] = [];
    const capture = (level: string) => (message: string, meta?: Record<string, unknown>) => lines.push(`${level} ${message} ${JSON.stringify(meta ?? {})}`);
    const logger: Logger = { debug: capture('debug'), info: capture('info'), warn: capture('warn'), error: capture('error') };
    const client = PulseClient.withClientCredentials({
      baseUrl: emulator.url,
      tokenUrl: emulator.tokenUrl,
      clientId: emulator.clientId,
      clientSecret: emulator.clientSecret,
      logger,
      logLevel: 'debug',
      poll: { minIntervalMs: 5, maxIntervalMs: 10 },
      retry: { initialDelayMs: 5 },
    });
    try {
      emulator.faults.set([{ path: '/sentiment', action: { type: 'status', status: 503 }, times: 1 }]);
      await firstValueFrom(client.analyzeSentiment({ inputs: ['nice'] })); // token, retry, job, signed link
      emulator.faults.set([{ path: '/summaries', action: { type: 'status', status: 400 } }]);
      const error = await firstValueFrom(client.generateSummary({ inputs: ['x'], question: 'q', fast: true })).catch((e: Error) => e);
      lines.push(JSON.stringify(error), String((error as Error).stack));

      const token = await fetch(emulator.tokenUrl, {
        method: 'POST',
        body: new URLSearchParams({ grant_type: 'client_credentials', client_id: emulator.clientId, client_secret: emulator.clientSecret }),
      }).then((r) => r.json() as Promise<{ access_token: string }>);
      const jwtPrefix = token.access_token.split('.')[0]!; // the header part is the same for every token

      expect(lines.some((l) => l.includes('/v1/sentiment'))).toBe(true); // the log did record the traffic
      const everything = lines.join('\n');
      expect(everything).not.toContain(emulator.clientSecret);
      expect(everything).not.toContain(jwtPrefix);
      expect(everything).not.toMatch(/signature=[A-Za-z0-9_-]{10,}/);
      expect(everything).toMatch(/GET \[redacted\]/); // the result link was logged, masked whole (an exact secret)
    } finally {
      client.close();
      await emulator.close();
    }
  });
});
