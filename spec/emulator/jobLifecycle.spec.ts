import { PulseValidationError } from 'pulse-rx';
import { startEmulator, type Emulator } from 'pulse-rx/emulator';
import { emulatorProcess } from '../bench/support/emulatorProcess';

const SPEC_FIELDS = ['job_id', 'status', 'result_url']; // JobStatusResponse: additionalProperties false

async function submit(url: string): Promise<string> {
  const res = await fetch(`${url}/sentiment`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ inputs: ['a', 'b'] }) });
  return ((await res.json()) as { job_id: string }).job_id;
}
const del = (url: string, id: string) => fetch(`${url}/jobs/${encodeURIComponent(id)}`, { method: 'DELETE' });
const status = async (url: string, id: string) => {
  const res = await fetch(`${url}/jobs?jobId=${encodeURIComponent(id)}`);
  return { code: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe('emulator: DELETE /jobs/{id} and new jobs briefly unknown', () => {
  let emulator: Emulator;
  afterEach(() => emulator.close());

  it('DELETE stops a running job: 200, then its status reads failed with only the fields the spec allows', async () => {
    emulator = await startEmulator({ requireAuth: false, jobDurationMs: 60_000 });
    const id = await submit(emulator.url);
    const res = await del(emulator.url, id);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ job_id: id, status: 'failed' });
    const after = await status(emulator.url, id);
    expect(after.body.status).toBe('failed');
    expect(Object.keys(after.body).every((k) => SPEC_FIELDS.includes(k))).toBe(true);
    expect((await del(emulator.url, 'task/emulator/none')).status).toBe(404);
  });

  it('a finished job stays completed; cancelJobs: false answers 405 and the job runs on', async () => {
    emulator = await startEmulator({ requireAuth: false, jobDurationMs: 0 });
    const done = await submit(emulator.url);
    expect(await (await del(emulator.url, done)).json()).toEqual({ job_id: done, status: 'completed' });
    await emulator.close();
    emulator = await startEmulator({ requireAuth: false, jobDurationMs: 0, cancelJobs: false });
    const id = await submit(emulator.url);
    expect((await del(emulator.url, id)).status).toBe(405);
    expect((await status(emulator.url, id)).body.status).toBe('completed');
  });

  it('unknownNewJobsMs: 404 for a new job until its time is up', async () => {
    let now = 1_000_000;
    emulator = await startEmulator({ requireAuth: false, jobDurationMs: 0, unknownNewJobsMs: 500, now: () => now });
    const id = await submit(emulator.url);
    now += 499;
    expect((await status(emulator.url, id)).code).toBe(404);
    now += 1;
    expect(await status(emulator.url, id)).toEqual({ code: 200, body: expect.objectContaining({ status: 'completed' }) });
  });

  it('checks the options', async () => {
    await expect(startEmulator({ unknownNewJobsMs: -1 })).rejects.toThrow(PulseValidationError);
    await expect(startEmulator({ cancelJobs: 'no' as unknown as boolean })).rejects.toThrow(/cancelJobs/);
    emulator = await startEmulator();
  });

  it('pulse-emulator --no-job-cancel --unknown-new-jobs MS', async () => {
    emulator = await startEmulator(); // closed by afterEach; the CLI runs in its own process
    const cli = await emulatorProcess(['--no-job-cancel', '--unknown-new-jobs', '600000']);
    try {
      const id = await submit(cli.url);
      expect((await status(cli.url, id)).code).toBe(404);
      expect((await del(cli.url, id)).status).toBe(405);
    } finally {
      cli.stop();
    }
  }, 30_000);
});
