import type { Row } from '../csv';
import type { SimilarityResponse } from '../../schemas/similarity';
import { AnalysisResult } from './AnalysisResult';
import { brand } from '../../brand';

/** A neighbour of a text. */
export interface Neighbour {
  index: number;
  text: string;
  score: number;
}

/**
 * Pairwise similarity: of the texts with each other (self), or of the texts with
 * `others` (cross). `matrix[i][j]` is text i against text (or other) j.
 *
 * @example
 * const sim = await firstValueFrom(compareSimilarity(reviews));
 * sim.mostSimilar(0, 3); // the 3 reviews closest to the first one
 */
export class SimilarityResult extends AnalysisResult<SimilarityResponse> {
  constructor(
    texts: readonly string[],
    raw: SimilarityResponse,
    /** The second set of a cross-similarity; undefined for self-similarity. */
    readonly others?: readonly string[],
  ) {
    super(texts, raw);
  }

  get matrix(): readonly (readonly number[])[] {
    return this.raw.matrix ?? [];
  }

  /** The `k` most similar texts (of `others` when cross) to text `i`, best first. */
  mostSimilar(i: number, k = 5): Neighbour[] {
    const targets = this.others ?? this.texts;
    return (this.matrix[i] ?? [])
      .map((score, index) => ({ index, text: targets[index] ?? '', score }))
      .filter((n) => this.others !== undefined || n.index !== i)
      .sort((a, b) => b.score - a.score || a.index - b.index)
      .slice(0, k);
  }

  /** One row per pair: i < j for self-similarity, every (i, j) for cross. */
  toRows(): Row[] {
    const targets = this.others ?? this.texts;
    return this.matrix.flatMap((row, a) =>
      row.flatMap((score, b) => (this.others || b > a ? [{ a, b, textA: this.texts[a] ?? '', textB: targets[b] ?? '', score }] : [])),
    );
  }

  protected override columns(): string[] {
    return ['a', 'b', 'textA', 'textB', 'score'];
  }
}
brand(SimilarityResult, 'SimilarityResult');
