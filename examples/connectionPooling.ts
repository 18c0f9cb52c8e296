/**
 * Connection pooling (migration guide: "connection pooling"): a keep-alive agent pool
 * sized from the work in flight, shared by every call of the client.
 */
import { firstValueFrom, forkJoin } from 'rxjs';
import { pooledAxios, recommendedPoolConfig } from 'pulse-rx/node';
import { runIfMain, withEmulator } from './support/withEmulator';

export const main = () => {
  const config = recommendedPoolConfig(10); // 10 concurrent jobs -> 22 sockets, 11 kept idle
  return withEmulator(
    async (client) => {
      const calls = Array.from({ length: 10 }, (_, i) => client.analyzeSentiment({ inputs: [`Review ${i}: great fun`], fast: true }));
      const answers = await firstValueFrom(forkJoin(calls));
      return { maxSockets: config.maxSockets, maxFreeSockets: config.maxFreeSockets, answers: answers.length };
    },
    { client: { axios: pooledAxios(10), concurrency: 10 } },
  );
};

runIfMain(module, main);
