/**
 * A program for crash tests: runs one sentiment call over N generated texts with
 * `run: { store: new FileRunStore(dir), id }` against an emulator, and prints one JSON line per
 * event (a `submitted` line is printed once the part is recorded on disk), then `{"type":"done"}`.
 *
 * node -r ts-node/register spec/helpers/sentimentRun.ts <baseUrl> <tokenUrl> <clientId> <clientSecret> <dir> <runId> <n> <concurrency>
 */
import { lastValueFrom, tap } from 'rxjs';
import { PulseClient } from '../../src';
import { FileRunStore } from '../../src/node';

export const runTexts = (n: number): string[] =>
  Array.from({ length: n }, (_, i) => `visit ${i} was ${['great', 'poor', 'fine'][i % 3]}`);

async function main(): Promise<void> {
  const [baseUrl, tokenUrl, clientId, clientSecret, dir, id, n, concurrency] = process.argv.slice(2);
  const client = PulseClient.withClientCredentials({
    baseUrl,
    tokenUrl,
    clientId,
    clientSecret,
    poll: { minIntervalMs: 10, maxIntervalMs: 40 },
  });
  const events$ = client.analyzeSentiment(
    { inputs: runTexts(Number(n)), fast: false },
    { observe: 'events', run: { store: new FileRunStore(dir!), id: id! }, concurrency: Number(concurrency) },
  );
  await lastValueFrom(
    events$.pipe(
      tap((e) => {
        if (e.type !== 'status') process.stdout.write(`${JSON.stringify(e.type === 'result' ? { type: 'result' } : e)}\n`);
      }),
    ),
  );
  process.stdout.write('{"type":"done"}\n');
  client.close();
}

if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(`${String(e)}\n`);
    process.exit(1);
  });
}
