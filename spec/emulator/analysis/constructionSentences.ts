/**
 * Sentences written for the specs (none is taken from a labelled set or the training sets), each
 * a generic construction of English with the reading a careful human gives it: the rules must
 * read every one right, the trained model nearly all.
 */
export const CONSTRUCTION_SENTENCES: [construction: string, text: string, sentiment: string][] = [
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
];
