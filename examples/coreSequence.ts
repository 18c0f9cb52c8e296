/**
 * The migration guide's sequence (themes, sentiment, allocation of each review to a
 * theme) with the core client's methods only: `observe: 'events'` for job statuses,
 * `forkJoin` for the two independent calls, `switchMap` for the dependent one. The
 * Analyzer (see `quickstart.ts`) does the same in one declaration.
 *
 * Against the hosted API, drop the emulator and use `PulseClient.fromEnv()`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { filter, firstValueFrom, forkJoin, map, switchMap, tap } from 'rxjs';
import type { JobResultEvent, ThemesResponse } from 'pulse-rx';
import { withEmulator } from './support/withEmulator';

export async function main(log: (line: string) => void = console.log): Promise<{ themes: number; reviews: number }> {
  const reviews = JSON.parse(readFileSync(join(__dirname, 'data', 'reviews.json'), 'utf8')) as string[];
  return withEmulator(
    async (client, emulator) => {
      log(`emulator at ${emulator.url} (plausible local scores, not the hosted models)`);
      const themes$ = client.generateThemes({ inputs: reviews, minThemes: 3, maxThemes: 6 }, { observe: 'events' }).pipe(
        tap((e) => e.type === 'status' && log(`  themes job: ${e.status} after ${e.polls} polls`)),
        filter((e): e is JobResultEvent<ThemesResponse> => e.type === 'result'),
        map((e) => ('themes' in e.data ? e.data.themes : (e.data.themeSets[0] ?? []))),
      );
      const report$ = forkJoin({
        themes: themes$,
        sentiment: client.analyzeSentiment({ inputs: reviews, fast: 'auto' }),
      }).pipe(
        switchMap(({ themes, sentiment }) =>
          client
            .compareSimilarity({ setA: reviews, setB: themes.map((t) => `${t.label}. ${t.description}`), fast: 'auto' })
            .pipe(map((similarity) => ({ themes, sentiment, similarity }))),
        ),
      );
      const { themes, sentiment, similarity } = await firstValueFrom(report$);

      const counts = new Map<string, number>();
      for (const r of sentiment.results) counts.set(r.sentiment, (counts.get(r.sentiment) ?? 0) + 1);
      log(`\n${reviews.length} reviews`);
      log(`sentiment: ${[...counts].map(([k, v]) => `${k} ${Math.round((100 * v) / reviews.length)}%`).join(', ')}`);
      const assigned = similarity.matrix!.map((row) => row.indexOf(Math.max(...row)));
      log(`\nthemes:`);
      themes.forEach((t, i) => {
        const members = assigned.filter((a) => a === i).length;
        log(`  ${t.shortLabel.padEnd(28)} ${String(members).padStart(3)} reviews   e.g. "${t.representatives[0]}"`);
      });
      return { themes: themes.length, reviews: reviews.length };
    },
    { emulator: { jobDurationMs: 200 } },
  );
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
