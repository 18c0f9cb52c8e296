import { startEmulator } from 'pulse-rx/emulator';
import { Analyst } from '../../../src/emulator/analyze';
import { NO_LANGUAGE, type LanguageSource } from '../../../src/emulator/analysis/language';
import { installedLanguage } from '../../../src/emulator/analysis/installedLanguage';
import { sentimentOf } from '../../../src/emulator/analysis/sentiment';
import park from '../../fixtures/parkReviewLabels.json';
import delivery from '../../fixtures/deliveryFeedback.json';
import calibration from '../../fixtures/themeCalibration.json';
import { breaksLabelRules, measure, type LabelledSet } from '../../eval/emulatorMetrics';
import { calibrationPairs, fitCalibration, median, recordedTexts } from '../../eval/calibration';
import { CALIBRATION } from '../../../src/emulator/analysis/wordEmbed';

/** The installed source, counting what it loads. */
function counting(base: LanguageSource = installedLanguage()) {
  const calls = { tagger: 0, wordTable: 0, sentimentModel: 0 };
  const source: LanguageSource = {
    available: () => base.available(),
    tagger: () => (calls.tagger++, base.tagger()),
    wordTable: () => (calls.wordTable++, base.wordTable()),
    sentimentModel: () => (calls.sentimentModel++, base.sentimentModel?.()),
  };
  return { source, calls };
}

const texts = park.items.slice(0, 60).map((i) => i.text);
const pairsByCase = () => calibration.cases;

