#!/usr/bin/env node
import { recordProxy } from '../emulator/recordProxy';
import { startEmulator } from '../emulator/startEmulator';
import { engineOf, sentimentReaderOf } from '../emulator/analysis/language';
import { installedLanguage } from '../emulator/analysis/installedLanguage';
import { EMULATOR_HELP, emulatorArgs, emulatorFailure } from './emulatorArgs';

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
  const language = installedLanguage();
  const quirks = Object.entries(emulator.quirks).filter(([, on]) => on).map(([q]) => q);
  process.stdout.write(
    [
      'Pulse emulator listening (scores are plausible local stand-ins, not the hosted models)',
      `  profile: ${emulator.profile}${quirks.length ? ` (quirks: ${quirks.join(', ')})` : ''}`,
      `  engine: ${engineOf(language)}, sentiment: ${sentimentReaderOf(language)} (wink+glove: wink-nlp and the word table; model: the trained sentiment model beside it; lexicon: built-in fallback)`,
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
  const { code, message } = emulatorFailure(e);
  process.stderr.write(message);
  process.exit(code);
});

// A module, not a script: in a "type": "commonjs" package esbuild reads a file with no export as
// CommonJS and wraps every module it imports in a lazy initialiser (`__esm`), which the shared
// chunks then carry into the core entry and no bundler can tree-shake.
export {};
