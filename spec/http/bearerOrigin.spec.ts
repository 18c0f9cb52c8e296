import { firstValueFrom, of } from 'rxjs';
import { authStep, type TransportRequest } from '../../src/http/interceptors';
import type { HttpResponse } from '../../src/http/types';

const API_ORIGIN = 'https://api.pulse.test';

/** The Authorization header `authStep` puts on a request to `url`, if any. */
async function authorizationFor(url: string, auth = true): Promise<string | undefined> {
  const step = authStep({ token: () => of('tok'), invalidate: () => undefined }, API_ORIGIN);
  let sent: TransportRequest | undefined;
  const req: TransportRequest = { method: 'GET', url, headers: {}, auth, timeoutMs: 0, maxRetries: 0, limited: true };
  await firstValueFrom(
    step(req, (r) => {
      sent = r;
      return of<HttpResponse>({ status: 200, headers: {}, body: {}, url: r.url });
    }),
  );
  return sent!.headers?.authorization;
}

describe('authStep: the bearer token goes to the API origin only', () => {
  it('on endpoint URLs, and on the API origin outside the base path', async () => {
    expect(await authorizationFor(`${API_ORIGIN}/v1/sentiment`)).toBe('Bearer tok');
    expect(await authorizationFor(`${API_ORIGIN}/v1/jobs?jobId=j1`)).toBe('Bearer tok');
    expect(await authorizationFor(`${API_ORIGIN}:443/files/r.json`)).toBe('Bearer tok'); // same origin, spelled differently
  });

  it('never to a host that merely starts like the API host, nor behind userinfo', async () => {
    expect(await authorizationFor('https://api.pulse.test.files.example/r.json')).toBeUndefined();
    expect(await authorizationFor('https://api.pulse.test@files.example/r.json')).toBeUndefined();
    expect(await authorizationFor('http://api.pulse.test/v1/sentiment')).toBeUndefined(); // another scheme is another origin
  });

  it('never when the request says auth: false (result links, token requests)', async () => {
    expect(await authorizationFor(`${API_ORIGIN}/v1/sentiment`, false)).toBeUndefined();
  });
});