describe('the emulator language engine', () => {
  it('is wink-nlp with the word table in a clone (dev dependencies and examples/data/wordTable.bin)', () => {
    expect(new Analyst(0, 3072, installedLanguage()).engine).toBe('wink+glove');
  });

  it('says in the health document which engine answers', async () => {
    const emulator = await startEmulator({ port: 0 });
    try {
      const health = (await (await fetch(`${emulator.url}/health`)).json()) as { version: string };
      expect(health.version).toBe('pulse-rx-emulator (engine: wink+glove; sentiment: model)');
    } finally {
      await emulator.close();
    }
  });

  it('loads nothing at start: wink-nlp and the sentiment model on the first sentiment request, the word table on the first that needs meaning', () => {
    const { source, calls } = counting();
    const analyst = new Analyst(0, 3072, source);
    expect([analyst.engine, analyst.sentimentReader]).toEqual(['wink+glove', 'model']); // known without loading anything
    expect(calls).toEqual({ tagger: 0, wordTable: 0, sentimentModel: 0 });
    analyst.run('sentiment', { inputs: ['The staff were lovely.'] });
    analyst.run('sentiment', { inputs: ['The queue was endless.'] });
    expect(calls).toEqual({ tagger: 1, wordTable: 0, sentimentModel: 1 });
    analyst.run('embeddings', { inputs: ['rides'] });
    analyst.run('similarity', { set: ['rides', 'coaster'] });
    expect(calls).toEqual({ tagger: 1, wordTable: 1, sentimentModel: 1 });
  });

  it('without a sentiment model the rules decide', () => {
    const base = installedLanguage();
    const { source, calls } = counting({ ...base, available: () => ({ ...base.available(), sentimentModel: false }) });
    const analyst = new Analyst(0, 3072, source);
    expect(analyst.sentimentReader).toBe('rules');
    analyst.run('sentiment', { inputs: ['The staff were lovely.'] });
    expect(calls).toEqual({ tagger: 1, wordTable: 0, sentimentModel: 0 });
  });

  it('falls back to the built-in lexicon engine when wink-nlp is absent, and says so', () => {
    const analyst = new Analyst(7, 3072, NO_LANGUAGE);
    expect([analyst.engine, analyst.sentimentReader]).toEqual(['lexicon', 'lexicon']);
    const results = analyst.run('sentiment', { inputs: texts }).results;
    expect(results).toEqual(texts.map((t) => sentimentOf(t, 7)));
    const themes = analyst.run('themes', { inputs: texts, context: 'theme park' }).themes as { shortLabel: string }[];
    expect(themes.length).toBeGreaterThan(1);
  });

  it('answers sentiment with wink-nlp and the model but themes the built-in way when only the word table is missing', () => {
    const base = installedLanguage();
    const analyst = new Analyst(0, 3072, {
      available: () => ({ ...base.available(), wordTable: false }),
      tagger: base.tagger,
      wordTable: () => undefined,
      sentimentModel: base.sentimentModel,
    });
    expect([analyst.engine, analyst.sentimentReader]).toEqual(['wink', 'model']); // the model needs no word table
    const [r] = analyst.run('sentiment', { inputs: ['Traffic jam on the approach road for 45 minutes.'] }).results as { sentiment: string }[];
    expect(r!.sentiment).toBe('negative');
    const vector = (analyst.run('embeddings', { inputs: ['rides'] }).embeddings as { vector: number[] }[])[0]!.vector;
    const lexicon = (new Analyst(0, 3072, NO_LANGUAGE).run('embeddings', { inputs: ['rides'] }).embeddings as { vector: number[] }[])[0]!.vector;
    expect(vector).toEqual(lexicon);
  });

  it.each([
    ['with the word table', () => installedLanguage()],
    ['wink-nlp alone', () => ({ ...installedLanguage(), wordTable: () => undefined, available: () => ({ tagger: true, wordTable: false }) })],
  ])('never labels a theme with a capitalised stop word or a sentiment word (%s)', (_, source) => {
    const analyst = new Analyst(42, 3072, source());
    // Small files whose groups share no word: the label falls back to a topic word, not the first word.
    const sets = [
      ['The rides were brilliant', 'The queues were endless', 'Food was overpriced', 'Staff were lovely', 'The hotel room was clean'],
      ['Great rides', 'Cold food', 'Long queues'],
    ];
    for (const inputs of sets) {
      const labels = (analyst.run('themes', { inputs }).themes as { shortLabel: string }[]).flatMap((t) => t.shortLabel.split(' & '));
      expect(labels.length).toBeGreaterThan(0);
      expect(labels.filter((l) => ['the', 'great', 'cold', 'long', 'was', 'were'].includes(l.toLowerCase()))).toEqual([]);
    }
  });

  it('names a theme after what a complaint is about ("Queue"), never after a currency ("Pounds")', () => {
    const inputs = [
      'The queue for the coaster took an hour',
      'Queues were endless all day',
      'Long queue at the cafe at lunchtime',
      'People pushed into the queue',
      'Parking was 12 pounds',
      'Chips were 5 pounds',
      'Drinks at 4 pounds each',
      'The rides were brilliant',
      'Two rides broke down',
    ];
    const themes = new Analyst(0, 3072, installedLanguage()).run('themes', { inputs }).themes as { shortLabel: string }[];
    const labels = themes.flatMap((t) => t.shortLabel.split(' & '));
    expect(labels).toContain('Queue');
    expect(labels.filter((l) => /^pounds?$/i.test(l))).toEqual([]);
  });

  it('is deterministic byte for byte, across instances and repeated calls', () => {
    const body = { inputs: texts, context: 'theme park' };
    const run = (a: Analyst) =>
      JSON.stringify([
        a.run('sentiment', body),
        a.run('themes', body),
        a.run('embeddings', { inputs: texts.slice(0, 3) }),
        a.run('similarity', { set_a: texts.slice(0, 5), set_b: ['Rides', 'Food & Drink'] }),
      ]);
    const one = new Analyst(3, 3072, installedLanguage());
    const first = run(one);
    expect(run(one)).toBe(first);
    expect(run(new Analyst(3, 3072, installedLanguage()))).toBe(first);
    expect(run(new Analyst(4, 3072, installedLanguage()))).not.toBe(first); // the seed matters
  });

  it('gives 3,072-dimensional unit vectors, similar for texts about the same thing', () => {
    const analyst = new Analyst(0, 3072, installedLanguage());
    const inputs = ['The rollercoaster was thrilling', 'Best coaster ride ever', 'The burger was cold and greasy'];
    const vectors = (analyst.run('embeddings', { inputs }).embeddings as { vector: number[] }[]).map((e) => e.vector);
    for (const v of vectors) {
      expect(v).toHaveLength(3072);
      expect(Math.hypot(...v)).toBeCloseTo(1, 4);
    }
    const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);
    expect(dot(vectors[0]!, vectors[1]!)).toBeGreaterThan(dot(vectors[0]!, vectors[2]!));
  });

  it.each([
    ['negative', 'Traffic jam on the approach road for 45 minutes in the morning.'],
    ['negative', 'Not enough shade in the queue for the water rides.'],
    ['negative', 'He could not find the address and would not answer the phone.'],
    ['positive', 'Food was at my door in twenty minutes, faster than promised.'],
    ['positive', 'The staff were friendly and helpful, especially the lady at the information desk.'],
    ['mixed', 'Tasty curry, but the rice was dry and hard.'],
  ])('reads factual complaints and praise: %s for "%s"', (expected, text) => {
    const [r] = new Analyst(0, 3072, installedLanguage()).run('sentiment', { inputs: [text] }).results as { sentiment: string }[];
    expect(r!.sentiment).toBe(expected);
  });
});

