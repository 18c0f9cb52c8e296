import type { Row } from '../csv';
import type { DataDictionaryResponse, DDIVariable } from '../../schemas/dataDictionary';
import { AnalysisResult } from './AnalysisResult';
import { brand } from '../../brand';

/**
 * A DDI data dictionary (codebook) of a table.
 *
 * @example
 * const dictionary = await firstValueFrom(generateDataDictionary([['age', 'comment'], ['34', 'Great']]));
 * dictionary.variables.map((v) => v.variableName);
 */
export class DataDictionaryResult extends AnalysisResult<DataDictionaryResponse> {
  get title(): string {
    return this.raw.codebook.title;
  }

  get variables(): readonly DDIVariable[] {
    return this.raw.codebook.variables;
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
