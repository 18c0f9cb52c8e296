import type { Observable } from 'rxjs';
import type { CallOptions } from '../../client/CallOptions';
import { themeTarget } from '../../operators/themeScores';
import type { ExtractionsRequest, ExtractionsResponse } from '../../schemas/extractions';
import { Process, type OptionKeys, type ProcessContext, type ProcessOptions, type ProviderOptions } from '../Process';
import { ExtractionResult } from '../results/ExtractionResult';
import { checkThemeSource, resolveThemes, themeDependencies, type ThemeSourceOptions } from './themeSource';

/** Options of `ThemeExtraction`. */
export interface ThemeExtractionOptions extends ProcessOptions, ThemeSourceOptions, ProviderOptions {
  /** Terms to extract instead of themes (3 to 200; no theme generation is needed then). */
  dictionary?: string[];
  /** What the terms are. @default 'themes' with themes, the service's default with a `dictionary` */
  type?: ExtractionsRequest['type'];
  /** A category that narrows the extraction (sent as is). */
  category?: string;
  /** Let the service add related terms to the dictionary (not with `type: 'themes'`). */
  expandDictionary?: boolean;
  /** At most this many added terms (with `expandDictionary`). */
  expandDictionaryLimit?: number;
  version?: string;
}

const TYPES = ['named-entities', 'themes'];

/** Every key of `ThemeExtractionOptions` (the compiler holds the list to the type): others fail when built. */
export const THEME_EXTRACTION_OPTION_KEYS: OptionKeys<ThemeExtractionOptions> = {
  themes: true,
  themesFrom: true,
  dictionary: true,
  type: true,
  category: true,
  expandDictionary: true,
  expandDictionaryLimit: true,
  version: true,
  provider: true,
};

/**
 * Extracts, from every text, the spans that speak about each theme (the themes' short
 * labels as a `themes` dictionary: 3 to 200 of them), or about each term of a `dictionary`.
 *
 * @example
 * new Analyzer({ dataset: reviews, processes: [new ThemeGeneration({ minThemes: 3 }), new ThemeExtraction()] });
 * new ThemeExtraction({ dictionary: ['staff', 'food', 'price'], type: 'named-entities', expandDictionary: true });
 */
export class ThemeExtraction extends Process<ExtractionsResponse, ExtractionResult> {
  readonly kind = 'themeExtraction' as const;

  constructor(readonly options: ThemeExtractionOptions = {}) {
    super('themeExtraction', options, THEME_EXTRACTION_OPTION_KEYS);
    const { dictionary, type, category, expandDictionary, expandDictionaryLimit: limit, version } = options;
    checkThemeSource(this.id, options);
    if (dictionary !== undefined) {
      if (!Array.isArray(dictionary) || dictionary.some((t) => typeof t !== 'string' || t.trim() === '')) {
        throw this.invalid('dictionary', 'must be an array of non-empty strings');
      }
      if (options.themes !== undefined || options.themesFrom !== undefined) {
        throw this.invalid('dictionary', 'cannot be combined with themes or themesFrom');
      }
    }
    if (type !== undefined && !TYPES.includes(type)) throw this.invalid('type', `must be one of ${TYPES.join(', ')}`);
    if (category !== undefined && typeof category !== 'string') throw this.invalid('category', 'must be a string');
    if (expandDictionary !== undefined && typeof expandDictionary !== 'boolean') {
      throw this.invalid('expandDictionary', 'must be a boolean');
    }
    if (expandDictionary === true && this.type === 'themes') {
      throw this.invalid('expandDictionary', 'must be false when type is "themes"');
    }
    if (limit !== undefined && (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 0)) {
      throw this.invalid('expandDictionaryLimit', 'must be a non-negative integer');
    }
    if (version !== undefined && typeof version !== 'string') throw this.invalid('version', 'must be a string');
  }

  override dependsOn(): string[] {
    return this.options.dictionary ? [] : themeDependencies(this.options);
  }

  private get type(): ExtractionsRequest['type'] {
    return this.options.type ?? (this.options.dictionary ? undefined : 'themes');
  }

  params(): Record<string, unknown> {
    const { themes, dictionary, category, expandDictionary, expandDictionaryLimit, version, provider } = this.options;
    return { themes, dictionary, type: this.type, category, expandDictionary, expandDictionaryLimit, version, provider: this.providerLabel(provider) };
  }

  protected override send(ctx: ProcessContext, options: CallOptions): Observable<unknown> {
    const { dictionary: terms, category, expandDictionary, expandDictionaryLimit, version, provider } = this.options;
    const dictionary = terms ? [...terms] : resolveThemes(this.id, this.options, ctx.upstream).map(themeTarget);
    const request = { inputs: [...ctx.texts], dictionary, type: this.type, category, expandDictionary, expandDictionaryLimit, version, provider };
    return ctx.client.extractElements({ ...request, fast: this.fastIn(ctx) }, options);
  }

  wrap(raw: ExtractionsResponse, ctx: Pick<ProcessContext, 'texts'>): ExtractionResult {
    return new ExtractionResult(ctx.texts, raw);
  }
}
