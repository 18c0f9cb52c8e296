import { contentWords, sentences, stem, tokenize } from './text';

/**
 * For each input and each dictionary term, the clauses that mention the term or a close
 * variant (same stem, or one edit away for longer words). `themes` matches any content word
 * of a theme label.
 */
export function extractElements(inputs: string[], dictionary: string[], type: 'named-entities' | 'themes'): string[][][] {
  const terms = dictionary.map((term) => {
    const words = type === 'themes' ? contentWords(term) : tokenize(term);
    return { stems: words.map(stem), all: type !== 'themes' };
  });
  return inputs.map((input) => {
    const clauses = sentences(input).flatMap((s) => s.split(/,|;|\bbut\b|\band\b/i)).map((c) => c.trim()).filter(Boolean);
    return terms.map((term) =>
      clauses.filter((clause) => {
        const stems = tokenize(clause).map(stem);
        const hit = (t: string) => stems.some((s) => s === t || (t.length >= 5 && oneEdit(s, t)));
        return term.stems.length > 0 && (term.all ? term.stems.every(hit) : term.stems.some(hit));
      }),
    );
  });
}

function oneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}
