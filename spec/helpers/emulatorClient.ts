import { PulseClient, type PulseClientOptions } from 'pulse-rx';
import type { Emulator } from 'pulse-rx/emulator';

/** A client logged in to an emulator with its demo credentials, polling quickly. */
export function emulatorClient(emulator: Emulator, options: Partial<PulseClientOptions> = {}): PulseClient {
  return PulseClient.withClientCredentials({
    baseUrl: emulator.url,
    tokenUrl: emulator.tokenUrl,
    clientId: emulator.clientId,
    clientSecret: emulator.clientSecret,
    poll: { minIntervalMs: 10, maxIntervalMs: 40 },
    retry: { initialDelayMs: 10, maxDelayMs: 40 },
    ...options,
  });
}
