/**
 * Runs an example against a fresh embedded emulator, with a client logged in to it, and
 * cleans both up. Against the hosted API, use `PulseClient.fromEnv()` instead.
 */
import { PulseClient, type PulseClientOptions } from 'pulse-rx';
import { startEmulator, type Emulator, type EmulatorOptions } from 'pulse-rx/emulator';

export async function withEmulator<T>(
  run: (client: PulseClient, emulator: Emulator) => Promise<T>,
  options: { emulator?: EmulatorOptions; client?: PulseClientOptions } = {},
): Promise<T> {
  const emulator = await startEmulator({ jobDurationMs: 100, ...options.emulator });
  const client = PulseClient.withClientCredentials({
    baseUrl: emulator.url,
    tokenUrl: emulator.tokenUrl,
    clientId: emulator.clientId,
    clientSecret: emulator.clientSecret,
    poll: { minIntervalMs: 20, maxIntervalMs: 100 },
    ...options.client,
  });
  try {
    return await run(client, emulator);
  } finally {
    client.close();
    await emulator.close();
  }
}

/** Runs `main` when the file is executed directly (`node -r ./examples/register.cjs examples/x.ts`). */
export function runIfMain(module: NodeModule, main: () => Promise<unknown>): void {
  if (require.main === module) {
    main().then(
      (result) => console.log(JSON.stringify(result, null, 2)),
      (e: unknown) => {
        console.error(e);
        process.exit(1);
      },
    );
  }
}
