import type { SingleBar } from 'cli-progress';
import { requireOptional } from '../optionalPackage';
import type { AnalysisEvent } from '../analysis/AnalysisEvent';

/** What a step has done so far, as a 0-3 scale: started, queued, running, done. */
const STAGE: Record<string, number> = { start: 0, queued: 1, pending: 2, end: 3 };

/** Shows analysis progress on stderr: bars on a terminal, plain lines otherwise. */
export interface Progress {
  update(event: AnalysisEvent): void;
  stop(): void;
}

export function progressDisplay(stream: NodeJS.WritableStream & { isTTY?: boolean }, quiet: boolean): Progress {
  if (quiet) return { update: () => undefined, stop: () => undefined };
  const started = Date.now();
  if (!stream.isTTY) {
    return {
      update: (e) => {
        if (e.phase === 'status') return;
        const at = ((Date.now() - started) / 1000).toFixed(1);
        if (e.phase === 'progress') return void stream.write(`pulse: ${e.process} ${e.done}/${e.total} at ${at}s\n`);
        stream.write(`pulse: ${e.process} ${e.phase === 'end' ? 'done' : e.phase === 'start' ? 'started' : 'failed'} at ${at}s\n`);
      },
      stop: () => undefined,
    };
  }
  const { MultiBar, Presets } = requireOptional<typeof import('cli-progress')>('cli-progress', 'the progress bars of pulse');
  const multi = new MultiBar(
    { stream, format: ' {bar} {step} {state}', barsize: 24, hideCursor: true, clearOnComplete: false, autopadding: true },
    Presets.shades_classic,
  );
  const bars = new Map<string, SingleBar>();
  return {
    update: (e) => {
      let bar = bars.get(e.process);
      if (!bar) {
        bar = multi.create(3, 0, { step: e.process.padEnd(16), state: 'waiting' });
        bars.set(e.process, bar);
      }
      if (e.phase === 'status') bar.update(STAGE[e.status] ?? 2, { state: e.status });
      else if (e.phase === 'progress') bar.update(2, { state: `${e.done}/${e.total}` });
      else if (e.phase === 'end') bar.update(3, { state: e.cached ? 'done (cached)' : 'done' });
      else if (e.phase === 'error') bar.update({ state: 'failed' });
      else bar.update(0, { state: 'started' });
    },
    stop: () => multi.stop(),
  };
}
