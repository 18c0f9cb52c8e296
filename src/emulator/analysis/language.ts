import { WordTable } from './WordTable';

/** One token as the language engine sees it. */
export interface Token {
  /** Lower-case form. */
  normal: string;
  lemma: string;
  /** Universal part of speech (`NOUN`, `VERB`, `ADJ`, ...). */
  pos: string;
  stop: boolean;
  /** Lexicon polarity (-1..1) of a sentiment phrase that starts here, before negation (`feel` only). */
  polarity?: number;
}

/** A sentence: its lexicon sentiment (-1..1) and its tokens. */
export interface TaggedSentence {
  sentiment: number;
  tokens: Token[];
}

/** The language engine's two readings of a text. */
export interface Tagger {
  /** Sentences with tokens, parts of speech and lemmas (the full pipeline: themes). */
  tag(text: string): TaggedSentence[];
  /**
   * Sentences with their sentiment and lower-case tokens only (`pos` is `X`, `lemma` the
   * token): the pipeline without part-of-speech and entity tagging, several times faster.
   */
  feel(text: string): TaggedSentence[];
}

/**
 * Where the emulator's language data comes from. Each part may be absent: the emulator
 * then answers with its built-in lexicon engine (tests inject absence this way).
 */
export interface LanguageSource {
  /** Loads the tagger (wink-nlp with its English model), or undefined when not installed. */
  tagger(): Tagger | undefined;
  /** Reads the word table's bytes, or undefined when absent. */
  wordTable(): Uint8Array | undefined;
  /**
   * Reads the trained sentiment model (JSON, kept beside the word table), or undefined when
   * absent: the rules of `winkSentiment` then decide alone.
   */
  sentimentModel?(): string | undefined;
  /** What is there, found without loading anything. */
  available(): { tagger: boolean; wordTable: boolean; sentimentModel?: boolean };
}

/** A source with nothing in it: the built-in engine answers. */
export const NO_LANGUAGE: LanguageSource = {
  tagger: () => undefined,
  wordTable: () => undefined,
  available: () => ({ tagger: false, wordTable: false }),
};

/**
 * Which engine answers: `wink+glove` (wink-nlp tagging and sentiment, word-table meaning for
 * embeddings, similarity and themes), `wink` (no word table: sentiment only) or `lexicon`
 * (the built-in engine, when wink-nlp and its model are not installed).
 */
export type EngineName = 'wink+glove' | 'wink' | 'lexicon';

/** The engine a source gives, known without loading it. */
export function engineOf(source: LanguageSource): EngineName {
  const { tagger, wordTable } = source.available();
  return !tagger ? 'lexicon' : wordTable ? 'wink+glove' : 'wink';
}

/**
 * What decides sentiment: `model` (the trained model over wink-nlp's reading), `rules`
 * (wink-nlp's lexicon phrases with the clause rules of `winkSentiment`) or `lexicon` (the
 * built-in engine).
 */
export type SentimentReader = 'model' | 'rules' | 'lexicon';

/** The sentiment reader a source gives, known without loading it. */
export function sentimentReaderOf(source: LanguageSource): SentimentReader {
  const { tagger, sentimentModel } = source.available();
  return !tagger ? 'lexicon' : sentimentModel && source.sentimentModel ? 'model' : 'rules';
}

/** Loads what `source` has; undefined when there is no tagger (the built-in engine answers). */
export function loadTagger(source: LanguageSource): Tagger | undefined {
  return source.tagger();
}

/** Parses the word table of `source`, or undefined when it has none. */
export function loadWordTable(source: LanguageSource): WordTable | undefined {
  const bytes = source.wordTable();
  return bytes ? new WordTable(bytes) : undefined;
}
