/**
 * `npm run soak:fleet`: 40,000 texts as 100 queued analyses over three worker processes
 * (the built package), an emulator limited to 50 requests/s with the fault mix; one worker
 * killed with SIGKILL at 30% and another at 60%, replacements started. Prints the figures
 * and a final line; exits non-zero unless nothing was lost, submitted twice or answered
 * differently, and the busiest second stayed within 5% of the limit.
 *
 * Env: FLEET_TEXTS (40000), FLEET_ANALYSES (100), FLEET_WORKERS (3), FLEET_RPS (50).
 */
import { join } from 'node:path';
import { runFleetSoak } from './fleetSoak';

async function main(): Promise<void> {
  const f = await runFleetSoak({
    texts: Number(process.env.FLEET_TEXTS ?? 40_000),
    analyses: Number(process.env.FLEET_ANALYSES ?? 100),
    workers: Number(process.env.FLEET_WORKERS ?? 3),
    rps: Number(process.env.FLEET_RPS ?? 50),
    killAt: [0.3, 0.6],
    faults: true,
    sharedLimit: true,
    dist: join(__dirname, '..', '..', '..', 'dist'),
    log: (line) => console.error(line),
  });
  console.log(JSON.stringify(f, null, 2));
  const line =
    `fleet: lost ${f.lost}, duplicate submissions ${f.duplicateSubmissions}, ` +
    `rate overshoot ${f.overshootPct.toFixed(1)}%, different from single-process ${f.different}`;
  console.log(line);
  const ok = f.lost === 0 && f.duplicateSubmissions === 0 && f.different === 0 && f.overshootPct <= 5;
  process.exitCode = ok ? 0 : 1;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
