import type { Row } from '../csv';
import type { SimilarityResponse } from '../../schemas/similarity';
import { crossMatrix, selfMatrix } from '../../client/endpoints/similarityMatrix';
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

  /** The full matrix (rebuilt from a flattened answer when `flatten: true` was asked). */
  get matrix(): readonly (readonly number[])[] {
    const { matrix, flattened } = this.raw;
    if (matrix || !flattened) return matrix ?? [];
    return this.others ? crossMatrix(flattened, this.others.length) : selfMatrix(flattened, this.raw.n ?? this.texts.length);
  }

  /**
   * The flattened scores: for self-similarity the upper triangle without the diagonal, row
   * by row (i < j); for cross-similarity every row in turn.
   */
  get flattened(): readonly number[] {
    if (this.raw.flattened) return this.raw.flattened;
    return this.matrix.flatMap((row, i) => (this.others ? row : row.slice(i + 1)));
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
