import type { AgentOptions } from './fromAxios';

/** Settings of a keep-alive socket pool (Node's `http.Agent` options). */
export interface PoolSettings {
  keepAlive: true;
  /** Sockets per host. */
  maxSockets: number;
  /** Idle sockets kept per host: as many as may be open, so a burst's sockets all serve the next one. */
  maxFreeSockets: number;
  /** Socket inactivity timeout, in ms. */
  timeout: number;
}

/**
 * Pool settings for a client with `maxInFlight` requests in flight: its limiter bounds the
 * API requests, and a token refresh (which bypasses it) may need one more socket. Idle
 * sockets are all kept, since a smaller idle pool closes sockets that the next burst opens
 * again (8 sockets with 9 kept idle opened 14 connections for 10 calls in flight).
 *
 * @example
 * poolSettings(8); // { keepAlive: true, maxSockets: 9, maxFreeSockets: 9, timeout: 60000 }
 */
export function poolSettings(maxInFlight: number): PoolSettings {
  const maxSockets = maxInFlight + 1;
  return { keepAlive: true, maxSockets, maxFreeSockets: maxSockets, timeout: 60_000 };
}

interface NodeHttp {
  Agent: new (options: PoolSettings) => unknown;
}
type BuiltinLoader = (id: string) => unknown;

/**
 * Keep-alive agents for the client's default axios instance in Node, sized by
 * `poolSettings(maxInFlight)`; none elsewhere (browsers pool on their own). Node's modules
 * are reached through `process.getBuiltinModule` (Node 20.16+), never a static import, so
 * the core stays browser-safe; on an older Node the default (global) agent is used.
 *
 * @example
 * createAxiosInstance(defaultAgents(16)); // Node: http and https agents of 17 sockets
 */
export function defaultAgents(maxInFlight: number): AgentOptions {
  const proc = (globalThis as { process?: { getBuiltinModule?: BuiltinLoader } }).process;
  const load = typeof proc?.getBuiltinModule === 'function' ? proc.getBuiltinModule.bind(proc) : undefined;
  const http = load?.('node:http') as NodeHttp | undefined;
  const https = load?.('node:https') as NodeHttp | undefined;
  if (!http?.Agent || !https?.Agent) return {};
  const settings = poolSettings(maxInFlight);
  return { httpAgent: new http.Agent(settings), httpsAgent: new https.Agent(settings) };
}
