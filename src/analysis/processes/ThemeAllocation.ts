import type { Observable } from 'rxjs';
import type { CallOptions } from '../../client/CallOptions';
import { themeTarget } from '../../operators/themeScores';
import { SplitSchema, type SimilarityResponse, type Split } from '../../schemas/similarity';
import { Process, type OptionKeys, type ProcessContext, type ProcessOptions, type ProviderOptions } from '../Process';
import { ThemeAllocationResult, type ThemeAllocationData } from '../results/ThemeAllocationResult';
import { checkThemeSource, resolveThemes, themeDependencies, type ThemeSourceOptions } from './themeSource';

/** Options of `ThemeAllocation` (and of the `themeAllocation` starter). */
export interface ThemeAllocationOptions extends ProcessOptions, ThemeSourceOptions, ProviderOptions {
  /** Default threshold of the result's helpers. @default DEFAULT_THEME_THRESHOLD (0.28) */
  threshold?: number;
  /**
   * One theme per text (the best one) or every theme at or above the threshold: what the
   * result's `assignments()` and `toRows()` give. @default true
   */
  singleLabel?: boolean;
  /** How texts and themes are split before comparing (the similarity request's `split`). */
  split?: Split;
  /** Model version of the similarity endpoint. */
  version?: string;
}

/** Every key of `ThemeAllocationOptions` (the compiler holds the list to the type): others fail when built. */
export const THEME_ALLOCATION_OPTION_KEYS: OptionKeys<ThemeAllocationOptions> = { themes: true, themesFrom: true, threshold: true, singleLabel: true, split: true, version: true, provider: true };

/**
 * Scores every text against every theme (cross-similarity with the themes' short
 * labels). Without `themes`, it uses a theme generation step's themes (the Analyzer adds
 * one when there is none).
 *
 * @example
 * new Analyzer({ dataset: reviews, processes: [new ThemeAllocation()] }); // themes generated first
 * new ThemeAllocation({ themes: ['Staff', 'Food', 'Queues'], singleLabel: false });
 */
export class ThemeAllocation extends Process<ThemeAllocationData, ThemeAllocationResult> {
  readonly kind = 'themeAllocation' as const;

  constructor(readonly options: ThemeAllocationOptions = {}) {
    super('themeAllocation', options, THEME_ALLOCATION_OPTION_KEYS);
    checkThemeSource(this.id, options);
    const { threshold: t, singleLabel, split, version } = options;
    if (t !== undefined && (typeof t !== 'number' || !Number.isFinite(t) || t < -1 || t > 1)) {
      throw this.invalid('threshold', 'must be a number from -1 to 1', '-1..1');
    }
    if (singleLabel !== undefined && typeof singleLabel !== 'boolean') {
      throw this.invalid('singleLabel', 'must be a boolean');
    }
    if (split !== undefined && !SplitSchema.safeParse(split).success) {
      throw this.invalid('split', "must be a unit ('sentence', 'newline', 'word') or { unit, agg?, windowSize?, strideSize? }");
    }
    if (version !== undefined && typeof version !== 'string') throw this.invalid('version', 'must be a string');
  }

  override dependsOn(): string[] {
    return themeDependencies(this.options);
  }

  params(): Record<string, unknown> {
    const { themes, threshold, singleLabel, split, version, provider } = this.options;
    return { themes, threshold, singleLabel, split, version, provider: this.providerLabel(provider) };
  }

  protected override send(ctx: ProcessContext, options: CallOptions): Observable<unknown> {
    const themes = resolveThemes(this.id, this.options, ctx.upstream);
    const { split, version, provider } = this.options;
    const request = { setA: [...ctx.texts], setB: themes.map(themeTarget), split, version, provider, fast: this.fastIn(ctx) };
    return ctx.client.compareSimilarity(request, options);
  }

  /** The themes beside the texts-by-themes matrix. */
  protected override fromWire(data: unknown, ctx: ProcessContext): ThemeAllocationData {
    return { themes: resolveThemes(this.id, this.options, ctx.upstream), similarity: (data as SimilarityResponse).matrix ?? [] };
  }

  wrap(raw: ThemeAllocationData, ctx: Pick<ProcessContext, 'texts'>): ThemeAllocationResult {
    return new ThemeAllocationResult(ctx.texts, raw, this.options.threshold, this.options.singleLabel);
  }
}
