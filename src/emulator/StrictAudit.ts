import type { ApiReply } from './api';
import type { ReplyTarget } from './applyQuirks';
import type { SpecValidator, ValidationIssue } from './validator';

/** Every strict-mode violation of every emulator in this process, until taken (see `takeViolations`). */
const REGISTRY = Symbol.for('pulse-rx.emulator.violations');
type Registry = { [REGISTRY]?: string[] };

/** Paths with responses in the spec (under `/v1`). */
const SPEC_PATHS = /^\/(embeddings|similarity|themes|clustering|sentiment|extractions|summaries|data-dictionary|jobs|health|usage\/estimate)$/;
const CREDITS = /^\/credits\/organizations\/[^/]+$/;

/**
 * Strict mode: checks each answer of the API, as the spec has it (before any quirk), against
 * the spec's response schema for its path and status (ErrorResponse for undocumented
 * errors). A violation is recorded (here and in a process-wide list a test setup can
 * check) and the answer becomes a 500 naming it, so the test that caused it fails.
 *
 * @example
 * const audit = new StrictAudit(new SpecValidator(loadAjv()));
 * audit.check({ method: 'GET', path: '/jobs' }, { status: 200, body: { status: 'queued' } }); // a 500
 */
export class StrictAudit {
  readonly violations: string[] = [];

  constructor(private readonly validator: SpecValidator) {}

  /**
   * The reply itself when it conforms, else a 500 `emulator_contract_violation`. A fault's
   * reply (`fault: true`) stands for any failing hop, so it is held to `ErrorResponse`.
   */
  check(at: ReplyTarget, reply: ApiReply, fault = false): ApiReply {
    const issues = fault ? this.validator.component('ErrorResponse', reply.body) : this.issues(at, reply);
    if (!issues?.length) return reply;
    const where = `${at.method} /v1${at.path} ${reply.status}`;
    const message = `strict mode: the emulator's answer to ${where} breaks the spec: ${describe(issues)}`;
    this.record(message);
    return { status: 500, body: { code: 'emulator_contract_violation', message } };
  }

  /**
   * Checks a job's result document against the endpoint's 200 schema (`DataDictionaryResponse`
   * for data dictionaries). `maxItems` is the synchronous limit there, which jobs exceed by design.
   */
  result(feature: string, doc: unknown): void {
    const issues = (
      feature === 'data-dictionary'
        ? this.validator.component('DataDictionaryResponse', doc)
        : this.validator.responseBody(`/${feature}`, 'post', 200, doc)
    ).filter((i) => i.code !== 'maxItems');
    if (issues.length) this.record(`strict mode: the result document of a ${feature} job breaks the spec: ${describe(issues)}`);
  }

  private issues(at: ReplyTarget, reply: ApiReply): ValidationIssue[] | undefined {
    const method = at.method.toLowerCase();
    const documented = SPEC_PATHS.test(at.path) || CREDITS.test(at.path);
    if (!documented || (method !== 'get' && method !== 'post')) {
      return reply.status >= 400 ? this.validator.component('ErrorResponse', reply.body) : undefined;
    }
    let path = CREDITS.test(at.path) ? '/credits/organizations/{orgId}' : at.path;
    // Every analysis endpoint's description promises "a job_id (HTTP 202)"; two document its schema.
    if (reply.status === 202 && method === 'post' && !this.validator.hasResponse(path, method, 202)) path = '/extractions';
    if (this.validator.hasResponse(path, method, reply.status)) return this.validator.responseBody(path, method, reply.status, reply.body);
    if (reply.status >= 400) return this.validator.component('ErrorResponse', reply.body);
    return [{ message: `status ${reply.status} is not documented`, path: [], field: '', location: 'body' }];
  }

  private record(message: string): void {
    this.violations.push(message);
    const registry = globalThis as Registry;
    (registry[REGISTRY] ??= []).push(message);
  }
}

/**
 * Takes (and clears) the strict-mode violations recorded in this process: a test setup
 * calls it after each test and fails the test when it is not empty.
 *
 * @example
 * afterEach(() => { const v = takeViolations(); if (v.length) throw new Error(v.join('\n')); });
 */
export function takeViolations(): string[] {
  const registry = globalThis as Registry;
  const taken = registry[REGISTRY] ?? [];
  registry[REGISTRY] = [];
  return taken;
}

function describe(issues: ValidationIssue[]): string {
  return issues.slice(0, 3).map((i) => `${i.field || '(body)'} ${i.message}`).join('; ');
}
