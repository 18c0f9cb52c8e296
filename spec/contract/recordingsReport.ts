// `npm run eval:recordings`: replays every recorded request against the hosted profile and
// lists every remaining difference from the recorded answers (shape, encoding, headers, values).
import { recordingFiles, replayRecording } from './replayRecordings';

async function main(): Promise<void> {
  const files = recordingFiles();
  let total = 0;
  for (const file of files) {
    const diffs = await replayRecording(file);
    total += diffs.length;
    for (const d of diffs) process.stdout.write(`${d.where}  ${d.aspect}\n  recorded: ${d.recorded.slice(0, 300)}\n  emulated: ${d.emulated.slice(0, 300)}\n`);
  }
  process.stdout.write(`\n${files.length} recordings replayed against the hosted profile: ${total} difference(s)\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
