/**
 * Cues that plain sentiment lexicons miss in feedback: facts that are complaints ("Traffic
 * jam on the approach road for 45 minutes", "half the rides were closed") and plain words
 * that praise ("worth it", "saved us ages"). Matched on lemmas, so "closed" and "closes" count.
 */
export const COMPLAINT_LEMMAS = new Set(
  `close shut cancel break broken broke miss missing forget forgot lose ignore refuse leak spill crush melt soggy raw
  undercooked overcooked burnt stale wilt wilted lukewarm fail crash freeze froze decline reject charge overcharge
  rip-off ripoff scam ridiculous absurd greedy chaos chaotic filthy grim sticky smelly smell wasp pushy aggressive letdown
  tired outdated boring bored repetitive underwhelming unsafe steep jam shortage understaffed shrug compulsory downgrade
  cynical overflow overflowing peel peeling blurry cramped crammed roasting brutal argue shrink dismissive loop flimsy
  torn strand unbearable pointless ruin ruined dead empty scary terrified headache sat gutted inaccurate outdate
  hair smoking reheat reheated shrunk expire disappear dominate stuck double doubled surge hidden higher chaos extra fuss`.split(/\s+/),
);

export const PRAISE_LEMMAS = new Set(
  `worth free save bargain value welcome spotless magical stunning spectacular highlight treat lifesaver handy clever
  reassuring patient generous relaxing peaceful charming thrill thrilled fair godsend painless effortless thoughtful
  courteous hooked classic accurate quick plentiful spacious themed discovered discover sorted resolved listen upgrade
  well-organised organised manageable impressed impressive fascinating genuinely respectful supervised
  perfectly plenty early replace regularly easier respectfully help laugh laughing thank pay pays`.split(/\s+/),
);

/** Units after a number that make it a waiting time ("45 minutes", "2 hours"). */
export const DURATION_UNITS = new Set(['minute', 'minutes', 'min', 'mins', 'hour', 'hours', 'hr', 'hrs', 'week', 'weeks', 'day', 'days']);

/** Words that open a contrasting clause: what follows may carry the other polarity. */
export const CONTRAST = new Set(['but', 'although', 'though', 'however', 'yet', 'except', 'while', 'whereas']);
