/**
 * `npm run train:sentiment`: fits the emulator's sentiment model (examples/data/sentimentModel.json)
 * on the team's labelled feedback: the training sets in spec/fixtures/sentimentTraining/ (many
 * domains, written with their labels) and the development sets (sample, delivery, hotel). The
 * evaluation sets written blind (airline, telecom, pet care) are never read here. Prints
 * leave-one-source-out agreement (each file, i.e. each writer, predicted by a model trained on
 * all the others; `--by-domain` for each domain) beside the rules' agreement, then writes the
 * model trained on everything. Deterministic: the same data give the same file.
 *
 *   npm run train:sentiment [-- --cv-only] [-- --l2 0.01 --l2-terms 0.0003 --balance 1]
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { installedLanguage, SENTIMENT_MODEL_FILE } from '../../src/emulator/analysis/installedLanguage';
import { MODEL_INPUTS, sentimentFeatures, sentimentTerms } from '../../src/emulator/analysis/sentimentFeatures';
import { classify, SENTIMENT_MODEL_FORMAT, type SentimentModel } from '../../src/emulator/analysis/sentimentModel';
import type { Sentiment } from '../../src/emulator/analysis/sentiment';
import { splitClauses, winkSentiment } from '../../src/emulator/analysis/winkSentiment';
import { fitSoftmax, type FitOptions } from './softmax';

const CLASSES: Sentiment[] = ['positive', 'negative', 'neutral', 'mixed'];
const FIXTURES = join(__dirname, '..', 'fixtures');
const TRAINING = join(FIXTURES, 'sentimentTraining');
const DEVELOPMENT: [string, string][] = [
  ['parkReviewLabels.json', 'theme park (sample)'],
  ['deliveryFeedback.json', 'food delivery'],
  ['hotelReviews.json', 'hotel'],
];

/** The sets written blind for evaluation: never read here. */
const HELD_OUT = ['airlineFeedback.json', 'telecomFeedback.json', 'petCareFeedback.json'];

interface Example {
  text: string;
  sentiment: Sentiment;
  domain: string;
  source: string;
}

