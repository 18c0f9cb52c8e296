/**
 * A NestJS-style service (migration guide: "framework integration"): the client is
 * injected, methods return Observables (Nest controllers return them as they are), and
 * the service closes the client when the module is destroyed.
 */
import { forkJoin, map, type Observable } from 'rxjs';
import type { PulseClient } from 'pulse-rx';
import { withEmulator, runIfMain } from './support/withEmulator';

export interface FeedbackReport {
  count: number;
  positive: number;
  themes: string[];
}

/** In Nest: `@Injectable()`, with the client provided by a factory provider. */
export class FeedbackService {
  constructor(private readonly pulse: PulseClient) {}

  /** Themes and sentiment at once (independent calls run concurrently). */
  report(texts: string[]): Observable<FeedbackReport> {
    return forkJoin({
      sentiment: this.pulse.analyzeSentiment({ inputs: texts, fast: 'auto' }),
      themes: this.pulse.generateThemes({ inputs: texts, fast: 'auto', maxThemes: 3 }),
    }).pipe(
      map(({ sentiment, themes }) => ({
        count: texts.length,
        positive: sentiment.results.filter((r) => r.sentiment === 'positive').length,
        themes: 'themes' in themes ? themes.themes.map((t) => t.shortLabel) : [],
      })),
    );
  }

  /** In Nest: `onModuleDestroy()`. */
  onModuleDestroy(): void {
    this.pulse.close();
  }
}

export const main = () =>
  withEmulator(async (client) => {
    const service = new FeedbackService(client);
    const { firstValueFrom } = await import('rxjs');
    return firstValueFrom(service.report(['Great rides', 'Rude staff', 'Great food', 'Slow queues']));
  });

runIfMain(module, main);
