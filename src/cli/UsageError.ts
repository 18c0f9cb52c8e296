/** A mistake of the caller (arguments, input file, destinations): message on stderr, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** `1 text`, `2 texts`. */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
