import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Analyst } from '../../../src/emulator/analyze';
import { installedLanguage, SENTIMENT_MODEL_FILE } from '../../../src/emulator/analysis/installedLanguage';
import type { LanguageSource } from '../../../src/emulator/analysis/language';
import { MODEL_INPUTS, sentimentTerms } from '../../../src/emulator/analysis/sentimentFeatures';
import { splitClauses } from '../../../src/emulator/analysis/winkSentiment';
import { classify, parseSentimentModel, probabilities, SENTIMENT_MODEL_FORMAT, type SentimentModel } from '../../../src/emulator/analysis/sentimentModel';
import { CONSTRUCTION_SENTENCES } from './constructionSentences';

const installed = installedLanguage();
const FEATURES = MODEL_INPUTS.features.length;

/** A model by hand: zero weights, the given biases, and term weights for a small vocabulary. */
function handModel(bias: number[], terms: Record<string, number[]> = {}): SentimentModel {
  const zeros = () => new Array<number>(FEATURES).fill(0);
  const vocabulary = Object.keys(terms);
  return {
    format: SENTIMENT_MODEL_FORMAT,
    features: [...MODEL_INPUTS.features],
    terms: MODEL_INPUTS.terms,
    classes: ['positive', 'negative', 'neutral', 'mixed'],
    mean: zeros(),
    scale: new Array<number>(FEATURES).fill(1),
    weights: [zeros(), zeros(), zeros(), zeros()],
    bias,
    vocabulary,
    termWeights: [0, 1, 2, 3].map((k) => vocabulary.map((t) => terms[t]![k]!)),
  };
}

/** The installed source with `model` as its sentiment model. */
function withModel(model: string): LanguageSource {
  return { ...installed, available: () => ({ ...installed.available(), sentimentModel: true }), sentimentModel: () => model };
}

const sentiments = (analyst: Analyst, texts: string[]) =>
  analyst.run('sentiment', { inputs: texts }).results as { sentiment: string; confidence: number }[];

describe('the sentiment model file', () => {
  const good = handModel([0, 0, 1, 0]);

  it('reads a well-formed model', () => {
    expect(parseSentimentModel(JSON.stringify(good), MODEL_INPUTS).classes).toEqual(good.classes);
  });

  it.each([
    ['another format', { format: 'other/1' }],
    ['features in another order', { features: [...good.features].reverse() }],
    ['terms made another way', { terms: 'stems (0)' }],
    ['a mean row short', { mean: good.mean.slice(1) }],
    ['a zero scale', { scale: good.scale.map((v, j) => (j ? v : 0)) }],
    ['a weight too large to sum safely', { bias: [1e300, 0, 1, 0] }],
    ['a term twice', { vocabulary: ['refund', 'refund'], termWeights: good.termWeights.map(() => [0, 0]) }],
    ['not an object', null],
    ['a weight row short', { weights: [good.weights[0]!.slice(1), ...good.weights.slice(1)] }],
    ['a class twice', { classes: ['positive', 'positive', 'neutral', 'mixed'] }],
    ['an unknown class', { classes: ['positive', 'negative', 'neutral', 'angry'] }],
    ['a non-finite number', { bias: [0, 0, null, 0] }],
    ['term weights that do not match the vocabulary', { vocabulary: ['refund'] }],
    ['fewer biases than classes', { bias: [0, 0, 1] }],
  ])('rejects %s', (_, change) => {
    const json = JSON.stringify(change === null ? null : { ...good, ...change });
    expect(() => parseSentimentModel(json, MODEL_INPUTS)).toThrow(/not a sentiment model for these \d+ features/);
  });

  it('gives the class of the highest score, its probability as confidence', () => {
    const x = new Float64Array(FEATURES);
    const p = probabilities(good, x, []);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(classify(good, x, [])).toEqual({ sentiment: 'neutral', confidence: Number(p[2]!.toFixed(6)) });
  });
});

