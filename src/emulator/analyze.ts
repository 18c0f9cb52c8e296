import { clusterTexts, type Algorithm } from './analysis/cluster';
import { dataDictionary, type DataDictionaryOptions } from './analysis/dataDictionary';
import { createEmbedder, type Embedder } from './analysis/embed';
import { extractElements } from './analysis/extract';
import { sentimentOf } from './analysis/sentiment';
import { similarity, type SimilarityRequestWire } from './analysis/similarity';
import { summarize } from './analysis/summarize';
import { generateThemes, type ThemeOptions } from './analysis/themes';
import { round6 } from './analysis/text';
import { engineOf, loadWordTable, NO_LANGUAGE, sentimentReaderOf, type EngineName, type LanguageSource, type SentimentReader, type Tagger } from './analysis/language';
import { nounThemes } from './analysis/nounThemes';
import { splitClauses, winkSentiment } from './analysis/winkSentiment';
import { MODEL_INPUTS, sentimentFeatures, sentimentTerms } from './analysis/sentimentFeatures';
import { classify, parseSentimentModel, type SentimentModel } from './analysis/sentimentModel';
import { createWordEmbedder } from './analysis/wordEmbed';
import type { WordTable } from './analysis/WordTable';

/** The features the emulator computes, by path. */
export type Feature = 'sentiment' | 'embeddings' | 'similarity' | 'themes' | 'clustering' | 'extractions' | 'summaries' | 'data-dictionary';

type Body = Record<string, unknown>;

/**
 * The emulator's analyst: turns a validated wire request into a wire result, as a pure
 * function of (seed, feature, body). Embedders are built lazily, once per instance.
 */
export class Analyst {
  private full: Embedder | undefined;
  private small: Embedder | undefined;
  private tagger: Tagger | null | undefined;
  private table: WordTable | null | undefined;
  private model: SentimentModel | Error | null | undefined;

  constructor(
    readonly seed: number,
    private readonly dims: number,
    private readonly language: LanguageSource = NO_LANGUAGE,
  ) {}

  /** The engine that answers, known without loading anything (the language data loads on first use). */
  get engine(): EngineName {
    return engineOf(this.language);
  }

  /** What decides sentiment, known without loading anything. */
  get sentimentReader(): SentimentReader {
    return sentimentReaderOf(this.language);
  }

  /** wink-nlp with its model, loaded on the first request that needs it; null when absent. */
  private get tag(): Tagger | null {
    if (this.tagger === undefined) this.tagger = this.language.tagger() ?? null;
    return this.tagger;
  }

  /** The word table, read on the first request that needs it; null when absent. */
  private get words(): WordTable | null {
    if (this.table === undefined) this.table = (this.language.available().tagger && loadWordTable(this.language)) || null;
    return this.table;
  }

  /**
   * The trained sentiment model, read on the first sentiment request; null when absent. An
   * unusable file fails every sentiment request with the same error (read once).
   */
  private get sentimentModel(): SentimentModel | null {
    if (this.model instanceof Error) throw this.model;
    if (this.model === undefined) {
      try {
        const json = this.sentimentReader === 'model' ? this.language.sentimentModel?.() : undefined;
        this.model = json ? parseSentimentModel(json, MODEL_INPUTS) : null;
      } catch (e) {
        const why = `the sentiment model beside the word table is unusable (${(e as Error).message})`;
        throw (this.model = new Error(`${why}; remove it to let the rules decide`));
      }
    }
    return this.model;
  }

  /** 3072-d (by default) vectors, as the API returns: from word meaning when the table is there. */
  private get embed(): Embedder {
    return (this.full ??= this.words ? createWordEmbedder(this.words, this.seed, this.dims) : createEmbedder(this.seed, this.dims));
  }
  /** A 256-d embedder for grouping work, where 3072 dimensions would only cost time. */
  private get group(): Embedder {
    return (this.small ??= createEmbedder(this.seed, 256, false));
  }

  run(feature: Feature, body: Body): Body {
    const inputs = (body.inputs as string[] | undefined) ?? [];
    switch (feature) {
      case 'sentiment':
        return { results: inputs.map((t) => this.sentiment(t)) };
      case 'embeddings':
        return { embeddings: inputs.map((text) => ({ text, vector: Array.from(this.embed(text), round6) })) };
      case 'similarity':
        return similarity(body as SimilarityRequestWire, this.embed);
      case 'themes': {
        const { minThemes, maxThemes, context, prune } = body as ThemeOptions;
        const options: ThemeOptions = { minThemes, maxThemes, context, prune };
        if (body.version === '2025-09-01') {
          const sets = Math.max(1, Number(body.initialSets ?? 1));
          return { themeSets: Array.from({ length: sets }, (_, i) => this.themes(inputs, options, this.seed + i)) };
        }
        return { themes: this.themes(inputs, options, this.seed) };
      }
      case 'clustering': {
        const algorithm = (body.algorithm as Algorithm | undefined) ?? 'kmeans';
        return { algorithm, clusters: clusterTexts(inputs, body.k as number, algorithm, this.group, this.seed) };
      }
      case 'extractions': {
        const dictionary = body.dictionary as string[];
        const type = (body.type as 'themes' | undefined) ?? 'named-entities';
        return { dictionary, results: extractElements(inputs, dictionary, type) };
      }
      case 'summaries':
        return { summary: summarize(inputs, body.question as string, body.length as string, body.preset as string, this.group) };
      case 'data-dictionary':
        return dataDictionary(body.data as string[][], (body.options as DataDictionaryOptions) ?? {});
    }
  }

  /** The trained model over the tagger's reading when there is one, else the rules, else the lexicon. */
  private sentiment(text: string) {
    const tag = this.tag;
    if (!tag) return sentimentOf(text, this.seed);
    const tagged = tag.feel(text);
    const model = this.sentimentModel;
    if (!model) return winkSentiment(tagged, text, this.seed);
    const split = splitClauses(tagged);
    return classify(model, sentimentFeatures(split, text), sentimentTerms(split));
  }

  private themes(inputs: string[], options: ThemeOptions, seed: number) {
    const tag = this.tag;
    const words = tag && this.words;
    return (words && nounThemes(inputs, options, { tag, words, embed: this.embed })) || generateThemes(inputs, options, this.group, seed);
  }
}

/** Credits a request uses: one per input (per 100 cells for data dictionaries, per pair for similarity / 100). */
export function usageOf(feature: Feature, body: Body): { records: { feature: Feature; quantity: number }[]; total: number } {
  let quantity: number;
  if (feature === 'data-dictionary') quantity = Math.ceil(((body.data as string[][]) ?? []).reduce((n, r) => n + r.length, 0) / 100);
  else if (feature === 'similarity') {
    const set = body.set as string[] | undefined;
    quantity = set ? set.length : ((body.set_a as string[]).length + (body.set_b as string[]).length);
  } else quantity = ((body.inputs as string[] | undefined) ?? []).length;
  return { records: [{ feature, quantity }], total: quantity };
}
