/**
 * Resume bench (issue 14): a 40,000-text sentiment run (8 parts of 5,000 as jobs) in a child
 * process, killed with SIGKILL once half its parts are accepted (and recorded by its
 * FileRunStore), then the same run id again in this process. Prints the submissions of the
 * uninterrupted and of the killed-and-resumed run (targets: equal), and the time from the
 * resumed call's subscription to its first status poll (target: under one second).
 *
 * npm run bench:resume
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstValueFrom } from 'rxjs';
import { PulseClient } from '../../src';
import { FileRunStore } from '../../src/node';
import { startEmulator, type Emulator } from '../../src/emulator';
import { runInChild } from '../helpers/crashRun';
import { runTexts } from '../helpers/sentimentRun';

const TEXTS = 40_000;
const CONCURRENCY = 4;

const client = (emulator: Emulator) =>
  PulseClient.withClientCredentials({
    baseUrl: emulator.url,
    tokenUrl: emulator.tokenUrl,
    clientId: emulator.clientId,
    clientSecret: emulator.clientSecret,
    poll: { minIntervalMs: 10, maxIntervalMs: 40 },
  });
const submissions = (emulator: Emulator) => emulator.journal().filter((e) => e.method === 'POST' && e.path.endsWith('/sentiment'));

async function main(): Promise<void> {
  const emulator = await startEmulator({ jobDurationMs: 1000 });
  const dir = mkdtempSync(join(tmpdir(), 'pulse-resume-bench-'));
  try {
    const plain = client(emulator);
    const uninterrupted = await firstValueFrom(plain.analyzeSentiment({ inputs: runTexts(TEXTS), fast: false }, { concurrency: CONCURRENCY }));
    plain.close();
    const expected = submissions(emulator).length;
    emulator.reset();

    const run = { dir, id: 'bench-40k', texts: TEXTS, concurrency: CONCURRENCY };
    const parts = Math.ceil(TEXTS / 5000);
    const killed = await runInChild(emulator, run, (_l, lines) => lines.filter((l) => l.type === 'submitted').length === parts / 2);
    const beforeResume = emulator.journal().length;
    const submittedBefore = submissions(emulator).length;

    const resumer = client(emulator);
    const started = Date.now();
    const resumed = await firstValueFrom(
      resumer.analyzeSentiment({ inputs: runTexts(TEXTS), fast: false }, { concurrency: CONCURRENCY, run: { store: new FileRunStore(dir), id: run.id } }),
    );
    resumer.close();
    const firstPoll = emulator.journal().slice(beforeResume).find((e) => e.method === 'GET' && e.path.includes('/jobs?'));
    const same = JSON.stringify(resumed.results) === JSON.stringify(uninterrupted.results);
    const total = submissions(emulator).length;
    const keys = new Set(submissions(emulator).map((e) => e.idempotencyKey));
    console.log(`resume bench: ${TEXTS} texts, ${parts} parts, concurrency ${CONCURRENCY}`);
    console.log(`  killed by ${killed.signal} after ${submittedBefore} of ${parts} submissions`);
    console.log(`  submissions: uninterrupted ${expected}, killed + resumed ${total} (distinct part keys ${keys.size}) target: equal`);
    console.log(`  time to resume (subscription -> first status poll): ${firstPoll ? firstPoll.at - started : NaN} ms (target < 1000 ms)`);
    console.log(`  result equals the uninterrupted run: ${same}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await emulator.close();
  }
}

void main();
