import { clusterTexts, type Algorithm } from './analysis/cluster';
import { dataDictionary, type DataDictionaryOptions } from './analysis/dataDictionary';
import { createEmbedder, type Embedder } from './analysis/embed';
import { extractElements } from './analysis/extract';
import { sentimentOf } from './analysis/sentiment';
import { similarity, type SimilarityRequestWire } from './analysis/similarity';
import { summarize } from './analysis/summarize';
import { generateThemes } from './analysis/themes';
import { round6 } from './analysis/text';

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

  constructor(
    readonly seed: number,
    private readonly dims: number,
  ) {}

  /** 3072-d (by default) vectors, as the API returns. */
  private get embed(): Embedder {
    return (this.full ??= createEmbedder(this.seed, this.dims));
  }
  /** A 256-d embedder for grouping work, where 3072 dimensions would only cost time. */
  private get group(): Embedder {
    return (this.small ??= createEmbedder(this.seed, 256, false));
  }

  run(feature: Feature, body: Body): Body {
    const inputs = (body.inputs as string[] | undefined) ?? [];
    switch (feature) {
      case 'sentiment':
        return { results: inputs.map((t) => sentimentOf(t, this.seed)) };
      case 'embeddings':
        return { embeddings: inputs.map((text) => ({ text, vector: Array.from(this.embed(text), round6) })) };
      case 'similarity':
        return similarity(body as SimilarityRequestWire, this.embed);
      case 'themes': {
        const options = { minThemes: body.minThemes as number, maxThemes: body.maxThemes as number, context: body.context as string };
        if (body.version === '2025-09-01') {
          const sets = Math.max(1, Number(body.initialSets ?? 1));
          return { themeSets: Array.from({ length: sets }, (_, i) => generateThemes(inputs, options, this.group, this.seed + i)) };
        }
        return { themes: generateThemes(inputs, options, this.group, this.seed) };
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
