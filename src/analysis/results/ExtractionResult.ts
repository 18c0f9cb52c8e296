import type { Row } from '../csv';
import type { ExtractionsResponse } from '../../schemas/extractions';
import { AnalysisResult } from './AnalysisResult';
import { brand } from '../../brand';

/**
 * Dictionary terms found in each text.
 *
 * @example
 * const found = await firstValueFrom(extractElements(reviews, { dictionary: ['staff', 'food', 'price'] }));
 * found.byText()[0]!.food; // ['burgers']
 */
export class ExtractionResult extends AnalysisResult<ExtractionsResponse> {
  get dictionary(): readonly string[] {
    return this.raw.dictionary;
  }

  /** Per text (input order), per term, the extracted spans. */
  byText(): Array<Record<string, string[]>> {
    return this.raw.results.map((perTerm) => Object.fromEntries(this.raw.dictionary.map((term, t) => [term, perTerm[t] ?? []])));
  }

  /** One row per text and term that matched. */
  toRows(): Row[] {
    return this.byText().flatMap((terms, index) =>
      Object.entries(terms)
        .filter(([, spans]) => spans.length > 0)
        .map(([term, spans]) => ({ index, text: this.texts[index] ?? '', term, matches: spans.join(' | ') })),
    );
  }

  protected override columns(): string[] {
    return ['index', 'text', 'term', 'matches'];
  }
}
brand(ExtractionResult, 'ExtractionResult');
