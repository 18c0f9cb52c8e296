import { defaultIfEmpty, defer, finalize, isObservable, last, map, of, type Observable } from 'rxjs';
import { PulseClient } from '../client/PulseClient';
import { checkEachText, describe } from '../client/validate';
import { PulseValidationError } from '../errors';
import { LIMITS } from '../schemas/limits';

/** Texts given to a starter: an array, or an Observable of one (e.g. `readTextsFile` on Node). */
export type TextsInput = readonly string[] | Observable<readonly string[]>;

/** A non-empty array of non-blank strings; the error names the index of the first bad one. */
export function checkDataset(field: string, texts: unknown): readonly string[] {
  if (!Array.isArray(texts)) throw new PulseValidationError(field, 'must be an array of strings', { value: describe(texts) });
  if (texts.length === 0) throw new PulseValidationError(field, 'must not be empty', { limit: 1, value: describe(texts) });
  checkEachText(field, texts, LIMITS.maxTextLength);
  return texts as readonly string[];
}

/** The texts of a starter's input, checked: the last array the Observable emits. */
export function textsOf(input: TextsInput): Observable<readonly string[]> {
  if (isObservable(input)) return input.pipe(defaultIfEmpty([] as readonly string[]), last(), map((texts) => checkDataset('texts', texts)));
  return defer(() => of(checkDataset('texts', input)));
}

/**
 * Runs `work` with the given client, or with `PulseClient.fromEnv()` created for this
 * subscription and closed when it ends.
 */
export function withClient<T>(client: PulseClient | undefined, work: (client: PulseClient) => Observable<T>): Observable<T> {
  if (client !== undefined && !(client instanceof PulseClient)) {
    return defer(() => {
      throw new PulseValidationError('client', 'must be a PulseClient', { value: describe(client) });
    });
  }
  if (client) return defer(() => work(client));
  return defer(() => {
    const own = PulseClient.fromEnv();
    return work(own).pipe(finalize(() => own.close()));
  });
}
