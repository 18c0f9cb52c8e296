import type { Observable } from 'rxjs';
import type { CallOptions } from '../../client/CallOptions';
import { checkInt } from '../../client/validate';
import { LIMITS } from '../../schemas/limits';
import type { ThemesResponse } from '../../schemas/themes';
import { Process, type OptionKeys, type ProcessContext, type ProcessOptions, type ProviderOptions } from '../Process';
import { ThemeGenerationResult } from '../results/ThemeGenerationResult';

/** Options of `ThemeGeneration` (and of the `generateThemes` starter). */
export interface ThemeGenerationOptions extends ProcessOptions, ProviderOptions {
  minThemes?: number;
  maxThemes?: number;
  /** What the texts are about, e.g. 'reviews of a theme park'. */
  context?: string;
  version?: string;
  prune?: number;
  /** Ask for alternative theme sets to choose from (the result's `themeSets`). @default false */
  interactive?: boolean;
  /** How many theme sets (1 to 3); above 1 needs `interactive: true`. @default 1 */
  initialSets?: number;
}

/** Every key of `ThemeGenerationOptions` (the compiler holds the list to the type): others fail when built. */
export const THEME_GENERATION_OPTION_KEYS: OptionKeys<ThemeGenerationOptions> = {
  minThemes: true,
  maxThemes: true,
  context: true,
  version: true,
  prune: true,
  interactive: true,
  initialSets: true,
  provider: true,
};

/**
 * Generates themes from the texts (over 500 texts, from an even sample of 500).
 *
 * @example
 * new Analyzer({ dataset: reviews, processes: [new ThemeGeneration({ minThemes: 2, maxThemes: 5 })] });
 * new ThemeGeneration({ interactive: true, initialSets: 3 }); // result.themeSets: three alternatives
 */
export class ThemeGeneration extends Process<ThemesResponse, ThemeGenerationResult> {
  readonly kind = 'themeGeneration' as const;

  constructor(readonly options: ThemeGenerationOptions = {}) {
    super('themeGeneration', options, THEME_GENERATION_OPTION_KEYS);
    const { minThemes, maxThemes, context, prune, version, interactive, initialSets } = options;
    const max = LIMITS.themes.maxThemes;
    checkInt(`${this.id}.minThemes`, minThemes, 1, max);
    checkInt(`${this.id}.maxThemes`, maxThemes, 1, max);
    if (minThemes !== undefined && maxThemes !== undefined && minThemes > maxThemes) {
      throw this.invalid('minThemes', `must not exceed maxThemes (${maxThemes})`);
    }
    checkInt(`${this.id}.prune`, prune, LIMITS.themes.prune[0], LIMITS.themes.prune[1]);
    if (context !== undefined && typeof context !== 'string') throw this.invalid('context', 'must be a string');
    if (version !== undefined && typeof version !== 'string') throw this.invalid('version', 'must be a string');
    if (interactive !== undefined && typeof interactive !== 'boolean') {
      throw this.invalid('interactive', 'must be a boolean');
    }
    checkInt(`${this.id}.initialSets`, initialSets, LIMITS.themes.initialSets[0], LIMITS.themes.initialSets[1]);
    if ((initialSets ?? 1) > 1 && interactive !== true) {
      throw this.invalid('initialSets', 'above 1 requires interactive: true');
    }
  }

  params(): Record<string, unknown> {
    const { minThemes, maxThemes, context, version, prune, interactive, initialSets, provider } = this.options;
    return { minThemes, maxThemes, context, version, prune, interactive, initialSets, provider: this.providerLabel(provider) };
  }

  protected override send(ctx: ProcessContext, options: CallOptions): Observable<unknown> {
    const { minThemes, maxThemes, context, version, prune, interactive, initialSets, provider } = this.options;
    const request = { inputs: [...ctx.texts], minThemes, maxThemes, context, version, prune, interactive, initialSets, provider };
    return ctx.client.generateThemes({ ...request, fast: this.fastIn(ctx) }, options);
  }

  wrap(raw: ThemesResponse, ctx: Pick<ProcessContext, 'texts'>): ThemeGenerationResult {
    return new ThemeGenerationResult(ctx.texts, raw);
  }
}
