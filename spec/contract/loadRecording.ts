import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** One recorded exchange, normalised across the vendor SDKs' recorders. */
export interface Interaction {
  method: string;
  url: URL;
  requestBody: string;
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** vcrpy cassettes (official Python SDK): gzip bodies as !!binary, headers as lists. */
function fromCassette(file: string): Interaction[] {
  const doc = parse(readFileSync(file, 'utf8'), { customTags: ['binary'] }) as {
    interactions: Array<{
      request: { method: string; uri: string; body: string | null };
      response: { status: { code: number }; headers: Record<string, string[]>; body: { string: string | Uint8Array } };
    }>;
  };
  return doc.interactions.map(({ request, response }) => ({
    method: request.method,
    url: new URL(request.uri),
    requestBody: request.body ?? '',
    status: response.status.code,
    headers: Object.fromEntries(Object.entries(response.headers).map(([k, v]) => [k.toLowerCase(), v.join(', ')])),
    body: typeof response.body.string === 'string' ? Buffer.from(response.body.string) : Buffer.from(response.body.string),
  }));
}

/** Polly.js HARs (official TypeScript SDK): decoded text bodies, host redacted to '@'. */
function fromHar(file: string, host: string): Interaction[] {
  const har = JSON.parse(readFileSync(file, 'utf8')) as {
    log: {
      entries: Array<{
        request: { method: string; body?: string; identifiers: { url: string } };
        response: { status: number; headers: Array<{ name: string; value: string }>; content: { text?: string } };
      }>;
    };
  };
  return har.log.entries.map(({ request, response }) => {
    const headers = Object.fromEntries(response.headers.map((h) => [h.name.toLowerCase(), h.value]));
    delete headers['content-encoding']; // Polly stored the decoded text
    return {
      method: request.method,
      url: new URL(request.identifiers.url.replace('https://@', host)),
      requestBody: request.body ?? '',
      status: response.status,
      headers,
      body: Buffer.from(response.content.text ?? ''),
    };
  });
}

export function loadRecording(file: string, harHost: string): Interaction[] {
  return file.endsWith('.har') ? fromHar(file, harHost) : fromCassette(file);
}
