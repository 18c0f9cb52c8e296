import { existsSync, readFileSync } from 'node:fs';
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

