import { startEmulator } from 'pulse-rx/emulator';
import { emulatorClient } from '../helpers/emulatorClient';
import { until } from '../helpers/recordingServer';

const activeHandles = () => process.getActiveResourcesInfo().filter((r) => r !== 'TTYWrap' && r !== 'FSReqCallback').length;

describe('subscribe / unsubscribe cycles', () => {
  it('1,000 cancelled calls and 1,000 cancelled polling streams leave no handles or timers behind', async () => {
    const emulator = await startEmulator({ faults: [{ path: '/sentiment', action: { type: 'hang' } }], jobDurationMs: 60_000 });
    const client = emulatorClient(emulator, { maxInFlight: 1000 });
    try {
      // Warm up the token and the keep-alive sockets, then take the baseline.
      await new Promise<void>((resolve) => client.getOrganizationCredits({ orgId: 'warm' }).subscribe({ complete: resolve }));
      const baseline = activeHandles();

      for (let i = 0; i < 1000; i++) {
        const sub = client.analyzeSentiment({ inputs: [`text ${i}`], fast: true }).subscribe();
        if (i % 100 === 99) await new Promise((r) => setTimeout(r, 5));
        sub.unsubscribe();
      }
      for (let i = 0; i < 1000; i++) {
        const sub = client.jobs.poll('task/unknown', 'sentiment').subscribe({ error: () => undefined });
        sub.unsubscribe();
      }
      await until(() => activeHandles() <= baseline + 2, 10_000);
      expect(activeHandles()).toBeLessThanOrEqual(baseline + 2);
    } finally {
      client.close();
      await emulator.close();
    }
  });
});
