import { Injectable, InjectionToken, inject, type OnDestroy } from '@angular/core';
import type { Observable } from 'rxjs';
import { PulseClient, type JobEvent, type SentimentResponse } from 'pulse-rx';

/** Where the app finds the API: the base URL and a bearer token (from your login flow). */
export interface PulseConfig {
  baseUrl: string;
  token: string;
}

export const PULSE_CONFIG = new InjectionToken<PulseConfig>('PULSE_CONFIG');

/**
 * One PulseClient for the whole app, closed when the app is destroyed. Components get cold
 * Observables: a component that unsubscribes (on destroy) cancels its requests and polling.
 */
@Injectable({ providedIn: 'root' })
export class PulseService implements OnDestroy {
  private readonly client: PulseClient;

  constructor() {
    const { baseUrl, token } = inject(PULSE_CONFIG);
    this.client = PulseClient.withToken(token, { baseUrl, poll: { minIntervalMs: 100, maxIntervalMs: 300 } });
  }

  /** Sentiment of the texts as a job: its status events, then the result. */
  analyze(texts: string[]): Observable<JobEvent<SentimentResponse>> {
    return this.client.analyzeSentiment({ inputs: texts, fast: false }, { observe: 'events' });
  }

  ngOnDestroy(): void {
    this.client.close();
  }
}
