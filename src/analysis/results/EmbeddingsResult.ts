import type { Row } from '../csv';
import type { EmbeddingsResponse } from '../../schemas/embeddings';
import { AnalysisResult } from './AnalysisResult';
import { brand } from '../../brand';

/**
 * One embedding vector per text, in input order.
 *
 * @example
 * const { vectors } = await firstValueFrom(createEmbeddings(reviews));
 */
export class EmbeddingsResult extends AnalysisResult<EmbeddingsResponse> {
  get vectors(): number[][] {
    return this.raw.embeddings.map((e) => e.vector);
  }

  get dimensions(): number {
    return this.raw.embeddings[0]?.vector.length ?? 0;
  }

  /** One row per text; the vector as a JSON array. */
  toRows(): Row[] {
    return this.raw.embeddings.map((e, index) => ({ index, text: this.texts[index] ?? e.text, dimensions: e.vector.length, vector: JSON.stringify(e.vector) }));
  }

  protected override columns(): string[] {
    return ['index', 'text', 'dimensions', 'vector'];
  }
}
brand(EmbeddingsResult, 'EmbeddingsResult');
