import { map, type Observable } from 'rxjs';
import { themeTarget } from '../../operators/themeScores';
import { Process, tracked, type ProcessContext, type ProcessEmission, type ProcessOptions } from '../Process';
import { ThemeAllocationResult, type ThemeAllocationData } from '../results/ThemeAllocationResult';
import { checkThemeSource, resolveThemes, themeDependencies, type ThemeSourceOptions } from './themeSource';

/** Options of `ThemeAllocation` (and of the `themeAllocation` starter). */
export interface ThemeAllocationOptions extends ProcessOptions, ThemeSourceOptions {
  /** Default threshold of the result's helpers. @default DEFAULT_THEME_THRESHOLD (0.28) */
  threshold?: number;
}

/**
 * Scores every text against every theme (cross-similarity with the themes' short
 * labels). Without `themes`, it uses a theme generation step's themes (the Analyzer adds
 * one when there is none).
 *
 * @example
 * new Analyzer({ dataset: reviews, processes: [new ThemeAllocation()] }); // themes generated first
 * new ThemeAllocation({ themes: ['Staff', 'Food', 'Queues'] });
 */
export class ThemeAllocation extends Process<ThemeAllocationData, ThemeAllocationResult> {
  readonly kind = 'themeAllocation' as const;

  constructor(readonly options: ThemeAllocationOptions = {}) {
    super('themeAllocation', options);
    checkThemeSource(this.id, options);
    const t = options.threshold;
    if (t !== undefined && (typeof t !== 'number' || !Number.isFinite(t) || t < -1 || t > 1)) throw this.invalid('threshold', 'must be a number from -1 to 1', '-1..1');
  }

  override dependsOn(): string[] {
    return themeDependencies(this.options);
  }

  params(): Record<string, unknown> {
    return { themes: this.options.themes, threshold: this.options.threshold };
  }

  run(ctx: ProcessContext): Observable<ProcessEmission<ThemeAllocationData>> {
    const themes = resolveThemes(this.id, this.options, ctx.upstream);
    const request = { setA: [...ctx.texts], setB: themes.map(themeTarget), fast: ctx.fast };
    return tracked(ctx.client.compareSimilarity(request, { ...ctx.call, observe: 'events' })).pipe(
      map((e) => (e.type === 'result' ? { type: 'result', data: { themes, similarity: e.data.matrix ?? [] } } : e)),
    );
  }

  wrap(raw: ThemeAllocationData, ctx: Pick<ProcessContext, 'texts'>): ThemeAllocationResult {
    return new ThemeAllocationResult(ctx.texts, raw, this.options.threshold);
  }
}
