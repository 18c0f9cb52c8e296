import { toCSV, type Row } from '../csv';
import { brand, isBranded } from '../../brand';

/**
 * What every result of a starter, process or workflow step has: the texts it is about,
 * the service's answer (`raw`, plain JSON), a flat table (`toRows`) and its CSV.
 */
export abstract class AnalysisResult<Raw> {
  /** `instanceof` by brand, so it holds across copies of the library (ESM and CommonJS). */
  static [Symbol.hasInstance]<T>(this: { prototype: T }, value: unknown): value is T {
    return isBranded(this, value);
  }
  constructor(
    /** The analysed texts, in input order. */
    readonly texts: readonly string[],
    /** The service's answer as received (plain JSON; what caches store). */
    readonly raw: Raw,
  ) {}

  /** One flat row per item, ready for a table or a spreadsheet. */
  abstract toRows(): Row[];

  /** `toRows()` as RFC 4180 CSV (formula-like cells neutralised). */
  toCSV(): string {
    const columns = this.columns();
    return columns ? toCSV(this.toRows(), columns) : toCSV(this.toRows());
  }

  /** The raw answer, so `JSON.stringify(result)` gives what the service sent. */
  toJSON(): Raw {
    return this.raw;
  }

  /** Column order of the CSV; by default the keys of the first row. */
  protected columns(): string[] | undefined {
    return undefined;
  }
}
brand(AnalysisResult, 'AnalysisResult');
