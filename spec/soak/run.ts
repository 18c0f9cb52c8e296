/**
 * `npm run soak`: 20,000 texts through the batching pipeline and a Workflow under the
 * fault mix of issue #7; prints the table. Exit code 1 when anything is lost, duplicated,
 * changed or out of order, or the journal breaks a rule.
 *
 * Options (env): SOAK_TEXTS (default 20000), SOAK_SEED (default 7).
 */
import { runSoak } from './soak';

async function main(): Promise<void> {
  const texts = Number(process.env.SOAK_TEXTS ?? 20_000);
  const seed = Number(process.env.SOAK_SEED ?? 7);
  const f = await runSoak({ texts, seed, batchSize: 200, concurrency: 8, tokenTtlSeconds: 3 }, (line) => console.error(line));
  const rows: Array<[string, string]> = [
    ['texts (per pipeline; x2 pipelines)', String(f.texts)],
    ['requests sent', String(f.requests)],
    ['token requests (3 s tokens)', String(f.tokenRequests)],
    ['submission retries', String(f.retries)],
    ...Object.entries(f.faults).sort().map(([k, v]): [string, string] => [`faults survived: ${k}`, String(v)]),
    ['results lost (must be 0)', String(f.lost)],
    ['duplicates (must be 0)', String(f.duplicates)],
    ['results different from the fault-free run (must be 0)', String(f.mismatched)],
    ['results out of input order (must be 0)', String(f.outOfOrder)],
    ['Authorization sent to the result host (must be 0)', String(f.authorizationToResultHost)],
    ['submissions retried past the policy (must be 0)', String(f.submissionsPastPolicy)],
    ['retries earlier than the backoff (must be 0)', String(f.retriesTooEarly)],
    ['wall time, fault-free run', `${(f.baselineMs / 1000).toFixed(1)} s`],
    ['wall time, chaos run', `${(f.wallMs / 1000).toFixed(1)} s (${(f.wallMs / f.baselineMs).toFixed(2)}x)`],
  ];
  const width = Math.max(...rows.map((r) => r[0].length));
  console.log(rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n'));
  const bad = f.lost + f.duplicates + f.mismatched + f.outOfOrder + f.authorizationToResultHost + f.submissionsPastPolicy + f.retriesTooEarly;
  process.exitCode = bad === 0 ? 0 : 1;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
