import type { Observable } from 'rxjs';
import { themeTarget } from '../../operators/themeScores';
import type { ExtractionsResponse } from '../../schemas/extractions';
import { Process, tracked, type ProcessContext, type ProcessEmission, type ProcessOptions } from '../Process';
import { ExtractionResult } from '../results/ExtractionResult';
import { checkThemeSource, resolveThemes, themeDependencies, type ThemeSourceOptions } from './themeSource';

/** Options of `ThemeExtraction`. */
export interface ThemeExtractionOptions extends ProcessOptions, ThemeSourceOptions {
  /** Let the service add related terms to the dictionary. */
  expandDictionary?: boolean;
  version?: string;
}

/**
 * Extracts, from every text, the spans that speak about each theme (the themes' short
 * labels as a `themes` dictionary: 3 to 200 of them).
 *
 * @example
 * new Analyzer({ dataset: reviews, processes: [new ThemeGeneration({ minThemes: 3 }), new ThemeExtraction()] });
 */
export class ThemeExtraction extends Process<ExtractionsResponse, ExtractionResult> {
  readonly kind = 'themeExtraction' as const;

  constructor(readonly options: ThemeExtractionOptions = {}) {
    super('themeExtraction', options);
    checkThemeSource(this.id, options);
    if (options.expandDictionary !== undefined && typeof options.expandDictionary !== 'boolean') throw this.invalid('expandDictionary', 'must be a boolean');
  }

  override dependsOn(): string[] {
    return themeDependencies(this.options);
  }

  params(): Record<string, unknown> {
    return { themes: this.options.themes, expandDictionary: this.options.expandDictionary, version: this.options.version };
  }

  run(ctx: ProcessContext): Observable<ProcessEmission<ExtractionsResponse>> {
    const dictionary = resolveThemes(this.id, this.options, ctx.upstream).map(themeTarget);
    const request = {
      inputs: [...ctx.texts],
      dictionary,
      type: 'themes' as const,
      expandDictionary: this.options.expandDictionary,
      version: this.options.version,
      fast: ctx.fast,
    };
    return tracked(ctx.client.extractElements(request, { ...ctx.call, observe: 'events' }));
  }

  wrap(raw: ExtractionsResponse, ctx: Pick<ProcessContext, 'texts'>): ExtractionResult {
    return new ExtractionResult(ctx.texts, raw);
  }
}
