import axios, { type AxiosAdapter, type AxiosInstance } from 'axios';
import { Analyst } from '../emulator/analyze';
import { issueToken, resultDocument, routeApi, type ApiReply, type ApiRequest, type ApiState } from '../emulator/api';
import { JobStore } from '../emulator/JobStore';
import { SpecValidator } from '../emulator/validator';
import { checkInMemoryPulseOptions, type InMemoryPulseOptions } from './InMemoryPulseOptions';
import { inMemoryAdapter, type InMemoryExchange } from './inMemoryAdapter';
import { checkJobLifecycle } from '../emulator/jobLifecycle';
import { resolveQuirks } from '../emulator/profiles';
// ajv (an optional peer) by a static import: a browser bundle has no require to load it later.
import Ajv2020 from 'ajv/dist/2020.js';

/** The emulated Pulse API in memory: pass `axios` (or `adapter`) to a client. */
export interface InMemoryPulse {
  /** Base URL with the version path, e.g. `https://pulse.test/v1`. */
  readonly baseUrl: string;
  /** The OAuth2 client-credentials endpoint. */
  readonly tokenUrl: string;
  /** The demo OAuth2 client. */
  readonly clientId: string;
  /** The demo client's secret (a test value, not a real secret). */
  readonly clientSecret: string;
  /** The axios adapter answering every request from memory. */
  readonly adapter: AxiosAdapter;
  /** An axios instance using `adapter`: the client's `axios` option. */
  readonly axios: AxiosInstance;
  /** Every exchange so far, oldest first. */
  journal(): readonly InMemoryExchange[];
  /** Forgets jobs, results and the journal. */
  reset(): void;
}

/**
 * The emulator's analysis and job logic behind an axios adapter: no sockets, no Node
 * modules, so component tests in a browser (Vitest browser mode, Karma, Storybook) and in
 * Node run a real `PulseClient` against it. Scores are the emulator's, seeded.
 *
 * @example
 * import { PulseClient } from 'pulse-rx';
 * import { createInMemoryPulse } from 'pulse-rx/testing';
 * import { firstValueFrom } from 'rxjs';
 *
 * const pulse = createInMemoryPulse({ jobDurationMs: 0 });
 * const client = PulseClient.withToken('test', { baseUrl: pulse.baseUrl, axios: pulse.axios });
 * const { results } = await firstValueFrom(client.analyzeSentiment({ inputs: ['Lovely staff'] }));
 * console.log(results[0]?.sentiment); // 'positive'
 */
export function createInMemoryPulse(options?: InMemoryPulseOptions): InMemoryPulse {
  const o = checkInMemoryPulseOptions(options);
  const seed = o.seed ?? 42;
  const now = o.now ?? Date.now;
  const state: ApiState = {
    profile: 'spec',
    seed,
    origin: o.origin ?? 'https://pulse.test',
    secret: `pulse-rx/testing:${seed}`,
    clientId: 'emulator-client',
    clientSecret: 'emulator-secret',
    requireAuth: o.requireAuth ?? false,
    tokenTtlSeconds: 3600,
    resultTtlMs: 3_600_000,
    jobDurationMs: o.jobDurationMs ?? 0,
    quirks: resolveQuirks('spec'),
    speedUp: 1,
    analyst: new Analyst(seed, o.embeddingDimensions ?? 3072),
    jobs: new JobStore(),
    lifecycle: checkJobLifecycle({}),
    validator: new SpecValidator(Ajv2020),
    now,
    startedAt: now(),
  };
  const route = (req: ApiRequest, path: string): ApiReply => {
    if (path === '/oauth/token' && req.method === 'POST') return issueToken(req, state);
    if (path.startsWith('/results/') && req.method === 'GET') return resultDocument(path, req.query, state);
    if (!path.startsWith('/v1/')) {
      return { status: 404, body: { code: 'not_found', message: `No route for ${req.method} ${path}` } };
    }
    return routeApi(req, state);
  };
  const journal: InMemoryExchange[] = [];
  const adapter = inMemoryAdapter({ origin: state.origin, latencyMs: o.latencyMs ?? 0, route, journal });
  return {
    baseUrl: `${state.origin}/v1`,
    tokenUrl: `${state.origin}/oauth/token`,
    clientId: state.clientId,
    clientSecret: state.clientSecret,
    adapter,
    axios: axios.create({ adapter }),
    journal: () => journal.slice(),
    reset: () => {
      state.jobs.clear();
      journal.length = 0;
    },
  };
}
