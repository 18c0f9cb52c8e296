import { closestKey } from '../schemas/optionsObject';

/**
 * `; did you mean --column?` when a known flag is a typo away from `flag` (the rule option
 * objects use: `closestKey`), else ''.
 *
 * @example
 * didYouMean('--colum', ['column', 'out']); // '; did you mean --column?'
 */
export function didYouMean(flag: string, known: readonly string[]): string {
  const near = closestKey(flag.replace(/^-+/, ''), known);
  return near === undefined ? '' : `; did you mean --${near}?`;
}
