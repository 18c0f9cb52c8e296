import { Analyst } from '../../../src/emulator/analyze';
import { installedLanguage } from '../../../src/emulator/analysis/installedLanguage';
import { loadWordTable } from '../../../src/emulator/analysis/language';
import { isLabelWord } from '../../../src/emulator/analysis/nounThemes';
import { frequentVerbsAndAdjectives } from '../../../src/emulator/analysis/topicVerbs';
import { verbOf } from '../../../src/emulator/analysis/wordEmbed';

const source = installedLanguage();
const tag = source.tagger()!;
const words = loadWordTable(source)!;
const analyst = new Analyst(0, 3072, source);
const topicWords = (texts: string[]) =>
  frequentVerbsAndAdjectives(
    texts.map((t) => tag.tag(t)),
    words,
    (w) => isLabelWord(w, new Set(['delivery', 'app'])),
  ).map((w) => [w.lemma, w.form, w.texts.size]);

describe('verb forms in wording', () => {
  it.each([
    ['waited', 'wait'],
    ['packing', 'pack'],
    ['cooked', 'cook'], // not the name "Cooke", which the table lists too
    ['tasted', 'taste'],
    ['stopped', 'stop'],
    ['string', undefined], // no vowel before -ing: not a verb form
    ['evening', undefined],
    ['arrival', undefined], // only past and -ing forms are read back
  ])('reads %s as %s', (form, verb) => {
    expect(verbOf(form, words)).toBe(verb);
  });

  it('brings a past form to an -ing label of its verb, and no other verb or unrelated text', () => {
    const inputs = ['Everything was packed with care.', 'Everything was sent with care.', 'The burger was cold.'];
    const [packed, sent, burger] = (analyst.run('similarity', { set_a: inputs, set_b: ['Packing'] }) as { matrix: number[][] }).matrix;
    expect(packed![0]).toBeGreaterThanOrEqual(0.28);
    expect(sent![0]).toBeLessThan(0.28);
    expect(burger![0]).toBeLessThan(0.28);
  });
});

describe('topic verbs and adjectives', () => {
  it('keys a verb by its base form, names it by its -ing form, and reads a closed compound by its verb', () => {
    const found = topicWords([
      'The parcel was packed with care.',
      'They packed the drinks upright.',
      'Our orders are always packed in paper.',
      'The fish was undercooked.',
      'Noodles were overcooked.',
    ]);
    expect(found).toContainEqual(['pack', 'packing', 3]);
    expect(found).toContainEqual(['cook', 'cooking', 2]);
  });

  it('never takes a light verb, a sentiment word or a general adjective, and names a verb by the base the texts write', () => {
    const found = topicWords([
      'The app keeps crashing and the driver was late.',
      'Filters keep resetting, late again.',
      'The same order came twice, the driver was late.',
      'The same driver came again.',
    ]).map(([lemma]) => lemma);
    for (const w of ['keep', 'crash', 'late', 'same', 'come']) expect(found).not.toContain(w);
    // wink reads "pass" in "fast pass" as a verb: the label keeps the texts' word, not "Passing".
    const passes = ['The fast pass was worth it.', 'Buy the fast pass early.', 'Paid for the fast pass and still queued.'];
    expect(topicWords(passes)).toContainEqual(['pass', 'pass', 3]);
  });

  it('gives themes to texts that share a verb and no noun, each text reaching its label', () => {
    const inputs = [
      'Dinner arrived two hours after the estimate.',
      'Breakfast arrived before I was even dressed.',
      'The curry arrived after my guests had left.',
      'Our shopping arrives whenever the courier fancies.',
      'The parcel was packed with great care.',
      'Everything packed tightly so nothing spilled.',
      'Packing was careless and the sauce leaked.',
      'Great burgers and crispy chips.',
      'The burgers were huge.',
      'The app keeps crashing at checkout.',
      'The app keeps logging me out.',
    ];
    const labels = (analyst.run('themes', { inputs, context: 'food delivery app' }).themes as { shortLabel: string }[]).map((t) => t.shortLabel);
    expect(labels).toEqual(expect.arrayContaining(['Arriving', 'Packing']));
    expect(labels.join(' ')).not.toMatch(/Keep/i);
    const m = (analyst.run('similarity', { set_a: inputs.slice(0, 7), set_b: ['Arriving', 'Packing'] }) as { matrix: number[][] }).matrix;
    m.forEach((row, i) => expect(row[i < 4 ? 0 : 1]).toBeGreaterThanOrEqual(0.28));
  });
});
