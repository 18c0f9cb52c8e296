import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LanguageSource, TaggedSentence, Tagger } from './language';

/**
 * One tagger per loaded model, for the whole process: wink-eng-lite-web-model 1.8 serialises
 * its entity data again on every instantiation (the string doubles in size each time), so a
 * process that built a wink-nlp instance per emulator would soon fail. Taggers are pure.
 */
const TAGGERS = new WeakMap<object, Tagger>();

/** Environment variable naming the word table file (default: `examples/data/wordTable.bin` of a clone). */
export const WORD_TABLE_ENV = 'PULSE_EMULATOR_WORD_TABLE';

/** The sentiment model's file name, kept beside the word table. */
export const SENTIMENT_MODEL_FILE = 'sentimentModel.json';

/** Largest sentiment model file read (the trained one is about 0.5 MB). */
const MODEL_LIMIT = 16 * 1024 * 1024;

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
 * from `PULSE_EMULATOR_WORD_TABLE` or the repository's `examples/data/wordTable.bin`, and the
 * trained sentiment model (`sentimentModel.json` in the same folder). Nothing is
 * loaded until asked.
 */
export function installedLanguage(env: NodeJS.ProcessEnv = process.env): LanguageSource {
  // The ES build reads `__filename` as `import.meta.url` (tsup.config.ts): a file: URL.
  const here = typeof __filename === 'string' ? __filename : join(process.cwd(), 'index.js');
  const base = here.startsWith('file:') ? fileURLToPath(here) : here;
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
  const modelFile = () => {
    const table = tableFile();
    return table && join(dirname(table), SENTIMENT_MODEL_FILE);
  };
  return {
    available: () => {
      const file = tableFile();
      const model = modelFile();
      return {
        tagger: has('wink-nlp') && has('wink-eng-lite-web-model'),
        wordTable: !!file && existsSync(file),
        sentimentModel: !!model && existsSync(model),
      };
    },
    tagger: () => {
      if (!has('wink-nlp') || !has('wink-eng-lite-web-model')) return undefined;
      const model = load('wink-eng-lite-web-model') as object;
      let tagger = TAGGERS.get(model);
      if (!tagger) {
        const wink = load('wink-nlp') as (model: unknown, pipe?: string[]) => WinkNlp;
        const full = winkReader(wink(model));
        const light = polarityReader(wink(withPhraseCapture(model), ['sbd', 'negation', 'sentiment']));
        TAGGERS.set(model, (tagger = { tag: full, feel: light }));
      }
      return tagger;
    },
    wordTable: () => {
      const file = tableFile();
      return file && existsSync(file) ? readFileSync(file) : undefined;
    },
    sentimentModel: () => {
      const file = modelFile();
      if (!file || !existsSync(file)) return undefined;
      const size = statSync(file).size;
      if (size > MODEL_LIMIT) throw new Error(`${file} is ${size} bytes, over ${MODEL_LIMIT}`);
      return readFileSync(file, 'utf8');
    },
  };
}

function winkReader(nlp: WinkNlp): (text: string) => TaggedSentence[] {
  const its = nlp.its;
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

/** Sentiment phrases `[first token, last token, value x 1000]` of the document read last. */
let phrases: [number, number, string | number][] = [];

/**
 * The model with its sentiment setter wrapped to keep each phrase's own value: wink-nlp gives
 * only a sentence's average, whose negation runs to the end of the sentence ("no record ...
 * despite" reads positive) and which cannot be split at "but". Reading is synchronous, so the
 * phrases of the last document are those of the document being read.
 */
function withPhraseCapture(model: object): object {
  const sa = (model as { sa: () => { machines: unknown; setter: (px: [number, number, string][], ...rest: unknown[]) => void } }).sa;
  const sentiment = () => {
    const { machines, setter } = sa();
    return {
      machines,
      setter: (px: [number, number, string][], ...rest: unknown[]) => {
        phrases = px.map(([a, b, v]) => [a, b, v]);
        setter(px, ...rest);
      },
    };
  };
  return Object.assign(Object.create(Object.getPrototypeOf(model) as object | null) as object, model, { sa: sentiment });
}

/** Sentences with lower-case tokens, each phrase's polarity on its first token. */
function polarityReader(nlp: WinkNlp): (text: string) => TaggedSentence[] {
  const its = nlp.its;
  return (text) => {
    phrases = [];
    const doc = nlp.readDoc(text);
    const polarity = new Map(phrases.map(([a, , v]) => [a, Number(v) / 1000]));
    const out: TaggedSentence[] = [];
    let offset = 0;
    doc.sentences().each((s) => {
      const normal = s.tokens().out(its.normal) as string[];
      const tokens = normal.map((n, i) => ({ normal: n, lemma: n, pos: 'X', stop: false, polarity: polarity.get(offset + i) }));
      out.push({ sentiment: Number(s.out(its.sentiment)) || 0, tokens });
      offset += normal.length;
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

