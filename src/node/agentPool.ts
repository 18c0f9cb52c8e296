import http from 'node:http';
import https from 'node:https';
import { createAxiosInstance } from '../http/fromAxios';
import type { HttpClientInstance } from '../http/types';
import { PulseValidationError } from '../errors';

/** Keep-alive pool settings. */
export interface PoolConfig {
  keepAlive: true;
  /** Sockets per host. */
  maxSockets: number;
  /** Idle sockets kept per host (all of them). */
  maxFreeSockets: number;
  /** Idle socket lifetime, in ms. */
  timeout: number;
}

/**
 * Pool settings for `concurrentJobs` calls in flight: each call may hold a socket for its
 * request and another for polling or downloading, plus headroom for token refreshes.
 */
export function recommendedPoolConfig(concurrentJobs: number): PoolConfig {
  if (!Number.isInteger(concurrentJobs) || concurrentJobs < 1) throw new PulseValidationError('concurrentJobs', 'must be a positive integer', { value: String(concurrentJobs) });
  const maxSockets = concurrentJobs * 2 + 2;
  // Every socket may stay idle: a smaller idle pool closes sockets that the next burst reopens.
  return { keepAlive: true, maxSockets, maxFreeSockets: maxSockets, timeout: 60_000 };
}

/**
 * An axios instance on keep-alive agents sized for `concurrentJobs`; pass it as the
 * client's `axios` option. `client.close()` destroys the agents and their sockets.
 *
 * @example
 * import { PulseClient } from 'pulse-rx';
 * import { pooledAxios } from 'pulse-rx/node';
 * const client = PulseClient.fromEnv({ axios: pooledAxios(8), concurrency: 8 });
 */
export function pooledAxios(concurrentJobs: number): HttpClientInstance {
  const config = recommendedPoolConfig(concurrentJobs);
  return createAxiosInstance({ httpAgent: new http.Agent(config), httpsAgent: new https.Agent(config) });
}
