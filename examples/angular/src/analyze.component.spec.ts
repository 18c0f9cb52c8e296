/**
 * Component tests of AnalyzeComponent with Angular's TestBed, run in Chromium by
 * spec/browser/angular.browser.ts (bundled with esbuild, JIT): one drives every request
 * with `HttpTestingController` (no sockets), one runs against `pulse-rx/testing` in memory.
 * Each returns what the page showed; the Node side asserts it.
 */
import '@angular/compiler';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { BrowserTestingModule, platformBrowserTesting } from '@angular/platform-browser/testing';
import { StaticTokenAuth } from 'pulse-rx';
import { providePulse, withHttpClient } from 'pulse-rx/angular';
import { createInMemoryPulse } from 'pulse-rx/testing';
import { AnalyzeComponent } from './analyze.component';

TestBed.initTestEnvironment(BrowserTestingModule, platformBrowserTesting());

const poll = { strategy: 'exponential' as const, minIntervalMs: 1, maxIntervalMs: 1 };
const text = (fixture: ComponentFixture<unknown>, selector: string) => (fixture.nativeElement as HTMLElement).querySelector(selector)?.textContent?.trim() ?? '';
const items = (fixture: ComponentFixture<unknown>) => [...(fixture.nativeElement as HTMLElement).querySelectorAll('#results li')].map((li) => li.textContent?.trim() ?? '');
const turn = () => new Promise((r) => setTimeout(r, 1));

/** Waits (by turns, at most 2000) until the page shows `status`; returns it. */
async function statusBecomes(fixture: ComponentFixture<unknown>, status: string): Promise<string> {
  for (let i = 0; i < 2000 && text(fixture, '#status') !== status; i++) await turn();
  return text(fixture, '#status');
}

async function expectOne(http: HttpTestingController, match: (url: string) => boolean): Promise<TestRequest> {
  for (let i = 0; i < 2000; i++) {
    const found = http.match((r) => match(r.urlWithParams));
    if (found.length) return found[0]!;
    await turn();
  }
  throw new Error('no such request');
}

/** Every answer flushed by the test: the page's status after each, and the results. */
export async function withHttpTestingController(): Promise<{ statuses: string[]; results: string[]; headers: string[] }> {
  TestBed.configureTestingModule({
    providers: [
      provideZonelessChangeDetection(),
      provideHttpClient(),
      provideHttpClientTesting(),
      providePulse({ baseUrl: 'https://pulse.test/v1', auth: new StaticTokenAuth('test-token'), poll }, withHttpClient()),
    ],
  });
  try {
    const fixture = TestBed.createComponent(AnalyzeComponent);
    const http = TestBed.inject(HttpTestingController);
    // Not fixture.whenStable() once requests are out: HttpClient requests in flight keep the
    // app unstable (so server rendering waits for them), and here they wait for the test.
    await fixture.whenStable();
    const statuses = [text(fixture, '#status')];
    (fixture.nativeElement as HTMLElement).querySelector<HTMLButtonElement>('#analyze')!.click();
    const submit = await expectOne(http, (url) => url.endsWith('/v1/sentiment'));
    const headers = [submit.request.headers.get('authorization') ?? ''];
    submit.flush({ job_id: 'task/42' }, { status: 202, statusText: 'Accepted' });
    (await expectOne(http, (url) => url.includes('/v1/jobs?jobId=task%2F42'))).flush({ status: 'pending' });
    statuses.push(await statusBecomes(fixture, 'pending'));
    (await expectOne(http, (url) => url.includes('/v1/jobs'))).flush({ status: 'completed', result_url: 'https://store.test/r/42.json?sig=x' });
    const download = await expectOne(http, (url) => url.startsWith('https://store.test/'));
    headers.push(download.request.headers.get('authorization') ?? 'none');
    download.flush({ results: [{ sentiment: 'positive', confidence: 0.9 }, { sentiment: 'negative', confidence: 0.8 }, { sentiment: 'neutral', confidence: 0.5 }] });
    statuses.push(await statusBecomes(fixture, 'done'));
    http.verify();
    return { statuses, results: items(fixture), headers };
  } finally {
    TestBed.resetTestingModule();
  }
}

/** The same component against the emulated API in memory (pulse-rx/testing). */
export async function withInMemoryPulse(): Promise<{ status: string; results: string[]; requests: string[] }> {
  const pulse = createInMemoryPulse({ jobDurationMs: 0 });
  TestBed.configureTestingModule({
    providers: [provideZonelessChangeDetection(), providePulse({ baseUrl: pulse.baseUrl, axios: pulse.axios, poll })],
  });
  try {
    const fixture = TestBed.createComponent(AnalyzeComponent);
    await fixture.whenStable();
    (fixture.nativeElement as HTMLElement).querySelector<HTMLButtonElement>('#analyze')!.click();
    const status = await statusBecomes(fixture, 'done');
    return { status, results: items(fixture), requests: pulse.journal().map((e) => `${e.method} ${e.path.split('?')[0]} ${e.status}`) };
  } finally {
    TestBed.resetTestingModule();
  }
}
