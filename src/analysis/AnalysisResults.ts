import type { AnalysisResult } from './results/AnalysisResult';
import type { ClusterResult } from './results/ClusterResult';
import type { DataDictionaryResult } from './results/DataDictionaryResult';
import type { EmbeddingsResult } from './results/EmbeddingsResult';
import type { ExtractionResult } from './results/ExtractionResult';
import type { SentimentResult } from './results/SentimentResult';
import type { SimilarityResult } from './results/SimilarityResult';
import type { SummaryResult } from './results/SummaryResult';
import type { ThemeAllocationResult } from './results/ThemeAllocationResult';
import type { ThemeGenerationResult } from './results/ThemeGenerationResult';
import { brand, isBranded } from '../brand';
import { PulseValidationError } from '../errors';
import { sentimentByTheme, type ThemeSentiment } from './sentimentByTheme';

/** Results of an Analyzer or Workflow run by step name. */
export type ResultMap = Record<string, AnalysisResult<unknown>>;

/**
 * The results of an Analyzer or Workflow run, by step name (typed for a Workflow), with
 * shortcuts for the default names.
 *
 * @example
 * const results = await firstValueFrom(analyzer.run());
 * results.sentiment?.summary();
 * results.get('themeAllocation');
 */
export class AnalysisResults<R extends ResultMap = ResultMap> {
  /** `instanceof` by brand, so it holds across copies of the library (ESM and CommonJS). */
  static [Symbol.hasInstance]<T>(this: { prototype: T }, value: unknown): value is T {
    return isBranded(this, value);
  }
  constructor(private readonly byName: R) {}

  /** The result of the step `name`. */
  get<K extends keyof R & string>(name: K): R[K] {
    return this.byName[name];
  }

  /** Whether a step of this name has a result. */
  has(name: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.byName, name);
  }

  /** Step names, in the order the steps finished. */
  get names(): string[] {
    return Object.keys(this.byName);
  }

  get themeGeneration(): ThemeGenerationResult | undefined {
    return this.pick('themeGeneration');
  }
  get sentiment(): SentimentResult | undefined {
    return this.pick('sentiment');
  }
  get themeAllocation(): ThemeAllocationResult | undefined {
    return this.pick('themeAllocation');
  }
  get themeExtraction(): ExtractionResult | undefined {
    return this.pick('themeExtraction');
  }
  get similarity(): SimilarityResult | undefined {
    return this.pick('similarity');
  }
  get cluster(): ClusterResult | undefined {
    return this.pick('cluster');
  }
  get summary(): SummaryResult | undefined {
    return this.pick('summary');
  }
  get dataDictionary(): DataDictionaryResult | undefined {
    return this.pick('dataDictionary');
  }
  get embeddings(): EmbeddingsResult | undefined {
    return this.pick('embeddings');
  }

  /**
   * Sentiment by theme (a cross-tab) of the `sentiment` and `themeAllocation` results (or
   * the steps named), one row per theme, then the texts given no theme.
   *
   * @example
   * results.sentimentByTheme().find((r) => r.theme === 'Food')?.shares.negative;
   */
  sentimentByTheme(options: { sentiment?: string; allocation?: string; threshold?: number } = {}): ThemeSentiment[] {
    const s = this.pick<SentimentResult>(options.sentiment ?? 'sentiment');
    const a = this.pick<ThemeAllocationResult>(options.allocation ?? 'themeAllocation');
    if (!s) throw new PulseValidationError('sentiment', `no result named '${options.sentiment ?? 'sentiment'}'`);
    if (!a) throw new PulseValidationError('allocation', `no result named '${options.allocation ?? 'themeAllocation'}'`);
    return sentimentByTheme(s, a, options.threshold);
  }

  /** Raw results by name (what the service sent). */
  toJSON(): Record<string, unknown> {
    return Object.fromEntries(Object.entries(this.byName).map(([k, v]) => [k, v.toJSON()]));
  }

  private pick<T>(name: string): T | undefined {
    return this.has(name) ? (this.byName[name] as unknown as T) : undefined;
  }
}
brand(AnalysisResults, 'AnalysisResults');
