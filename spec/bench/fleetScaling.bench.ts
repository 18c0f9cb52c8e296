/**
 * `npm run bench:fleet`: fleet throughput with 1, 2 and 4 worker processes against an
 * emulator that adds latency to every answer and holds the organisation's limit, with the
 * limit shared through Redis and without it (each worker on its own). Prints requests per
 * second against the limit and 429s per 1,000 requests. Needs the built package and
 * Debian's redis-server.
 *
 * Env: FLEET_RPS (40), FLEET_LATENCY_MS (100), FLEET_TEXTS (12000), FLEET_ANALYSES (120).
 */
import { join } from 'node:path';
import { runFleetSoak } from '../soak/fleet/fleetSoak';

async function main(): Promise<void> {
  const rps = Number(process.env.FLEET_RPS ?? 40);
  const base = {
    texts: Number(process.env.FLEET_TEXTS ?? 12000),
    analyses: Number(process.env.FLEET_ANALYSES ?? 120),
    rps,
    killAt: [],
    faults: false,
    latencyMs: Number(process.env.FLEET_LATENCY_MS ?? 100),
    concurrency: 4,
    skipReference: true,
    dist: join(__dirname, '..', '..', 'dist'),
  };
  const rows: string[][] = [['workers', 'limit shared', 'requests/s', 'of the limit', '429s per 1,000', 'wall s']];
  for (const workers of [1, 2, 4]) {
    for (const sharedLimit of [true, false]) {
      const f = await runFleetSoak({ ...base, workers, sharedLimit });
      rows.push([
        String(workers),
        sharedLimit ? 'yes' : 'no',
        f.requestsPerSecond.toFixed(1),
        `${((f.requestsPerSecond / rps) * 100).toFixed(0)}%`,
        f.rate429PerThousand.toFixed(1),
        (f.wallMs / 1000).toFixed(1),
      ]);
      console.error(`done: ${workers} workers, shared ${sharedLimit}`);
    }
  }
  const width = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  console.log(`organisation limit ${rps} requests/s, ${base.latencyMs} ms latency per answer, 4 analyses per worker at once`);
  for (const r of rows) console.log(r.map((v, c) => v.padStart(width[c]!)).join('  '));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
