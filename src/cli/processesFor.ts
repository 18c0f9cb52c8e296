import type { Process } from '../analysis/Process';
import { Cluster } from '../analysis/processes/Cluster';
import { DataDictionary } from '../analysis/processes/DataDictionary';
import { Embeddings } from '../analysis/processes/Embeddings';
import { SentimentProcess } from '../analysis/processes/SentimentProcess';
import { Similarity } from '../analysis/processes/Similarity';
import { Summary } from '../analysis/processes/Summary';
import { ThemeAllocation } from '../analysis/processes/ThemeAllocation';
import { ThemeExtraction, type ThemeExtractionOptions } from '../analysis/processes/ThemeExtraction';
import { ThemeGeneration } from '../analysis/processes/ThemeGeneration';
import { LIMITS } from '../schemas/limits';
import type { SummariesRequest } from '../schemas/summaries';
import type { ClusteringRequest } from '../schemas/clustering';
import type { AnalysisResult } from '../analysis/results/AnalysisResult';
import type { Args } from './parseArgs';
import { UsageError } from './UsageError';

type AnyProcess = Process<unknown, AnalysisResult<unknown>>;

/** A value among `allowed`, or a usage error naming the flag. */
function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value !== undefined && !allowed.includes(value as T)) throw new UsageError(`${flag} must be ${allowed.join(', ')}`);
  return value as T | undefined;
}

const LENGTHS: readonly NonNullable<SummariesRequest['length']>[] = ['bullet-points', 'short', 'medium', 'long'];
const PRESETS: readonly NonNullable<SummariesRequest['preset']>[] = [
  'five-point', 'ten-point', 'one-tweet', 'three-tweets', 'one-para', 'exec', 'two-pager', 'one-pager',
];
const TYPES: readonly NonNullable<ThemeExtractionOptions['type']>[] = ['themes', 'named-entities'];

/** `extract`'s options; the combinations the service refuses are usage errors here. */
function extractionOptions(args: Args): ThemeExtractionOptions {
  const { dictionary, themes, category, expandDictionary, expandDictionaryLimit } = args;
  const type = oneOf('--type', args.extractType, TYPES);
  if (dictionary !== undefined) {
    const [min, max] = LIMITS.extractions.dictionary;
    if (dictionary.length < min || dictionary.length > max) {
      throw new UsageError(`--dictionary takes ${min} to ${max} terms (A,B,C), not ${dictionary.length}`);
    }
    if (themes !== undefined) throw new UsageError('--dictionary and --themes cannot be combined: extract terms or themes');
    if (args.minThemes !== undefined || args.maxThemes !== undefined) {
      throw new UsageError('--min-themes and --max-themes do not apply with --dictionary (no themes are generated)');
    }
  }
  if (expandDictionary && (type ?? (dictionary ? undefined : 'themes')) === 'themes') {
    throw new UsageError('--expand-dictionary does not apply with --type themes (the default without --dictionary)');
  }
  if (expandDictionaryLimit !== undefined && !expandDictionary) {
    throw new UsageError('--expand-dictionary-limit applies with --expand-dictionary');
  }
  return {
    themes,
    dictionary,
    type,
    category,
    expandDictionary: expandDictionary || undefined,
    expandDictionaryLimit,
  };
}

const ALGORITHMS: readonly NonNullable<ClusteringRequest['algorithm']>[] = ['kmeans', 'skmeans', 'agglomerative', 'hdbscan'];

/**
 * The processes an analysis command runs; building them checks their options (a
 * `PulseValidationError` or a `UsageError`, before any request).
 *
 * @example
 * processesFor(parseArgs(['analyze', 'reviews.csv'])); // ThemeGeneration, SentimentProcess, ThemeAllocation
 */
export function processesFor(args: Args): AnyProcess[] {
  const generation = () => new ThemeGeneration({ minThemes: args.minThemes, maxThemes: args.maxThemes });
  const themed = (make: () => AnyProcess) => (args.themes ? [make()] : [generation(), make()]);
  const list = (...processes: object[]) => processes as AnyProcess[];
  switch (args.command) {
    case 'sentiment':
      return list(new SentimentProcess());
    case 'themes':
      return list(generation());
    case 'allocate':
      return themed(() => new ThemeAllocation({ themes: args.themes }) as unknown as AnyProcess);
    case 'analyze':
      return args.themes
        ? list(new SentimentProcess(), new ThemeAllocation({ themes: args.themes }))
        : list(generation(), new SentimentProcess(), new ThemeAllocation());
    case 'summarize': {
      const length = oneOf('--length', args.length, LENGTHS);
      const preset = oneOf('--preset', args.preset, PRESETS);
      return list(new Summary({ question: args.question, length, preset }));
    }
    case 'cluster':
      return list(new Cluster({ k: args.k, algorithm: oneOf('--algorithm', args.algorithm, ALGORITHMS) }));
    case 'extract': {
      const options = extractionOptions(args);
      const make = () => new ThemeExtraction(options) as unknown as AnyProcess;
      return options.dictionary ? [make()] : themed(make);
    }
    case 'similarity':
      return list(new Similarity());
    case 'embed':
      return list(new Embeddings());
    case 'dictionary': {
      const { title, description, context, language, header } = args;
      return list(new DataDictionary({ title, description, context, language, header }));
    }
    default:
      throw new UsageError(`pulse ${args.command} runs no analysis`);
  }
}
