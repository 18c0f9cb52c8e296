import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { startEmulator, type Emulator } from 'pulse-rx/emulator';
import { loadRecording, type Interaction } from '../contract/loadRecording';

const DIR = join(__dirname, '..', 'fixtures', 'recordings');

/**
 * The structure of a JSON value: keys and value types, arrays by their first element.
 * `usage` and `requestId` are left out: some recordings lack them (the spec requires
 * `requestId`, which the emulator always sends).
 */
function shape(v: unknown): unknown {
  if (Array.isArray(v)) return v.length ? [shape(v[0])] : [];
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.keys(v).filter((k) => k !== 'usage' && k !== 'requestId').sort().map((k) => [k, shape((v as Record<string, unknown>)[k])]));
  }
  return typeof v;
}

const decode = (i: Interaction) => JSON.parse((i.headers['content-encoding'] === 'gzip' ? gunzipSync(i.body) : i.body).toString('utf8')) as unknown;

/** Synchronous API calls with a 200 answer, from both SDKs' recordings. */
const samples = ['official-py', 'official-ts']
  .flatMap((d) => readdirSync(join(DIR, d)).map((f) => join(DIR, d, f)))
  .flatMap((file) =>
    loadRecording(file, 'https://ts.test')
      .filter((i) => i.method === 'POST' && i.status === 200 && /\/v1\/[a-z-]+$/.test(i.url.pathname))
      .map((i) => [`${file.split('/').slice(-1)[0]} ${i.url.pathname.replace(/^.*\/v1/, '')}`, i] as const),
  );

describe('emulator answers have the shapes of the recorded answers', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ requireAuth: false });
  });
  afterAll(() => emulator.close());

  it.each(samples)('%s', async (_name, recorded) => {
    const path = recorded.url.pathname.replace(/^.*\/v1/, '');
    const res = await fetch(`${emulator.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: recorded.requestBody });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(typeof body.requestId).toBe('string');
    expect(shape(body)).toEqual(shape(decode(recorded)));
  });
});