function examples(): Example[] {
  const out: Example[] = [];
  for (const file of readdirSync(TRAINING).filter((f) => f.endsWith('.json')).sort()) {
    if (HELD_OUT.includes(file)) throw new Error(`${file} is an evaluation set written blind: never train on it`);
    const set = JSON.parse(readFileSync(join(TRAINING, file), 'utf8')) as { items: { text: string; sentiment: Sentiment; domain: string }[] };
    for (const i of set.items) out.push({ text: i.text, sentiment: i.sentiment, domain: i.domain, source: file });
  }
  for (const [file, domain] of DEVELOPMENT) {
    const set = JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as { items: { text: string; sentiment: Sentiment }[] };
    for (const i of set.items) out.push({ text: i.text, sentiment: i.sentiment, domain, source: file });
  }
  for (const e of out) if (!CLASSES.includes(e.sentiment)) throw new Error(`${e.source}: unknown label ${e.sentiment} for "${e.text}"`);
  return out;
}

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const at = args.indexOf(name);
  const value = at >= 0 ? Number(args[at + 1]) : fallback;
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} needs a number >= 0 (got ${args[at + 1]})`);
  return value;
};
const options: FitOptions = { l2: arg('--l2', 0.01), l2Terms: arg('--l2-terms', 0.0003), steps: arg('--steps', 300), rate: arg('--rate', 0.05), balance: arg('--balance', 1) };

const language = installedLanguage();
const tagger = language.tagger();
if (!tagger) throw new Error('training needs wink-nlp and its model (npm ci in a clone)');
const data = examples();
const tagged = data.map((e) => tagger.feel(e.text));
const split = tagged.map((t) => splitClauses(t));
const x = data.map((e, i) => sentimentFeatures(split[i]!, e.text));
const textTerms = split.map((t) => sentimentTerms(t));
const minDomains = arg('--min-domains', 2);
const minTexts = arg('--min-texts', 2);

/** Terms of the training rows seen in at least `minDomains` domains and `minTexts` texts. */
function vocabularyOf(rows: number[]): string[] {
  const domainsOf = new Map<string, Set<string>>();
  const texts = new Map<string, number>();
  for (const i of rows) {
    for (const t of textTerms[i]!) {
      (domainsOf.get(t) ?? domainsOf.set(t, new Set()).get(t)!).add(data[i]!.domain);
      texts.set(t, (texts.get(t) ?? 0) + 1);
    }
  }
  return [...texts.keys()].filter((t) => texts.get(t)! >= minTexts && domainsOf.get(t)!.size >= minDomains).sort();
}
const y = data.map((e) => CLASSES.indexOf(e.sentiment));
const rules = data.map((e, i) => winkSentiment(tagged[i]!, e.text, 0).sentiment);

const model = (rows: number[]): SentimentModel => {
  const vocabulary = vocabularyOf(rows);
  const index = new Map(vocabulary.map((t, j) => [t, j]));
  const terms = rows.map((i) => textTerms[i]!.flatMap((t) => index.get(t) ?? []));
  const fit = fitSoftmax(rows.map((i) => x[i]!), terms, vocabulary.length, rows.map((i) => y[i]!), CLASSES.length, options);
  const inputs = { features: [...MODEL_INPUTS.features], terms: MODEL_INPUTS.terms };
  return { format: SENTIMENT_MODEL_FORMAT, classes: CLASSES, ...inputs, vocabulary, ...fit };
};

const pct = (a: number, n: number) => `${((100 * a) / Math.max(1, n)).toFixed(1)}%`;
const domains = [...new Set(data.map((e) => e.domain))];
// Folds: each domain (default), or each source file (`--by-source`: a writer's four domains at once).
const bySource = !args.includes('--by-domain');
const foldOf = (e: Example) => (bySource ? e.source : e.domain);
const folds = [...new Set(data.map(foldOf))];
process.stdout.write(
  `${data.length} texts, ${domains.length} domains, ${MODEL_INPUTS.features.length} features + ${vocabularyOf(data.map((_, i) => i)).length} terms; ${JSON.stringify({ ...options, minDomains, minTexts })}\n`,
);
let [agreeModel, agreeRules] = [0, 0];
const byFold: Record<string, number> = {};
const confusion = CLASSES.map(() => CLASSES.map(() => 0));
for (const fold of folds) {
  const test = data.flatMap((e, i) => (foldOf(e) === fold ? [i] : []));
  const train = data.flatMap((e, i) => (foldOf(e) !== fold ? [i] : []));
  const m = model(train);
  let [a, r] = [0, 0];
  for (const i of test) {
    const p = classify(m, x[i]!, textTerms[i]!).sentiment;
    const cell = confusion[y[i]!]!;
    cell[CLASSES.indexOf(p)] = cell[CLASSES.indexOf(p)]! + 1;
    if (p === data[i]!.sentiment) a++;
    if (rules[i] === data[i]!.sentiment) r++;
  }
  agreeModel += a;
  agreeRules += r;
  byFold[fold] = Number((a / test.length).toFixed(4));
  process.stdout.write(`  ${fold.padEnd(44)} ${String(test.length).padStart(4)}  model ${pct(a, test.length).padStart(6)}  rules ${pct(r, test.length).padStart(6)}\n`);
}
process.stdout.write(`leave-one-${bySource ? 'source' : 'domain'}-out: model ${pct(agreeModel, data.length)}, rules ${pct(agreeRules, data.length)}\n`);
process.stdout.write(`confusion (rows gold, columns model; ${CLASSES.join(', ')}):\n${confusion.map((r, k) => `  ${CLASSES[k]!.padEnd(9)} ${r.map((v) => String(v).padStart(5)).join('')}`).join('\n')}\n`);

if (!args.includes('--cv-only')) {
  const all = model(data.map((_, i) => i));
  const file = join(__dirname, '..', '..', 'examples', 'data', SENTIMENT_MODEL_FILE);
  const round = (v: number) => Number(v.toPrecision(6));
  const out: SentimentModel = {
    ...all,
    mean: all.mean.map(round),
    scale: all.scale.map(round),
    weights: all.weights.map((r) => r.map(round)),
    bias: all.bias.map(round),
    termWeights: all.termWeights.map((r) => r.map(round)),
    about: {
      trainedBy: 'spec/eval/trainSentiment.ts',
      texts: data.length,
      domains,
      options,
      crossValidation: {
        folds: bySource ? 'source' : 'domain',
        model: Number((agreeModel / data.length).toFixed(4)),
        rules: Number((agreeRules / data.length).toFixed(4)),
        byFold,
      },
      neverRead: HELD_OUT,
    },
  };
  writeFileSync(file, `${JSON.stringify(out)}\n`);
  process.stdout.write(`wrote ${file}\n`);
}