describe('the emulator on the labelled sets (targets of issue 17)', () => {
  const analyst = new Analyst(0, 3072, installedLanguage());
  it.each([
    ['the sample reviews', park as LabelledSet],
    ['food-delivery feedback (another domain)', delivery as LabelledSet],
  ])('agrees with the labels on at least 75%% of %s, and no label breaks the label rules', (_, set) => {
    const figures = measure(analyst, set);
    expect(figures.sentimentAgreement).toBeGreaterThanOrEqual(0.75);
    expect(figures.labels.length).toBeGreaterThanOrEqual(4);
    expect(figures.badLabels).toEqual([]);
  });

  it.each([
    // The target of issue 17: 20% on both, at the hosted scale (see the calibration tests below).
    ['the sample reviews', park as LabelledSet, 0.2],
    ['food-delivery feedback (another domain)', delivery as LabelledSet, 0.2],
  ])('leaves few of %s in no theme at the SDK threshold, with themes at least half pure', (_, set, most) => {
    const figures = measure(analyst, set);
    expect(figures.noThemeShare).toBeLessThanOrEqual(most);
    expect(figures.purity).toBeGreaterThanOrEqual(0.5);
  });

  it('puts similarities on the hosted scale recorded in themeCalibration.json', () => {
    const pairs = calibrationPairs();
    const fit = fitCalibration(pairs);
    for (const k of ['meaning', 'wording', 'shared'] as const) expect(CALIBRATION[k]).toBeCloseTo(fit[k], 2);
    const analyst = new Analyst(0, 3072, installedLanguage());
    const emulated = (rel: boolean) => {
      const scores: number[] = [];
      for (const c of pairsByCase()) {
        const m = (analyst.run('similarity', { set_a: c.texts, set_b: c.themes }) as { matrix: number[][] }).matrix;
        c.texts.forEach((_, i) => c.themes.forEach((__, j) => c.related[i]!.includes(j) === rel && scores.push(m[i]![j]!)));
      }
      return median(scores);
    };
    const hosted = (rel: boolean) => median(pairs.filter((p) => p.related === rel).map((p) => p.hosted));
    expect(Math.abs(emulated(true) - hosted(true))).toBeLessThan(0.05);
    expect(Math.abs(emulated(false) - hosted(false))).toBeLessThan(0.05);
  });

  it('allocates the recorded texts at 0.28 about as the hosted service does, text by text', () => {
    const analyst = new Analyst(0, 3072, installedLanguage());
    const texts = recordedTexts((a, b) => (analyst.run('similarity', { set_a: a, set_b: b }) as { matrix: number[][] }).matrix);
    const unallocated = (score: (x: (typeof texts)[0]) => number) => texts.filter((x) => score(x) < 0.28).length;
    // Hosted: 27 of 42 texts in no theme, every one of them without a related label.
    expect(Math.abs(unallocated((x) => x.emulated) - unallocated((x) => x.hosted))).toBeLessThanOrEqual(3);
    expect(texts.filter((x) => !x.related && x.emulated >= 0.28)).toEqual([]);
  });

  it('scores a label alike against its plural, a past form or a closed compound the word table lacks', () => {
    const analyst = new Analyst(0, 3072, installedLanguage());
    const inputs = ['The ride closed early', 'The rides closed early', 'We queued for an hour', 'The rollercoasters were thrilling', 'The burger was cold'];
    const [ride, rides, queued, coasters, burger] = (analyst.run('similarity', { set_a: inputs, set_b: ['Rides', 'Queue'] }) as { matrix: number[][] }).matrix;
    expect(Math.abs(ride![0]! - rides![0]!)).toBeLessThan(0.05);
    expect(ride![0]).toBeGreaterThanOrEqual(0.28);
    expect(queued![1]).toBeGreaterThanOrEqual(0.28);
    expect(coasters![0]).toBeGreaterThan(burger![0]! + 0.05);
    expect(Math.max(...burger!)).toBeLessThan(0.28);
  });

  it('never labels a theme with the context, even when the context is in every text', () => {
    const inputs = delivery.items.map((i) => `${i.text} Food delivery app.`);
    for (const a of [analyst, new Analyst(0, 3072, NO_LANGUAGE)]) {
      const labels = (a.run('themes', { inputs, context: 'food delivery app' }).themes as { shortLabel: string }[]).map((t) => t.shortLabel);
      expect(labels.filter((l) => breaksLabelRules(l, 'food delivery app'))).toEqual([]);
    }
  });
});
