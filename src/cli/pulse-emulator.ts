#!/usr/bin/env node
import { recordProxy } from '../emulator/recordProxy';
import { startEmulator } from '../emulator/startEmulator';
import { EMULATOR_HELP, emulatorArgs } from './emulatorArgs';

async function main(): Promise<void> {
  const { help, options, record } = emulatorArgs(process.argv.slice(2));
  if (help) {
    process.stdout.write(`${EMULATOR_HELP}\n`);
    return;
  }
  if (record) {
    const recorder = await recordProxy({ ...record, port: options.port, host: options.host });
    process.stdout.write(`Recording ${record.upstream} into ${recorder.file}\n  PULSE_BASE_URL=${recorder.url}\n`);
    const stop = () => void recorder.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return;
  }
  const emulator = await startEmulator(options);
  const quirks = Object.entries(emulator.quirks).filter(([, on]) => on).map(([q]) => q);
  process.stdout.write(
    [
      'Pulse emulator listening (scores are plausible local stand-ins, not the hosted models)',
      `  profile: ${emulator.profile}${quirks.length ? ` (quirks: ${quirks.join(', ')})` : ''}`,
      `  PULSE_BASE_URL=${emulator.url}`,
      `  PULSE_TOKEN_URL=${emulator.tokenUrl}`,
      `  PULSE_CLIENT_ID=${emulator.clientId}`,
      `  PULSE_CLIENT_SECRET=${emulator.clientSecret}`,
      `  admin: ${emulator.origin}/_emulator/{journal,faults,reset}`,
      '',
    ].join('\n'),
  );
  const stop = () => void emulator.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`pulse-emulator: ${(e as Error).message}\n`);
  process.exit(2);
});
