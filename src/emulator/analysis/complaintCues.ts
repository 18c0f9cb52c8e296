/**
 * Cues that plain sentiment lexicons miss in feedback: words that state a fault ("broken",
 * "closed", "leaking", "cramped") and plain words that praise ("worth it", "saved us ages").
 * Matched on lemmas, so "leaked" and "leaks" count. A word belongs here only if it carries its
 * polarity in any domain: nouns and neutral facts ("hair", "extra", "free", "pay") do not.
 */
export const COMPLAINT_LEMMAS = new Set(
  `closed shut cancel break broken broke miss missing forget forgot lose ignore refuse leak spill crush melt soggy raw
  undercooked overcooked burnt stale wilt wilted lukewarm fail crash freeze froze decline reject overcharge
  rip-off ripoff scam ridiculous absurd greedy chaos chaotic filthy grim sticky smelly smell pushy aggressive letdown
  tired outdated boring bored repetitive underwhelming unsafe steep shortage understaffed shrug downgrade
  cynical overflow overflowing peel peeling blurry cramped crammed roasting brutal argue dismissive flimsy
  torn strand unbearable pointless ruin ruined dead scary terrified headache gutted inaccurate outdate
  disappear stuck worse mould mouldy mold moldy dusty grubby broke leaking faulty`.split(/\s+/),
);

export const PRAISE_LEMMAS = new Set(
  `worth save bargain welcome spotless magical stunning spectacular highlight treat lifesaver handy clever
  reassuring patient generous relaxing peaceful charming thrill thrilled fair godsend painless effortless thoughtful
  courteous hooked classic accurate quick plentiful spacious sorted resolved upgrade
  well-organised organised manageable impressed impressive fascinating genuinely respectful
  perfectly plenty easier respectfully thank thanks cosy cozy comfy flawless seamless properly punctual`.split(/\s+/),
);

/** Units after a number that make it a waiting time ("45 minutes", "2 hours"). */
export const DURATION_UNITS = new Set(['minute', 'minutes', 'min', 'mins', 'hour', 'hours', 'hr', 'hrs', 'week', 'weeks', 'day', 'days']);

/** Words that open a contrasting clause: what follows may carry the other polarity. */
export const CONTRAST = new Set(['but', 'although', 'though', 'however', 'yet', 'except', 'while', 'whereas']);

/**
 * Entries of the tagger's sentiment lexicon whose common sense in English names a thing or an
 * act rather than judging it ("the key", "customer support", "live music", "a big room",
 * "turn right"): their lexicon polarity is ignored. Function words are ignored as well.
 */
export const NOT_EVALUATIVE = new Set(
  `work works working worked support supported key right left live lobby fan premium gift ready built sold blanket
  big huge small top free pay paying paid meet care quality safety fell drop leave pressure storm haunted dark hot cold
  alone straight trying try promised want wanted feeling matter greet greets apart loyalty deluxe superior lower
  fire fired hearing faced reached`.split(/\s+/),
);
