import { join } from 'node:path';
import { runFleetSoak } from '../soak/fleet/fleetSoak';

/**
 * The fleet soak, small: two worker processes from the built package, a worker killed with
 * SIGKILL while it holds a running Pulse job, a replacement started. Its jobs move to another
 * worker, which resumes them from the run records in Redis: nothing lost, nothing submitted
 * twice, answers as one process gives them. (`npm run soak:fleet` is the full size.)
 */
describe('a fleet of workers (BullMQ, real redis-server, dist/)', () => {
  it('loses nothing, submits nothing twice and answers as one process when a worker dies', async () => {
    const f = await runFleetSoak({
      texts: 1200,
      analyses: 6,
      workers: 2,
      rps: 100,
      killAt: [0],
      // Jobs long enough that the worker killed after its first accepted submission still
      // holds running analyses however late a loaded machine delivers the kill.
      jobDurationMs: 3000,
      faults: true,
      sharedLimit: true,
      dist: join(__dirname, '..', '..', 'dist'),
    });
    expect(f.killed).toBe(1);
    expect(f.stalled).toBeGreaterThanOrEqual(1);
    expect({ lost: f.lost, duplicateSubmissions: f.duplicateSubmissions, different: f.different }).toEqual({
      lost: 0,
      duplicateSubmissions: 0,
      different: 0,
    });
  }, 180_000);
});
