import { Analyst } from '../../../src/emulator/analyze';
import { installedLanguage } from '../../../src/emulator/analysis/installedLanguage';
import { loadWordTable } from '../../../src/emulator/analysis/language';
import { frequentNouns, GROUPING_SIMILARITY, groupNouns } from '../../../src/emulator/analysis/nounGroups';
import { isLabelWord } from '../../../src/emulator/analysis/nounThemes';
import { DEFAULT_MAX_THEMES } from '../../../src/emulator/analysis/themes';
import park from '../../fixtures/parkReviewLabels.json';
import delivery from '../../fixtures/deliveryFeedback.json';

const source = installedLanguage();
const tag = source.tagger()!;
const words = loadWordTable(source)!;
const dot = (a: Float64Array, b: Float64Array) => a.reduce((s, x, i) => s + x * b[i]!, 0);
const analyst = new Analyst(0, 3072, source);
const themesOf = (inputs: string[], body: Record<string, unknown> = {}) =>
  analyst.run('themes', { inputs, ...body }).themes as { shortLabel: string; representatives: string[] }[];

describe('noun themes', () => {
  it.each([
    ['the sample', park],
    ['the delivery set', delivery],
  ])('groups nouns without chaining: every two nouns of a group are alike (%s)', (_, set) => {
    const texts = set.items.map((i) => i.text);
    const nouns = frequentNouns(texts.map((t) => tag.tag(t)), words, (w) => isLabelWord(w, new Set(set.context.split(' '))));
    const groups = groupNouns(nouns);
    expect(groups.some((g) => g.length > 2)).toBe(true);
    for (const g of groups) {
      for (const a of g) for (const b of g) if (a !== b) expect(dot(a.vector, b.vector)).toBeGreaterThanOrEqual(GROUPING_SIMILARITY);
    }
    // Every noun once.
    expect(groups.flat().map((n) => n.lemma).sort()).toEqual(nouns.map((n) => n.lemma).sort());
  });

  it('keys nouns by the base form the embeddings read ("boxes" and "box" are one noun)', () => {
    const texts = ['The boxes were crushed.', 'One box was open.', 'Boxes everywhere.', 'A box of fries.'];
    const nouns = frequentNouns(texts.map((t) => tag.tag(t)), words, (w) => isLabelWord(w, new Set()));
    expect(nouns.filter((n) => n.lemma.startsWith('box')).map((n) => [n.lemma, n.texts.size])).toEqual([['box', 4]]);
  });

  it('never takes a word mostly read as something else for a noun ("free" in "gluten free")', () => {
    const texts = ['Gluten free options were good.', 'Parking was free.', 'Free water refills.', 'The rides were free.', 'Free entry for kids.'];
    const nouns = frequentNouns(texts.map((t) => tag.tag(t)), words, (w) => isLabelWord(w, new Set()));
    expect(nouns.map((n) => n.lemma)).not.toContain('free');
  });

  it("lets a group's other nouns name a theme of their own once a label has taken some", () => {
    const inputs = [
      'The train from the city was packed solid.',
      'We took the train and walked from the station.',
      'Last train home leaves far too early.',
      'The bus from the hotel never came.',
      'A shuttle bus would help a lot.',
      'The bus stop is a long walk away.',
      'We came by car and parking was simple.',
      'The car was boiling after a day in the sun.',
      'Charging the car took ages.',
      'A taxi back cost a fortune.',
      'No taxi rank anywhere nearby.',
      'The taxi driver knew a shortcut.',
    ];
    // One group (every two of the four nouns alike), more nouns than a label names.
    const nouns = frequentNouns(inputs.map((t) => tag.tag(t)), words, (w) => isLabelWord(w, new Set()));
    expect(groupNouns(nouns).map((g) => g.map((n) => n.lemma).sort())).toContainEqual(['bus', 'car', 'taxi', 'train']);
    const labels = themesOf(inputs).map((t) => t.shortLabel);
    expect(labels).toHaveLength(2);
    const named = labels.flatMap((l) => l.split(/, | & /));
    expect(named.sort()).toEqual(['Bus', 'Car', 'Taxi', 'Train']);
  });

  it('gives as many themes as cover texts when no maximum is asked, within the spec maximum', () => {
    const themes = themesOf(park.items.map((i) => i.text), { context: park.context });
    expect(themes.length).toBeGreaterThan(8); // the former fixed default
    expect(themes.length).toBeLessThanOrEqual(DEFAULT_MAX_THEMES);
    expect(new Set(themes.map((t) => t.shortLabel)).size).toBe(themes.length);
    for (const t of themes) expect(t.shortLabel.split(/, | & /).length).toBeLessThanOrEqual(3);
  });

  it('respects minThemes and maxThemes, and prunes themes that bring under `prune` percent of the texts', () => {
    const inputs = park.items.map((i) => i.text);
    expect(themesOf(inputs, { minThemes: 2, maxThemes: 5 })).toHaveLength(5);
    const all = themesOf(inputs, { prune: 0 });
    const pruned = themesOf(inputs, { prune: 3 });
    expect(pruned.length).toBeGreaterThanOrEqual(1);
    expect(pruned.length).toBeLessThan(all.length);
    // Pruning keeps the most covering themes, in the same order.
    expect(all.slice(0, pruned.length).map((t) => t.shortLabel)).toEqual(pruned.map((t) => t.shortLabel));
    expect(themesOf(inputs, { prune: 25, minThemes: 3 })).toHaveLength(3);
  });
});
