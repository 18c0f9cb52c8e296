import { TestScheduler } from 'rxjs/testing';
import { jobEventLetters, jobEventValues } from 'pulse-rx/testing';
// The operator file imports no Angular (jest here cannot load Angular's ES modules).
import { whileVisible } from '../../src/angular/whileVisible';

const run = (body: Parameters<TestScheduler['run']>[0]) => new TestScheduler((a, b) => expect(a).toEqual(b)).run(body);

describe('whileVisible (the polling of pauseWhenHidden)', () => {
  it('hiding unsubscribes from polling; showing subscribes anew at once; completes after the result', () => {
    run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const values = jobEventValues({ ok: true });
      const events$ = cold('p--p--p--c-r|', values);
      const visible$ = hot('t----f-----t', { t: true, f: false });
      expectObservable(whileVisible(events$, visible$).pipe(jobEventLetters())).toBe('p--p-------p--p--p--c-(r|)');
      expectSubscriptions(events$.subscriptions).toBe(['^----!', '-----------^----------!']);
    });
  });

  it('a repeated "visible" does not restart polling', () => {
    run(({ cold, hot, expectObservable }) => {
      const events$ = cold('p--c-r|', jobEventValues(1));
      expectObservable(whileVisible(events$, hot('t-t-t', { t: true })).pipe(jobEventLetters())).toBe('p--c-(r|)');
    });
  });
});
