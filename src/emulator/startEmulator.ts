import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AdminState } from './adminRoute';
import type { EmulatorOptions, JournalEntry } from './EmulatorOptions';
import { emulatorState } from './emulatorState';
import { encodeReply } from './encodeReply';
import { FaultInjector, parseFaults, type FaultRule } from './faults';
import { hostName } from './hostGuard';
import { httpAdapter } from './httpAdapter';
import type { EmulatorProfile, EmulatorQuirks } from './profiles';
import { loadCassettes } from './loadCassettes';
import { TokenBucket } from './rateLimiter';
import { ReplayCassettes } from './ReplayCassettes';
import { routeRequest, type RouteContext } from './routeRequest';
import { connectionNumbers } from './connectionNumbers';
import { resetLedger } from './creditLedger';

/** A running emulator. */
export interface Emulator {
  /** Base URL with the version path, e.g. `http://127.0.0.1:4010/v1`. */
  url: string;
  origin: string;
  port: number;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** Every request seen so far. */
  journal(): JournalEntry[];
  /** When a job was submitted and when it is due (done), in the emulator's clock; `undefined` for an unknown id. */
  job(id: string): { createdAt: number; readyAt: number } | undefined;
  /** `spec` or `hosted`. */
  profile: EmulatorProfile;
  /** The quirks in force (the profile's, with the `quirks` option over them). */
  quirks: Required<EmulatorQuirks>;
  /** Strict-mode violations this emulator recorded (empty when strict mode is off). */
  violations(): string[];
  /** The fault rules, changeable at run time. */
  faults: FaultInjector;
  /** Forget jobs, journal, idempotency keys and rate-limit state; restore the start-up fault rules. */
  reset(): void;
  /** Stops listening and closes every socket and timer. */
  close(): Promise<void>;
}

/**
 * Starts the Pulse API emulator on loopback: every endpoint of the spec under `/v1`,
 * deterministic local analysis, jobs with signed result links, OAuth2 client credentials,
 * fault injection and a request journal. Node only. A thin `node:http` adapter
 * (`httpAdapter`) over the routes (`routeRequest`) over pure analysis.
 *
 * @example
 * import { startEmulator } from 'pulse-rx/emulator';
 * const emulator = await startEmulator({ port: 0, seed: 7 });
 * const client = PulseClient.withClientCredentials({ baseUrl: emulator.url, tokenUrl: emulator.tokenUrl,
 *   clientId: emulator.clientId, clientSecret: emulator.clientSecret });
 * await emulator.close();
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const state = emulatorState(options);
  const initialFaults: FaultRule[] = options.faults ?? parseFaults(process.env.PULSE_EMULATOR_FAULTS);
  const faults = new FaultInjector(state.seed, initialFaults);
  const journal: JournalEntry[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const { rateLimit } = options;
  const makeBucket = () => (rateLimit ? new TokenBucket(rateLimit.rps, rateLimit.burst ?? rateLimit.rps, state.now) : undefined);
  let bucket = makeBucket();
  const reset = () => {
    state.jobs.clear();
    state.idempotency?.clear();
    journal.length = 0;
    faults.set(initialFaults);
    bucket = makeBucket();
    replay?.rewind();
    if (state.organization) state.organization.balance = state.organization.initial;
    resetLedger(state);
  };
  const admin: AdminState = { journal, faults, reset };
  const replay = options.replay === undefined
    ? undefined
    : new ReplayCassettes(typeof options.replay === 'string' ? loadCassettes(options.replay) : options.replay);
  const routes: RouteContext = { state, admin, faults, replay, bucket: () => bucket };
  const ownHosts: string[] = [];

  const server = http.createServer(
    httpAdapter({
      origin: () => state.origin,
      ownHosts,
      maxBodyBytes: options.maxBodyBytes ?? 10 * 1024 * 1024,
      journal,
      connectionOf: connectionNumbers(),
      now: state.now,
      route: (req) => routeRequest(req, routes),
      encode: (reply, req) =>
        encodeReply(reply, { gzip: state.quirks.gzip, acceptEncoding: String(req.headers['accept-encoding'] ?? ''), origin: originOf(req.url.pathname) }),
      later: (ms, fn) => {
        const t = setTimeout(() => {
          timers.delete(t);
          fn();
        }, ms);
        timers.add(t);
      },
    }),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port, address } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  state.origin = `http://${host}:${port}`;
  ownHosts.push(hostName(address), ...(options.host ? [hostName(options.host)] : []));

  return {
    url: `${state.origin}/v1`,
    origin: state.origin,
    port,
    tokenUrl: `${state.origin}/oauth/token`,
    clientId: state.clientId,
    clientSecret: state.clientSecret,
    journal: () => journal.map((e) => ({ ...e })),
    job: (id) => {
      const job = state.jobs.get(id);
      return job && { createdAt: job.createdAt, readyAt: job.readyAt };
    },
    profile: state.profile,
    quirks: { ...state.quirks },
    violations: () => [...(state.strict?.violations ?? [])],
    faults,
    reset,
    close: () =>
      new Promise<void>((resolve) => {
        timers.forEach(clearTimeout);
        timers.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function originOf(path: string): 'api' | 'jobs' | 'token' | 'result' | 'admin' {
  if (path === '/oauth/token') return 'token';
  if (path === '/v1/jobs') return 'jobs';
  if (path.startsWith('/results/')) return 'result';
  return path.startsWith('/_emulator/') ? 'admin' : 'api';
}
