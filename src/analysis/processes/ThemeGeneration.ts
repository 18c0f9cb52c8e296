import type { Observable } from 'rxjs';
import { checkInt } from '../../client/validate';
import { LIMITS } from '../../schemas/limits';
import type { ThemesResponse } from '../../schemas/themes';
import { Process, tracked, type ProcessContext, type ProcessEmission, type ProcessOptions } from '../Process';
import { ThemeGenerationResult } from '../results/ThemeGenerationResult';

/** Options of `ThemeGeneration` (and of the `generateThemes` starter). */
export interface ThemeGenerationOptions extends ProcessOptions {
  minThemes?: number;
  maxThemes?: number;
  /** What the texts are about, e.g. 'reviews of a theme park'. */
  context?: string;
  version?: string;
  prune?: number;
}

/**
 * Generates themes from the texts (over 500 texts, from an even sample of 500).
 *
 * @example
 * new Analyzer({ dataset: reviews, processes: [new ThemeGeneration({ minThemes: 2, maxThemes: 5 })] });
 */
export class ThemeGeneration extends Process<ThemesResponse, ThemeGenerationResult> {
  readonly kind = 'themeGeneration' as const;

  constructor(readonly options: ThemeGenerationOptions = {}) {
    super('themeGeneration', options);
    const { minThemes, maxThemes, context, prune } = options;
    const max = LIMITS.themes.maxThemes;
    checkInt(`${this.id}.minThemes`, minThemes, 1, max);
    checkInt(`${this.id}.maxThemes`, maxThemes, 1, max);
    if (minThemes !== undefined && maxThemes !== undefined && minThemes > maxThemes) throw this.invalid('minThemes', `must not exceed maxThemes (${maxThemes})`);
    checkInt(`${this.id}.prune`, prune, LIMITS.themes.prune[0], LIMITS.themes.prune[1]);
    if (context !== undefined && typeof context !== 'string') throw this.invalid('context', 'must be a string');
  }

  params(): Record<string, unknown> {
    const { minThemes, maxThemes, context, version, prune } = this.options;
    return { minThemes, maxThemes, context, version, prune };
  }

  run(ctx: ProcessContext): Observable<ProcessEmission<ThemesResponse>> {
    const request = { inputs: [...ctx.texts], ...this.params(), fast: ctx.fast };
    return tracked(ctx.client.generateThemes(request, { ...ctx.call, observe: 'events' }));
  }

  wrap(raw: ThemesResponse, ctx: Pick<ProcessContext, 'texts'>): ThemeGenerationResult {
    return new ThemeGenerationResult(ctx.texts, raw);
  }
}
