import { ChangeDetectionStrategy, Component, computed, signal } from '@angular/core';
import { PulseError, type SentimentResponse } from 'pulse-rx';
import { pulseResource } from 'pulse-rx/angular';

/**
 * Paste texts, analyse them: the job's status streams in as it changes; leaving the page
 * destroys the resource, which aborts the request in flight and stops the polling; a hidden
 * tab pauses the polling.
 */
@Component({
  selector: 'app-analyze',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>Analyse feedback</h1>
    <textarea id="texts" rows="6" cols="60" (input)="texts.set($any($event.target).value)" [value]="texts()"></textarea>
    <p><button id="analyze" (click)="analyze()" [disabled]="sentiment.isLoading()">Analyse</button></p>
    <p id="status">{{ status() }}</p>
    @if (error()) {
      <p id="error" class="error">{{ error() }}</p>
    }
    <ol id="results">
      @for (r of results(); track $index) {
        <li [class]="r.sentiment">{{ r.sentiment }} ({{ r.confidence.toFixed(2) }})</li>
      }
    </ol>
  `,
})
export class AnalyzeComponent {
  readonly texts = signal('The rides were brilliant\nThe queues were endless\nThe staff were friendly');
  /** The texts of the last click; a new array each time, so the same texts run again. */
  private readonly submitted = signal<string[] | undefined>(undefined);

  readonly sentiment = pulseResource<SentimentResponse>(
    () => {
      const inputs = this.submitted();
      return inputs ? (pulse, options) => pulse.analyzeSentiment({ inputs, fast: false }, options) : undefined;
    },
    { pauseWhenHidden: true },
  );

  readonly status = computed(() => {
    switch (this.sentiment.status()) {
      case 'idle':
        return 'idle';
      case 'error':
        return 'failed';
      case 'resolved':
        return 'done';
      default:
        return this.sentiment.jobStatus() ?? 'sending';
    }
  });
  readonly error = computed(() => {
    const e = this.sentiment.error();
    return e ? (e instanceof PulseError ? `${e.name}: ${e.message}` : String(e)) : '';
  });
  readonly results = computed(() => (this.sentiment.hasValue() ? (this.sentiment.value()?.results ?? []) : []));

  analyze(): void {
    this.submitted.set(this.texts().split('\n').map((t) => t.trim()).filter(Boolean));
  }
}
