import { Analyst } from '../../../src/emulator/analyze';
import { installedLanguage } from '../../../src/emulator/analysis/installedLanguage';
import { constructionAt } from '../../../src/emulator/analysis/sentimentConstructions';
import type { Token } from '../../../src/emulator/analysis/language';

/**
 * The installed engine's sentiment on sentences written for this spec (none is taken from a
 * labelled set): each row is a generic construction of English the engine must read as a
 * careful human reader would.
 */
const analyst = new Analyst(0, 3072, installedLanguage());
const sentimentOf = (texts: string[]) => (analyst.run('sentiment', { inputs: texts }).results as { sentiment: string }[]).map((r) => r.sentiment);

describe('installed sentiment (wink-nlp phrases, clauses, constructions)', () => {
  it.each([
    ['a repeated fault: keep + -ing', 'The shower kept dripping all night.', 'negative'],
    ['a thing that quit: stop + -ing', 'The printer stopped working after a week.', 'negative'],
    ['an imposed obligation: had to', 'We had to ask three times for towels.', 'negative'],
    ['an attempt given up', 'We gave up after an hour.', 'negative'],
    ['a negation with nothing to flip ("It isn\'t.")', 'The app says free returns. They aren\'t.', 'negative'],
    ['"zero" as a negation', 'Zero help from the staff.', 'negative'],
    ['what came instead of what was wanted', 'Sent a blue one instead of the red one I ordered.', 'negative'],
    ['a wait: a duration after a waiting verb', 'Waited 50 minutes for a table.', 'negative'],
    ['a negated praise idiom', 'The bus was never on time.', 'negative'],
    ['an idiom of praise: can\'t beat', 'You can\'t beat the prices.', 'positive'],
    ['an idiom of praise: nothing beats', 'Nothing beats the view from the top.', 'positive'],
    ['an idiom of praise: a steal', 'At that price the jacket was a steal.', 'positive'],
    ['an idiom of praise: above and beyond', 'The nurse went above and beyond.', 'positive'],
    ['an intention to return', 'Would order again.', 'positive'],
    ['punctuality', 'The engineer arrived on time.', 'positive'],
    ['a comparative of a lexicon word', 'The parcel was cheaper than in the shop.', 'positive'],
    ['speed: a duration after "in"', 'Delivered in 20 minutes.', 'positive'],
    ['a negated complaint is (weak) praise', 'The food was not bad.', 'positive'],
    ['"zero" before a complaint', 'Zero problems.', 'positive'],
    ['a fact with a distance in minutes', 'The shop opens at 9 and is 15 minutes by train from the centre.', 'neutral'],
    ['a fact without an evaluative word', 'The form has three fields and a submit button.', 'neutral'],
    ['praise, then "but" with no evaluative word: the contrast turns it', 'The screen is lovely, but the battery drains by noon.', 'mixed'],
    ['praise, then "but" and a complaint', 'The seats were comfortable but the film started late.', 'mixed'],
  ])('%s: "%s" is %s', (_, text, expected) => {
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
