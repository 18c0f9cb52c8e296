import type { ApiReply } from './api';
import { cassetteKey, type Cassette } from './Cassette';

/**
 * Serves recorded answers to matching requests (method, path, query, JSON body), in the
 * order recorded: the same job polled twice gets its recorded statuses in turn, then the
 * last one again. Requests without a recording fall back to local analysis.
 *
 * @example
 * const replay = new ReplayCassettes([cassette]);
 * replay.take('POST', '/sentiment', '', '{"inputs":["a"],"fast":true}'); // the recorded 200, or undefined
 */
export class ReplayCassettes {
  private readonly answers = new Map<string, ApiReply[]>();
  private readonly served = new Map<string, number>();

  constructor(cassettes: Cassette[]) {
    for (const { interactions } of cassettes) {
      for (const { request, response } of interactions) {
        const key = cassetteKey(request.method, request.path, request.query, request.body);
        const list = this.answers.get(key) ?? [];
        list.push({ status: response.status, headers: response.headers, body: response.body });
        this.answers.set(key, list);
      }
    }
  }

  /** Recorded answers loaded. */
  get size(): number {
    return [...this.answers.values()].reduce((n, l) => n + l.length, 0);
  }

  /** The next recorded answer to this request, or undefined. */
  take(method: string, path: string, query: string, body: string): ApiReply | undefined {
    const key = cassetteKey(method, path, query, body);
    const list = this.answers.get(key);
    if (!list) return undefined;
    const n = this.served.get(key) ?? 0;
    this.served.set(key, n + 1);
    return list[Math.min(n, list.length - 1)];
  }

  /** Starts every recording from its first answer again. */
  rewind(): void {
    this.served.clear();
  }
}
