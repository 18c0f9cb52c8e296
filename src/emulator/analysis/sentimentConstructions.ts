import type { Token } from './language';
import { isNumeric } from './text';
import { DURATION_UNITS } from './complaintCues';

/** A construction's signed value, the tokens it covers, and whether a negation before it flips it. */
export interface Construction {
  value: number;
  span: number;
  negatable?: boolean;
}

/**
 * Constructions of English that carry sentiment without a sentiment word, read on the tokens
 * around position `i`: a signed value and how many tokens it covers, or undefined. Each is a
 * pattern of the language, not of one domain:
 * - "kept crashing", "keeps resetting", "stopped working": `keep`/`stop` + a gerund report a
 *   fault that repeats or a thing that quit ("keeps getting better" is judged by its last word);
 * - "gave up": an attempt that failed;
 * - "had to ask twice": an obligation the writer did not choose;
 * - "useless", "pointless", "careless": `-less` adjectives lack something good, except a few
 *   that lack something bad ("spotless", "painless") and grammar words ("unless");
 * - "can't beat", "nothing beats", "a steal", "above and beyond", "would stay again",
 *   "coming back": idioms of praise whose words alone read neutral or negative;
 * - "on time" is praise of punctuality ("never on time" its negation);
 * - "instead of", "only two": what came is not what was wanted, or too little of it;
 * - "45 minutes" is a wait after "for", "took", "waited", "after" or "late", speed after
 *   "in", "within", "under", and a plain fact otherwise ("20 minutes by bus").
 */
export function constructionAt(tokens: Token[], i: number): Construction | undefined {
  const w = tokens[i]!.normal;
  const at = (k: number) => tokens[i + k]?.normal ?? '';
  if (REPEAT_OR_QUIT.has(w) && /^\p{L}{3,}ing$/u.test(at(1)) && !CHANGE.has(at(1))) {
    return { value: -1, span: 2, negatable: true };
  }
  if (GIVE.has(w) && at(1) === 'up') return { value: -1, span: 2 };
  if ((w === 'had' || w === 'having') && at(1) === 'to') return { value: -0.8, span: 2 };
  if (w.length > 5 && w.endsWith('less')) {
    if (LACKING_BAD.has(w)) return { value: 1, span: 1 };
    if (!NOT_EVALUATIVE_LESS.has(w)) return { value: -1, span: 1 };
  }
  if (BEAT.has(w) && NEGATIONS.has(at(-1) || at(-2))) return { value: 1.5, span: 1 };
  if (w === 'on' && at(1) === 'time') return { value: 1, span: 2, negatable: true };
  if (w === 'instead' && at(1) === 'of') return { value: -0.6, span: 2 };
  if (w === 'only' && (isNumeric(at(1)) || at(1) === 'a') && !DURATION_UNITS.has(at(2))) return { value: -0.6, span: 1 };
  if (w === 'a' && at(1) === 'steal') return { value: 1.5, span: 2 };
  if (w === 'above' && at(1) === 'and' && at(2) === 'beyond') return { value: 1.5, span: 3 };
  if (w === 'again' && tokens.slice(Math.max(0, i - 4), i).some((t) => RETURNING.has(t.normal))) return { value: 1, span: 1 };
  if ((w === 'coming' || w === 'come') && at(1) === 'back' && !HAD.has(at(-1)) && !HAD.has(at(-2))) {
    return { value: 1, span: 2 };
  }
  if ((isNumeric(w) || w === 'an') && DURATION_UNITS.has(at(1))) {
    if (QUICK.has(at(-1)) || (QUICK.has(at(-2)) && ABOUT.has(at(-1)))) return { value: 0.6, span: 2 };
    if (tokens.some((t) => WAITING.has(t.normal))) return { value: -0.6, span: 2 };
    return { value: 0, span: 2 };
  }
  return undefined;
}

/** "keeps getting better": a change, judged by the word that follows. */
const CHANGE = new Set(['getting', 'becoming', 'growing', 'improving']);
const GIVE = new Set(['give', 'gave', 'giving', 'given']);
const REPEAT_OR_QUIT = new Set(['keep', 'keeps', 'kept', 'stop', 'stops', 'stopped']);
const words = (list: string) => new Set(list.split(/\s+/));
const LACKING_BAD = words('spotless flawless painless effortless seamless faultless tireless priceless harmless fearless');
const NOT_EVALUATIVE_LESS = words(
  'unless regardless nevertheless nonetheless wireless cordless stainless contactless cashless countless sleeveless strapless boneless seedless homeless',
);
const BEAT = new Set(['beat', 'beats', 'fault']);
const NEGATIONS = new Set(['not', "n't", 'nothing', 'never', 'cannot', 'cant', 'no']);
const RETURNING = new Set(['would', 'will', 'definitely']);
const HAD = new Set(['had', 'have', 'has', 'to']);
const QUICK = new Set(['in', 'within', 'under']);
const ABOUT = new Set(['about', 'around', 'just', 'under', 'less', 'barely']);
/** Words that make a duration a wait: "waited 40 minutes", "took an hour", "for 45 minutes". */
const WAITING = words('for wait waited waiting took takes late after delayed still queue queued queuing');