describe('the emulator with a sentiment model', () => {
  it('answers with the model when there is one: its term weights move a text to their class', () => {
    // Neutral by default; "refund" (a term the text has) pushes to negative, "not_refund" nowhere.
    const model = handModel([0, 0, 1, 0], { refund: [0, 3, 0, 0] });
    const analyst = new Analyst(0, 3072, withModel(JSON.stringify(model)));
    expect(analyst.sentimentReader).toBe('model');
    const results = sentiments(analyst, ['I want a refund.', 'The staff were lovely.', 'No refund needed.']);
    expect(results.map((r) => r.sentiment)).toEqual(['negative', 'neutral', 'neutral']);
    expect(results[0]!.confidence).toBeGreaterThan(0.5);
  });

  it('says what is wrong with an unusable model file, and how to let the rules decide', () => {
    const analyst = new Analyst(0, 3072, withModel('{"format":"pulse-rx-sentiment/1"}'));
    expect(() => sentiments(analyst, ['fine'])).toThrow(/sentiment model beside the word table is unusable \(not a sentiment model for these 14 features and terms.*remove it to let the rules decide/);
  });

  it('marks words a negator reaches, and keeps pairs of neighbours', () => {
    const tagger = installed.tagger()!;
    const terms = sentimentTerms(splitClauses(tagger.feel("The driver didn't help at all.")));
    // wink-nlp splits "didn't" into "did" + "n't" (normal form "not").
    expect(terms).toEqual(expect.arrayContaining(['driver', 'not', 'not_help', 'not help', 'help at']));
    expect(terms).not.toContain('help');
  });
});

describe('the shipped sentiment model (examples/data/sentimentModel.json)', () => {
  const file = join(__dirname, '..', '..', '..', 'examples', 'data', SENTIMENT_MODEL_FILE);
  const shipped = parseSentimentModel(readFileSync(file, 'utf8'), MODEL_INPUTS);
  const analyst = new Analyst(0, 3072, installed);

  it('was trained on the training sets and the development sets, never on a held-out set', () => {
    const about = shipped.about as { texts: number; domains: string[]; neverRead: string[] };
    expect(about.neverRead).toEqual(['airlineFeedback.json', 'telecomFeedback.json', 'petCareFeedback.json']);
    expect(about.texts).toBeGreaterThanOrEqual(2000);
    expect(about.domains.length).toBeGreaterThanOrEqual(20);
    expect(about.domains.join(' | ')).not.toMatch(/\b(airline|telecom|broadband|mobile provider|pet|vet)\b/i);
  });

  it('is trained on the training data as it stands (rerun npm run train:sentiment after changing it)', () => {
    const dir = join(__dirname, '..', '..', 'fixtures');
    const count = (file: string) => (JSON.parse(readFileSync(join(dir, file), 'utf8')) as { items: unknown[] }).items.length;
    const training = readdirSync(join(dir, 'sentimentTraining')).map((f) => count(join('sentimentTraining', f)));
    const development = ['parkReviewLabels.json', 'deliveryFeedback.json', 'hotelReviews.json'].map(count);
    expect((shipped.about as { texts: number }).texts).toBe([...training, ...development].reduce((a, b) => a + b, 0));
  });

  it('has training sets that share no text with the held-out sets', () => {
    const dir = join(__dirname, '..', '..', 'fixtures');
    const normal = (t: string) => t.toLowerCase().replace(/[^\p{L}\p{N} ]/gu, '').trim();
    const texts = (file: string) => (JSON.parse(readFileSync(join(dir, file), 'utf8')) as { items: { text: string }[] }).items.map((i) => normal(i.text));
    const training = new Set(readdirSync(join(dir, 'sentimentTraining')).flatMap((f) => texts(join('sentimentTraining', f))));
    expect(training.size).toBeGreaterThanOrEqual(4700); // 4,799 texts, a few written twice by different writers
    for (const heldOut of ['airlineFeedback.json', 'telecomFeedback.json', 'petCareFeedback.json']) {
      expect(texts(heldOut).filter((t) => training.has(t))).toEqual([]);
    }
  });

  it('was never trained on a sentence the specs read (the construction table, the endpoint spec)', () => {
    const dir = join(__dirname, '..', '..', 'fixtures', 'sentimentTraining');
    const normal = (t: string) => t.toLowerCase().replace(/[^\p{L}\p{N} ]/gu, '').trim();
    const training = new Set(
      readdirSync(dir).flatMap((f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { items: { text: string }[] }).items.map((i) => normal(i.text))),
    );
    const read = [
      ...CONSTRUCTION_SENTENCES.map(([, text]) => text),
      // spec/emulator/endpoints.spec.ts
      'I love this place',
      'The food was not good',
      'The staff were great but the queue was awful',
      'It is a building',
    ];
    expect(read.filter((t) => training.has(normal(t)))).toEqual([]);
  });

  it('reads nearly every construction sentence as a careful reader does (written for the rules, never trained on)', () => {
    const results = sentiments(analyst, CONSTRUCTION_SENTENCES.map(([, text]) => text));
    const wrong = CONSTRUCTION_SENTENCES.filter(([, , expected], i) => results[i]!.sentiment !== expected);
    expect(wrong.length).toBeLessThanOrEqual(4);
  });

  it('answers the same text the same way, in any batch and for any seed', () => {
    const texts = ['Waited 40 minutes on hold.', 'Lovely staff, dirty room.', 'Opening hours are 9 to 5.'];
    const alone = texts.map((t) => sentiments(analyst, [t])[0]);
    expect(sentiments(new Analyst(9, 3072, installed), texts)).toEqual(alone);
  });
});
