import { ExtractionsRequestSchema } from '../../schemas/extractions';
import { LIMITS } from '../../schemas/limits';
import { checkExtractions } from '../splitting/checkCounts';
import { checkTexts, ensure } from '../validate';
import { textsEndpoint } from './textsEndpoint';

const [minTerms, maxTerms] = LIMITS.extractions.dictionary;

/** `POST /extractions`: mentions of 3 to 200 dictionary terms in each input. */
export const extractionsEndpoint = textsEndpoint({
  path: '/extractions',
  kind: 'extractions',
  request: ExtractionsRequestSchema,
  oversize: { split: 'results' },
  limits: LIMITS.extractions,
  outputPerInput: (req) => ({ columns: req.dictionary.length, what: 'extractions result (inputs × dictionary terms)' }),
  checkResult: (data, req) => checkExtractions(data, req.inputs.length),
  check(req, _fast, settings) {
    checkTexts('dictionary', req.dictionary, { min: minTerms, max: maxTerms, maxLength: settings.maxTextLength, mode: 'any' });
    if (req.type === 'themes') {
      ensure(req.expandDictionary !== true, 'expandDictionary', 'must be false when type is "themes"');
    }
    if (req.expandDictionaryLimit !== undefined) {
      ensure(Number.isFinite(req.expandDictionaryLimit) && req.expandDictionaryLimit >= 0, 'expandDictionaryLimit', 'must be a non-negative number');
    }
  },
  toWire: ({ expandDictionary, expandDictionaryLimit, ...rest }) => ({
    ...rest,
    expand_dictionary: expandDictionary,
    expand_dictionary_limit: expandDictionaryLimit,
  }),
});
