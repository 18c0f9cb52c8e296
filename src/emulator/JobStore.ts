import type { Feature } from './analyze';

/** A submitted job: its result is computed at submission and served once it is due. */
export interface EmulatedJob {
  id: string;
  feature: Feature;
  createdAt: number;
  readyAt: number;
  /** Failure detail when a fault failed the job. */
  failure?: string;
  stuck: boolean;
  /** When `DELETE /jobs/{id}` stopped it. */
  cancelledAt?: number;
  resultId: string;
  result: string;
}

/** Jobs and result documents of one emulator. */
export class JobStore {
  private readonly jobs = new Map<string, EmulatedJob>();
  private readonly results = new Map<string, string>();
  private counter = 0;

  nextId(): number {
    return ++this.counter;
  }

  add(job: EmulatedJob): void {
    this.jobs.set(job.id, job);
    this.results.set(job.resultId, job.result);
  }

  get(id: string): EmulatedJob | undefined {
    return this.jobs.get(id);
  }

  result(resultId: string): string | undefined {
    return this.results.get(resultId);
  }

  clear(): void {
    this.jobs.clear();
    this.results.clear();
    this.counter = 0;
  }
}
