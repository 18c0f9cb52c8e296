import { map, OperatorFunction } from 'rxjs';
import type { PulseClient } from '../client/PulseClient';
import { ExtractElementsConfigSchema } from '../schemas/options';
import { batchConfig, batchTexts, checkOperator, type BatchTextsConfig } from './batchTexts';

/** Options of the `extractElements` operator. */
export interface ExtractElementsConfig extends BatchTextsConfig {
  /** Terms to find (3 to 200). */
  dictionary: string[];
  /** @default 'named-entities' */
  type?: 'named-entities' | 'themes';
}

/** What was found in one text: per dictionary term, the extracted spans. */
export interface TextExtraction {
  index: number;
  text: string;
  matches: Record<string, string[]>;
}

/**
 * Extractions of dictionary terms from a stream of texts, one result per text, in order.
 *
 * @example
 * from(reviews).pipe(extractElements(client, { dictionary: ['staff', 'food', 'price'] }))
 *   .subscribe(({ matches }) => console.log(matches.food));
 */
export function extractElements(client: PulseClient, options: ExtractElementsConfig): OperatorFunction<string, TextExtraction> {
  const config = checkOperator(client, options ?? ({} as ExtractElementsConfig), ExtractElementsConfigSchema);
  return batchTexts(batchConfig(config), (batch) =>
    client
      .extractElements({ inputs: batch.map((b) => b.text), dictionary: config.dictionary, type: config.type, fast: config.fast ?? 'auto' })
      .pipe(
        map((res) =>
          res.results.map((perTerm, i) => ({
            index: batch[i]!.index,
            text: batch[i]!.text,
            matches: Object.fromEntries(res.dictionary.map((term, t) => [term, perTerm[t] ?? []])),
          })),
        ),
      ),
  );
}
