import type { Row } from '../csv';
import {
  DDICategorySchema,
  DDIValueDomainSchema,
  type DataDictionaryResponse,
  type DDICategory,
  type DDIValueDomain,
  type DDIVariable,
} from '../../schemas/dataDictionary';
import { AnalysisResult } from './AnalysisResult';
import { brand } from '../../brand';

/**
 * A DDI data dictionary (codebook) of a table.
 *
 * @example
 * const dictionary = await firstValueFrom(generateDataDictionary([['age', 'comment'], ['34', 'Great']]));
 * dictionary.variables.map((v) => v.variableName);
 * dictionary.labels;                      // { AGE: 'age', COMMENT: 'comment' }
 * dictionary.valueLabels('SATISFACTION'); // { satisfied: 'satisfied', ... } in the codebook's order
 */
export class DataDictionaryResult extends AnalysisResult<DataDictionaryResponse> {
  get title(): string {
    return this.raw.codebook.title;
  }

  get variables(): readonly DDIVariable[] {
    return this.raw.codebook.variables;
  }

  /** The value domains of the codebook (entries that do not match the DDI shape are left out). */
  get valueDomains(): DDIValueDomain[] {
    return valid(this.raw.codebook.valueDomains, (v) => DDIValueDomainSchema.safeParse(v));
  }

  /** Every category (code and label) of the codebook, in its order within each value domain. */
  get categories(): DDICategory[] {
    return valid(this.raw.codebook.categories, (v) => DDICategorySchema.safeParse(v)).sort((a, b) => a.order - b.order);
  }

  /** Variable labels by variable name. */
  get labels(): Record<string, string> {
    return Object.fromEntries(this.variables.map((v) => [v.variableName, v.variableLabel]));
  }

  /** The categories of one variable (through its `valueDomainRef`), in order; none for an uncoded one. */
  categoriesOf(variableName: string): DDICategory[] {
    const ref = this.variables.find((v) => v.variableName === variableName)?.valueDomainRef;
    return typeof ref === 'string' ? this.categories.filter((c) => c.valueDomainId === ref) : [];
  }

  /** Value labels of one variable: its codes to their labels, in order. */
  valueLabels(variableName: string): Record<string, string> {
    return Object.fromEntries(this.categoriesOf(variableName).map((c) => [c.code, c.label]));
  }

  toRows(): Row[] {
    return this.variables.map((v) => ({
      variableName: v.variableName,
      variableLabel: v.variableLabel,
      type: v.type,
      scaleLevel: v.scaleLevel,
      sourceColumns: v.sourceColumns,
    }));
  }

  protected override columns(): string[] {
    return ['variableName', 'variableLabel', 'type', 'scaleLevel', 'sourceColumns'];
  }
}
brand(DataDictionaryResult, 'DataDictionaryResult');

/** The entries of an array that pass their schema (a server's extra or broken entries are skipped). */
function valid<T>(list: unknown, parse: (v: unknown) => { success: boolean; data?: T }): T[] {
  return Array.isArray(list) ? list.flatMap((v) => {
    const r = parse(v);
    return r.success ? [r.data as T] : [];
  }) : [];
}
