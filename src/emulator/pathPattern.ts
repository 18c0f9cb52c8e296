/** Longest path pattern accepted, in characters. */
export const MAX_PATTERN_LENGTH = 200;

interface State {
  /** What one character must be to move on; none on a state that only links. */
  test?: (c: string) => boolean;
  /** Where a matching character leads. */
  out: number;
  /** States reached without reading a character. */
  links: number[];
}

/**
 * Compiles a fault rule's path glob into a matcher of path prefixes: `*` stands for any
 * characters but `/`, `**` for any characters, `{a,b}` for one of the words; any other
 * character stands for itself. Matching runs the pattern as a state machine over the path,
 * so it takes at most (path length × pattern length) steps whatever the pattern: no regular
 * expression, so nothing to backtrack. Throws a `SyntaxError` on an unbalanced brace.
 *
 * @example
 * const match = compilePathPattern('/{sentiment,jobs}');
 * match('/jobs'); // true: a prefix matches
 * match('/themes'); // false
 */
export function compilePathPattern(pattern: string): (path: string) => boolean {
  const states: State[] = [{ out: -1, links: [] }];
  const add = (test?: (c: string) => boolean): number => states.push({ test, out: -1, links: [] }) - 1;
  const char = (from: number, test: (c: string) => boolean): number => {
    const s = add(test);
    states[from]!.links.push(s);
    return (states[s]!.out = add());
  };
  let at = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') {
      const all = pattern[i + 1] === '*';
      if (all) i++;
      // Reading a character comes back here; the rest of the pattern links from here too.
      const loop = add(all ? () => true : (x) => x !== '/');
      states[loop]!.out = at;
      states[at]!.links.push(loop);
    } else if (c === '{') {
      const close = pattern.indexOf('}', i);
      if (close < 0 || pattern.slice(i + 1, close).includes('{')) throw new SyntaxError(`unbalanced "{" at ${i}`);
      const end = add();
      for (const word of pattern.slice(i + 1, close).split(',')) {
        let w = at;
        for (const x of word) w = char(w, (y) => y === x);
        states[w]!.links.push(end);
      }
      at = end;
      i = close;
    } else if (c === '}') {
      throw new SyntaxError(`unbalanced "}" at ${i}`);
    } else {
      at = char(at, (y) => y === c);
    }
  }
  const accept = at;
  return (path) => {
    const seen = new Int32Array(states.length).fill(-1);
    let current: number[] = [];
    // Adds a state and every state it links to (each once per step); true when it accepts.
    const reach = (start: number, step: number, into: number[]): boolean => {
      const stack = [start];
      while (stack.length) {
        const s = stack.pop()!;
        if (seen[s] === step) continue;
        seen[s] = step;
        if (s === accept) return true;
        into.push(s);
        stack.push(...states[s]!.links);
      }
      return false;
    };
    if (reach(0, 0, current)) return true;
    for (let i = 0; i < path.length && current.length; i++) {
      const next: number[] = [];
      for (const s of current) {
        const { test, out } = states[s]!;
        if (test?.(path[i]!) && reach(out, i + 1, next)) return true;
      }
      current = next;
    }
    return false;
  };
}
