import { readdirSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
// Relative, not 'pulse-rx/emulator': `npm run eval:recordings` runs this file outside jest's module map.
import { startEmulator, type Emulator } from '../../src/emulator';
import { loadRecording, type Interaction } from './loadRecording';

export const RECORDINGS = join(__dirname, '..', 'fixtures', 'recordings');

/** One way an emulator answer departs from the recorded one. */
export interface Difference {
  /** `official-py/test_x.yaml #3 GET /jobs` */
  where: string;
  /** `status`, `content-type`, `content-encoding`, `shape`, `value` */
  aspect: string;
  recorded: string;
  emulated: string;
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

function send(url: string, method: string, body: string, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        const text = (res.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Keys and value types, arrays by their first element; a text/plain zod error by the JSON inside it. */
export function shape(v: unknown): unknown {
  if (Array.isArray(v)) return v.length ? [shape(v[0])] : [];
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.keys(v).sort().map((k) => [k, shape((v as Record<string, unknown>)[k])]));
  }
  return typeof v;
}

const PLAIN_400 = /^Failed to parse schema\. This error was caused by: ([\s\S]*)\.$/;

function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const inner = PLAIN_400.exec(text)?.[1];
    return inner ? { 'text/plain zod issues': JSON.parse(inner) as unknown } : text;
  }
}

const media = (ct: string | string[] | undefined) => String(ct ?? '').split(';')[0]!.trim();
const recordedText = (i: Interaction) => (i.headers['content-encoding'] === 'gzip' ? gunzipSync(i.body) : i.body).toString('utf8');

/** Representatives per theme and `expires_in`: values the hosted habits fix, compared as values. */
function values(v: unknown): Record<string, unknown> {
  const doc = (v ?? {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  if (Array.isArray(doc.themes)) {
    const counts = (doc.themes as Array<{ representatives?: unknown[] }>).map((t) => t.representatives?.length ?? 0);
    out.representatives = [...new Set(counts)].sort();
  }
  if (doc.expires_in !== undefined) out.expires_in = doc.expires_in;
  if (doc.token_type !== undefined) out.token_type = doc.token_type;
  return out;
}

/**
 * Replays one recording's requests against a `hosted` emulator, in order: API calls with
 * their recorded bodies, job statuses for the emulator's own job (pending while not due,
 * then completed after the clock jumps), the result download, the token request with the
 * emulator's credentials. Compares status, media type, encoding (vcrpy kept it; Polly did
 * not), the JSON shape and the values the profile promises.
 */
export async function replayRecording(file: string): Promise<Difference[]> {
  const name = file.split('/').slice(-2).join('/');
  const interactions = loadRecording(join(RECORDINGS, file), 'https://ts.recorded.test');
  const keepsEncoding = file.endsWith('.yaml');
  let clock = 1_000_000_000_000;
  const emulator: Emulator = await startEmulator({ profile: 'hosted', now: () => clock });
  const diffs: Difference[] = [];
  let jobId: string | undefined;
  let resultUrl: string | undefined;
  try {
    for (const [n, rec] of interactions.entries()) {
      const path = rec.url.pathname.replace(/^.*\/v1/, '');
      const isToken = rec.url.pathname.endsWith('/oauth/token');
      const isResult = !isToken && !rec.url.pathname.includes('/v1/');
      const where = `${name} #${n} ${rec.method} ${isResult ? '(result file)' : path}`;
      const accept = { 'accept-encoding': 'gzip, deflate' };
      let answer: Answer;
      if (isToken) {
        const form = `grant_type=client_credentials&client_id=${emulator.clientId}&client_secret=${emulator.clientSecret}`;
        answer = await send(emulator.tokenUrl, 'POST', form, { ...accept, 'content-type': 'application/x-www-form-urlencoded' });
      } else if (isResult) {
        if (!resultUrl) continue;
        answer = await send(resultUrl, 'GET', '', accept);
      } else if (path === '/jobs') {
        const recorded = JSON.parse(recordedText(rec)) as { status: string };
        if (!jobId) continue;
        if (recorded.status === 'completed') clock += 3_600_000 / 2; // past any recorded duration, within the link's hour
        answer = await send(`${emulator.url}/jobs?jobId=${encodeURIComponent(jobId)}`, 'GET', '', { ...accept, authorization: await bearer(emulator) });
        const doc = parsed(answer.text) as { resultUrl?: string };
        if (doc.resultUrl) resultUrl = doc.resultUrl;
      } else {
        answer = await send(`${emulator.url}${path}${rec.url.search}`, rec.method, rec.requestBody, {
          ...accept,
          'content-type': 'application/json',
          authorization: await bearer(emulator),
        });
        const doc = parsed(answer.text) as { jobId?: string };
        if (answer.status === 202 && doc.jobId) [jobId, resultUrl] = [doc.jobId, undefined];
      }
      const expected = parsed(recordedText(rec));
      const actual = parsed(answer.text);
      const compare = (aspect: string, recorded: unknown, emulated: unknown) => {
        const [r, e] = [JSON.stringify(recorded), JSON.stringify(emulated)];
        if (r !== e) diffs.push({ where, aspect, recorded: r, emulated: e });
      };
      compare('status', rec.status, answer.status);
      compare('content-type', media(rec.headers['content-type']), media(answer.headers['content-type']));
      if (keepsEncoding) {
        compare('content-encoding', rec.headers['content-encoding'] ?? 'identity', answer.headers['content-encoding'] ?? 'identity');
        const varies = (v: unknown) => String(v ?? '').toLowerCase().includes('accept-encoding');
        compare('vary: accept-encoding', varies(rec.headers.vary), varies(answer.headers.vary));
      }
      compare('shape', shape(expected), shape(actual));
      compare('value', values(expected), values(actual));
    }
  } finally {
    await emulator.close();
  }
  return diffs;
}

const tokens = new WeakMap<Emulator, Promise<string>>();
function bearer(emulator: Emulator): Promise<string> {
  let token = tokens.get(emulator);
  if (!token) {
    const form = `grant_type=client_credentials&client_id=${emulator.clientId}&client_secret=${emulator.clientSecret}`;
    token = send(emulator.tokenUrl, 'POST', form, { 'content-type': 'application/x-www-form-urlencoded' }).then(
      (a) => `Bearer ${(JSON.parse(a.text) as { access_token: string }).access_token}`,
    );
    tokens.set(emulator, token);
  }
  return token;
}

/** Every recording file, relative to RECORDINGS. */
export function recordingFiles(): string[] {
  return ['official-py', 'official-ts'].flatMap((d) => readdirSync(join(RECORDINGS, d)).map((f) => `${d}/${f}`));
}
