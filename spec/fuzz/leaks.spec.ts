import nock from 'nock';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { firstValueFrom } from 'rxjs';
import { startEmulator } from 'pulse-rx/emulator';
import { emulatorClient } from '../helpers/emulatorClient';
import { until } from '../helpers/recordingServer';

const activeHandles = () => process.getActiveResourcesInfo().filter((r) => r !== 'TTYWrap' && r !== 'FSReqCallback').length;
const sockets = () => process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap').length;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapAfterGc = async () => {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((r) => setImmediate(r));
  }
  return process.memoryUsage().heapUsed;
};

// `npm test` runs 2,000 cycles of each kind (bounded work, whatever the machine's load);
// `npm run soak` runs 10,000 (PULSE_LEAK_CYCLES).
const CYCLES = Number(process.env.PULSE_LEAK_CYCLES ?? 2000);
// Within a run the waits below only end early; on a loaded machine they may take long.
const PATIENCE_MS = 120_000;

describe('subscribe / unsubscribe cycles', () => {
  // These tests talk to a real emulator. nock's interceptor (installed for every file by
  // setupNock) keeps each aborted request alive (~36 KB each, measured): lift it here so
  // the heap figures are pulse-rx's alone.
  beforeAll(() => nock.restore());
  it(`${CYCLES} cancelled calls and ${CYCLES} cancelled polling streams leave no handles, timers or heap behind`, async () => {
    const emulator = await startEmulator({ faults: [{ path: '/sentiment', action: { type: 'hang' } }], jobDurationMs: 60_000 });
    const client = emulatorClient(emulator, { maxInFlight: 1000 });
    const cycles = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const sub = client.analyzeSentiment({ inputs: [`text ${i}`], fast: true }).subscribe();
        if (i % 100 === 99) await new Promise((r) => setTimeout(r, 2)); // let some requests reach the socket
        sub.unsubscribe();
      }
      for (let i = 0; i < n; i++) {
        const sub = client.jobs.poll('task/unknown', 'sentiment').subscribe({ error: () => undefined });
        if (i % 100 === 99) await new Promise((r) => setTimeout(r, 2));
        sub.unsubscribe();
      }
    };
    try {
      // Warm up the token, the sockets and the JIT, then take the baselines.
      await firstValueFrom(client.getOrganizationCredits({ orgId: 'warm' }));
      await cycles(1000);
      await until(() => emulator.journal().length > 0 && activeHandles() < 50, PATIENCE_MS);
      const handles = activeHandles();
      const heap = await heapAfterGc();

      await cycles(CYCLES);
      await until(() => activeHandles() <= handles + 2, PATIENCE_MS);
      expect(activeHandles()).toBeLessThanOrEqual(handles + 2);
      const growth = (await heapAfterGc()) - heap;
      // 2 x CYCLES cycles: a leak of even one subscription (~1 KB) each would show as MBs;
      // under 512 bytes a cycle, whatever the count.
      expect(growth).toBeLessThan(Math.max(2 * 1024 * 1024, CYCLES * 2 * 512));
    } finally {
      client.close();
      await emulator.close();
    }
  }, 600_000);

  it('client.close() releases every socket', async () => {
    const emulator = await startEmulator({ jobDurationMs: 60_000 });
    const before = sockets();
    const client = emulatorClient(emulator);
    try {
      // Jobs in flight, keep-alive sockets open.
      const subs = Array.from({ length: 6 }, (_, i) => client.analyzeSentiment({ inputs: [`text ${i}`], fast: false }).subscribe({ error: () => undefined }));
      await until(() => emulator.journal().filter((j) => j.path.startsWith('/v1/jobs')).length >= 6, PATIENCE_MS);
      expect(sockets()).toBeGreaterThan(before);
      client.close();
      await until(() => sockets() <= before + 0, 10_000).catch(() => undefined); // best effort: checked below
      subs.forEach((s) => s.unsubscribe());
    } finally {
      client.close();
      await emulator.close();
    }
    await until(() => sockets() <= before, PATIENCE_MS);
    expect(sockets()).toBeLessThanOrEqual(before);
  });
});
