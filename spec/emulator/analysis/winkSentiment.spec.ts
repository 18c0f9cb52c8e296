import { Analyst } from '../../../src/emulator/analyze';
import { installedLanguage } from '../../../src/emulator/analysis/installedLanguage';
import { constructionAt } from '../../../src/emulator/analysis/sentimentConstructions';
import type { Token } from '../../../src/emulator/analysis/language';
import { CONSTRUCTION_SENTENCES } from './constructionSentences';

/**
 * The rules' sentiment (wink-nlp without the trained model) on sentences written for this spec
 * (none is taken from a labelled set): each row is a generic construction of English the rules
 * must read as a careful human reader would. The rules decide when the model is absent, and
 * their evidence is among the model's features.
 */
const installed = installedLanguage();
const analyst = new Analyst(0, 3072, { ...installed, available: () => ({ ...installed.available(), sentimentModel: false }) });
const sentimentOf = (texts: string[]) => (analyst.run('sentiment', { inputs: texts }).results as { sentiment: string }[]).map((r) => r.sentiment);

describe('the sentiment rules (wink-nlp phrases, clauses, constructions)', () => {
  it.each(CONSTRUCTION_SENTENCES)('%s: "%s" is %s', (_, text, expected) => {
    expect(sentimentOf([text])).toEqual([expected]);
  });

  it('reads a negation in a short window, not to the end of the sentence', () => {
    // wink-nlp alone negates "despite" here and reads the sentence as positive.
    expect(sentimentOf(['They had no record of the order despite the receipt in my hand.'])).toEqual(['negative']);
  });

  it('does not read nouns and names that sit in the tagger\'s lexicon as judgements', () => {
    expect(sentimentOf(['The key is at the front desk on the right.', 'Customer support is open until 8pm.'])).toEqual(['neutral', 'neutral']);
  });
});

describe('constructionAt', () => {
  const tokens = (text: string): Token[] => text.split(' ').map((normal) => ({ normal, lemma: normal, pos: 'X', stop: false }));

  it.each([
    ['the lid kept popping off', 2, -1],
    ['it was pointless', 2, -1],
    ['the floor was spotless', 3, 1],
    ['unless it rains', 0, undefined],
    ['took 40 minutes', 1, -0.6],
    ['in 40 minutes', 1, 0.6],
    ['40 minutes by bus', 0, 0],
  ])('"%s" at %d reads %s', (text, at, value) => {
    expect(constructionAt(tokens(text), at)?.value).toBe(value);
  });
});
