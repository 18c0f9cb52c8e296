import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { WordTable } from './WordTable';

/** One token as the language engine sees it. */
export interface Token {
  /** Lower-case form. */
  normal: string;
  lemma: string;
  /** Universal part of speech (`NOUN`, `VERB`, `ADJ`, ...). */
  pos: string;
  stop: boolean;
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
  /** What is there, found without loading anything. */
  available(): { tagger: boolean; wordTable: boolean };
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
 * One tagger per loaded model, for the whole process: wink-eng-lite-web-model 1.8 serialises
 * its entity data again on every instantiation (the string doubles in size each time), so a
 * process that built a wink-nlp instance per emulator would soon fail. Taggers are pure.
 */
const TAGGERS = new WeakMap<object, Tagger>();

/** Environment variable naming the word table file (default: `examples/data/wordTable.bin` of a clone). */
export const WORD_TABLE_ENV = 'PULSE_EMULATOR_WORD_TABLE';

interface WinkItem {
  out(what: unknown): unknown;
}
interface WinkCollection<T> {
  each(f: (item: T) => void): void;
}
interface WinkSentence extends WinkItem {
  tokens(): WinkItem & { out(what: unknown): unknown[] };
}
interface WinkNlp {
  readDoc(text: string): { sentences(): WinkCollection<WinkSentence> };
  its: Record<string, unknown>;
}

/**
 * The installed language data: `wink-nlp` + `wink-eng-lite-web-model` (optional peer
 * dependencies) resolved from this module or the working directory, and the word table
 * from `PULSE_EMULATOR_WORD_TABLE` or the repository's `examples/data/wordTable.bin`. Nothing is
 * loaded until asked.
 */
export function installedLanguage(env: NodeJS.ProcessEnv = process.env): LanguageSource {
  const base = typeof __filename === 'string' ? __filename : join(process.cwd(), 'index.js');
  const load = createRequire(base);
  const has = (name: string) => {
    try {
      load.resolve(name);
      return true;
    } catch {
      return false;
    }
  };
  const tableFile = () => env[WORD_TABLE_ENV] || findUp(dirname(base), join('examples', 'data', 'wordTable.bin'));
  return {
    available: () => {
      const file = tableFile();
      return { tagger: has('wink-nlp') && has('wink-eng-lite-web-model'), wordTable: !!file && existsSync(file) };
    },
    tagger: () => {
      if (!has('wink-nlp') || !has('wink-eng-lite-web-model')) return undefined;
      const model = load('wink-eng-lite-web-model') as object;
      let tagger = TAGGERS.get(model);
      if (!tagger) {
        const wink = load('wink-nlp') as (model: unknown, pipe?: string[]) => WinkNlp;
        const full = winkReader(wink(model), true);
        const light = winkReader(wink(model, ['sbd', 'negation', 'sentiment']), false);
        TAGGERS.set(model, (tagger = { tag: full, feel: light }));
      }
      return tagger;
    },
    wordTable: () => {
      const file = tableFile();
      return file && existsSync(file) ? readFileSync(file) : undefined;
    },
  };
}

function winkReader(nlp: WinkNlp, full: boolean): (text: string) => TaggedSentence[] {
  const its = nlp.its;
  if (!full) {
    // One pass over the document's tokens, cut where wink-nlp cuts sentences.
    return (text) => {
      const doc = nlp.readDoc(text);
      const out: TaggedSentence[] = [];
      doc.sentences().each((s) => {
        const normal = s.tokens().out(its.normal) as string[];
        out.push({ sentiment: Number(s.out(its.sentiment)) || 0, tokens: normal.map((n) => ({ normal: n, lemma: n, pos: 'X', stop: false })) });
      });
      return out;
    };
  }
  return (text) => {
    const out: TaggedSentence[] = [];
    nlp.readDoc(text).sentences().each((s) => {
      const t = s.tokens();
      const normal = t.out(its.normal) as string[];
      const lemma = t.out(its.lemma) as string[];
      const pos = t.out(its.pos) as string[];
      const stop = t.out(its.stopWordFlag) as boolean[];
      out.push({
        sentiment: Number(s.out(its.sentiment)) || 0,
        tokens: normal.map((n, i) => ({ normal: n, lemma: lemma[i] ?? n, pos: pos[i] ?? 'X', stop: stop[i] === true })),
      });
    });
    return out;
  };
}

/** The file at `relative` in `dir` or one of its three parents (src/emulator/analysis, dist). */
function findUp(dir: string, relative: string): string | undefined {
  for (let d = dir, i = 0; i < 4; i++, d = dirname(d)) {
    const candidate = join(d, relative);
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
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
