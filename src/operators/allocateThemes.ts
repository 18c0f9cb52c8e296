import { map, OperatorFunction } from 'rxjs';
import type { PulseClient } from '../client/PulseClient';
import type { Theme } from '../schemas/themes';
import { AllocateThemesConfigSchema } from '../schemas/options';
import { batchConfig, batchTexts, checkOperator, type BatchTextsConfig } from './batchTexts';
import { DEFAULT_THEME_THRESHOLD, rankThemes, themeTarget } from './themeScores';

/** Options of the `allocateThemes` operator. */
export interface AllocateThemesConfig extends BatchTextsConfig {
  /** The themes to allocate to (labels, or themes from `generateThemes`). */
  themes: Array<string | Theme>;
  /** Lowest similarity that counts as belonging to a theme. @default DEFAULT_THEME_THRESHOLD (0.28) */
  threshold?: number;
}

/** The allocation of one text. */
export interface TextAllocation {
  index: number;
  text: string;
  /** Similarity to each theme, in the themes' order. */
  similarities: number[];
  /** Index of the most similar theme at or above the threshold, else null. */
  theme: number | null;
}

/**
 * Allocates each text of a stream to the most similar theme (cross-similarity of the
 * texts with the themes' short labels), in input order.
 *
 * @example
 * from(reviews).pipe(allocateThemes(client, { themes: ['Staff', 'Food', 'Queues'] }))
 *   .subscribe(({ text, theme }) => console.log(theme, text));
 */
export function allocateThemes(client: PulseClient, options: AllocateThemesConfig): OperatorFunction<string, TextAllocation> {
  const config = checkOperator(client, options ?? ({} as AllocateThemesConfig), AllocateThemesConfigSchema);
  const targets = config.themes.map(themeTarget);
  const threshold = config.threshold ?? DEFAULT_THEME_THRESHOLD;
  return batchTexts({ batchSize: 100, ...batchConfig(config) }, (batch) =>
    client.compareSimilarity({ setA: batch.map((b) => b.text), setB: targets, fast: config.fast ?? 'auto' }).pipe(
      map((res) =>
        (res.matrix ?? []).map((row, i) => ({
          index: batch[i]!.index,
          text: batch[i]!.text,
          similarities: row,
          theme: rankThemes(row, 1, threshold)[0] ?? null,
        })),
      ),
    ),
  );
}
