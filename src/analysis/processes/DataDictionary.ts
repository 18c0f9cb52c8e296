import type { Observable } from 'rxjs';
import type { CallOptions } from '../../client/CallOptions';
import type { DataDictionaryRequest, DataDictionaryResponse } from '../../schemas/dataDictionary';
import { Process, type OptionKeys, type ProcessContext, type ProcessOptions } from '../Process';
import { DataDictionaryResult } from '../results/DataDictionaryResult';

/** Options of `DataDictionary`. */
export interface DataDictionaryOptions extends ProcessOptions, NonNullable<DataDictionaryRequest['options']> {
  /** Header of the one-column table made of the texts. @default 'response' */
  header?: string;
  /** Always a job: `false` or `'auto'` (`true` is refused). @default the run's mode */
  fast?: DataDictionaryRequest['fast'];
}

/** Every key of `DataDictionaryOptions` (the compiler holds the list to the type): others fail when built. */
export const DATA_DICTIONARY_OPTION_KEYS: OptionKeys<DataDictionaryOptions> = { header: true, title: true, description: true, context: true, language: true };

/**
 * A DDI data dictionary of the texts as a one-column table (for a whole table, use the
 * `generateDataDictionary` starter with rows).
 *
 * @example
 * new DataDictionary({ header: 'comment', title: 'Park survey' });
 */
export class DataDictionary extends Process<DataDictionaryResponse, DataDictionaryResult> {
  readonly kind = 'dataDictionary' as const;

  constructor(readonly options: DataDictionaryOptions = {}) {
    super('dataDictionary', options, DATA_DICTIONARY_OPTION_KEYS);
    const h = options.header;
    if (h !== undefined && (typeof h !== 'string' || h.trim() === '')) throw this.invalid('header', 'must be a non-empty string');
    if ((options.fast as unknown) === true) throw this.invalid('fast', "must be false or 'auto' (data dictionaries always run as jobs)");
  }

  params(): Record<string, unknown> {
    const { name: _name, fast: _fast, ...params } = this.options;
    return params;
  }

  protected override send(ctx: ProcessContext, call: CallOptions): Observable<unknown> {
    const { name: _name, fast, header = 'response', ...options } = this.options;
    const request = { data: [[header], ...ctx.texts.map((t) => [t])], options: Object.keys(options).length ? options : undefined };
    // Always a job: only an explicit per-step `fast` is sent (the client refuses `true`).
    return ctx.client.generateDataDictionary({ ...request, fast }, call);
  }

  wrap(raw: DataDictionaryResponse, ctx: Pick<ProcessContext, 'texts'>): DataDictionaryResult {
    return new DataDictionaryResult(ctx.texts, raw);
  }
}
