/**
 * Creating and cleaning up a client (migration guide: "client creation" and context
 * managers): `using` closes it at the end of the block, `finalize` ties cleanup to a
 * stream, and `close()` aborts whatever is still in flight.
 */
import { finalize, firstValueFrom } from 'rxjs';
import { PulseAbortError, PulseClient } from 'pulse-rx';
import { startEmulator } from 'pulse-rx/emulator';
import { runIfMain } from './support/withEmulator';

export async function main() {
  const emulator = await startEmulator({ faults: [{ path: '/summaries', action: { type: 'hang' } }] });
  const options = { baseUrl: emulator.url, tokenUrl: emulator.tokenUrl, clientId: emulator.clientId, clientSecret: emulator.clientSecret };
  try {
    // 1. `using`: the client is closed when the block ends, like Python's `with`.
    let first: string;
    {
      using client = PulseClient.withClientCredentials(options);
      first = (await firstValueFrom(client.analyzeSentiment({ inputs: ['Lovely'], fast: true }))).results[0]!.sentiment;
    }

    // 2. `finalize`: cleanup that runs however the stream ends.
    const scoped = PulseClient.withClientCredentials(options);
    let closedByFinalize = false;
    await firstValueFrom(
      scoped.analyzeSentiment({ inputs: ['Awful'], fast: true }).pipe(
        finalize(() => {
          scoped.close();
          closedByFinalize = true;
        }),
      ),
    );

    // 3. `close()` while a call hangs: the call ends with PulseAbortError, the socket is released.
    const client = PulseClient.withClientCredentials(options);
    const hanging = firstValueFrom(client.generateSummary({ inputs: ['a'], question: 'q', fast: true }));
    setTimeout(() => client.close(), 100);
    const closed = await hanging.catch((e: unknown) => (e instanceof PulseAbortError ? e.message : String(e)));
    return { first, closedByFinalize, closed };
  } finally {
    await emulator.close();
  }
}

runIfMain(module, main);
