import { TestScheduler } from 'rxjs/testing';
import { filter, map } from 'rxjs';
import { PulseValidationError } from 'pulse-rx';
import { jobEventLetters, jobEventValues } from 'pulse-rx/testing';

const scheduler = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

describe('marble helpers for job event streams', () => {
  it('jobEventValues + jobEventLetters round-trip a job stream as its marble diagram', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const events$ = cold('s 9ms q 9ms p 9ms n 9ms c r|', jobEventValues({ results: [1] }));
      expectObservable(events$.pipe(jobEventLetters())).toBe('s 9ms q 9ms p 9ms n 9ms c r|');
    });
  });

  it('a consumer under test sees the result data of the r event and the error statuses', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const values = jobEventValues({ results: ['ok'] }, { jobId: 'task/1' });
      const result$ = cold('s-p-c-r|', values).pipe(
        filter((e) => e.type === 'result'),
        map((e) => (e.type === 'result' ? `${e.jobId}:${e.data.results[0]}` : '')),
      );
      expectObservable(result$).toBe('------x|', { x: 'task/1:ok' });
      expectObservable(cold('s-f|', values).pipe(jobEventLetters())).toBe('s-f|');
      expectObservable(cold('s-g-e|', values).pipe(jobEventLetters())).toBe('s-g-e|');
    });
  });

  it('rejects an empty job id with PulseValidationError', () => {
    expect(() => jobEventValues({}, { jobId: '' })).toThrow(PulseValidationError);
  });
});
