/**
 * Recorded exchanges as `pulse-emulator --record` writes them and `--replay` serves them:
 * one JSON file per recording session, secrets redacted (no Authorization, no tokens, no
 * signed query strings).
 */
export interface Cassette {
  interactions: CassetteInteraction[];
}

/** One request under `/v1` and the answer the upstream gave. */
export interface CassetteInteraction {
  request: { method: string; path: string; query: string; body: string };
  response: { status: number; headers: Record<string, string>; body: string };
}

const canonical = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(canonical)
    : value && typeof value === 'object'
      ? Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]))
      : value;

/** The key a request is matched by: method, path, sorted query, body as canonical JSON. */
export function cassetteKey(method: string, path: string, query: string, body: string): string {
  const params = new URLSearchParams(query);
  params.sort();
  let text = body;
  try {
    text = body === '' ? '' : JSON.stringify(canonical(JSON.parse(body)));
  } catch {
    // not JSON: matched as is
  }
  return `${method.toUpperCase()} ${path}?${params.toString()} ${text}`;
}

/** Redacts what a cassette must never hold: tokens and the query strings of signed links. */
export function redactBody(body: string): string {
  return body
    .replace(/("access_token"\s*:\s*")[^"]*"/g, '$1redacted"')
    .replace(/("(?:result_url|resultUrl)"\s*:\s*"[^"?]*)\?[^"]*"/g, '$1?redacted"');
}
