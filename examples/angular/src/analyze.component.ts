import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { PulseError, type SentimentItem } from 'pulse-rx';
import { PulseService } from './pulse.service';

/**
 * Paste texts, analyse them: the job's status streams in as it changes; leaving the page
 * unsubscribes, which aborts the request in flight and stops the polling.
 */
@Component({
  selector: 'app-analyze',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>Analyse feedback</h1>
    <textarea id="texts" rows="6" cols="60" (input)="texts.set($any($event.target).value)" [value]="texts()"></textarea>
    <p><button id="analyze" (click)="analyze()" [disabled]="running()">Analyse</button></p>
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
  private readonly pulse = inject(PulseService);
  private readonly destroyRef = inject(DestroyRef);
  readonly texts = signal('The rides were brilliant\nThe queues were endless\nThe staff were friendly');
  readonly status = signal('idle');
  readonly running = signal(false);
  readonly error = signal('');
  readonly results = signal<SentimentItem[]>([]);

  analyze(): void {
    const texts = this.texts().split('\n').map((t) => t.trim()).filter(Boolean);
    this.running.set(true);
    this.error.set('');
    this.results.set([]);
    this.pulse
      .analyze(texts)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (e) => {
          if (e.type === 'submitted') this.status.set('submitted');
          if (e.type === 'status') this.status.set(e.status);
          if (e.type === 'result') this.results.set(e.data.results);
        },
        error: (e: unknown) => {
          this.running.set(false);
          this.status.set('failed');
          this.error.set(e instanceof PulseError ? `${e.name}: ${e.message}` : String(e));
        },
        complete: () => {
          this.running.set(false);
          this.status.set('done');
        },
      });
  }
}
