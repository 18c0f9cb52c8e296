import net from 'node:net';

/** What came back on a raw socket: the status line's code (NaN if none), headers (lower case) and body. */
export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Writes `request` as is on a fresh socket to 127.0.0.1 and reads until the server closes
 * it (send `connection: close`). For request lines that fetch and node:http refuse to send.
 */
export function rawRequest(port: number, request: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let text = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = '', ...rest] = text.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      const body = rest.join('\r\n\r\n');
      resolve({ status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1]), headers, body: headers['transfer-encoding'] === 'chunked' ? dechunk(body) : body });
    });
    socket.write(request);
  });
}

/** A request with `host` and `connection: close`, plus `headers` (name: value lines) and an optional body. */
export function rawHttp(method: string, target: string, opts: { host?: string; headers?: Record<string, string>; body?: string } = {}): string {
  const body = opts.body ?? '';
  const lines = [`${method} ${target} HTTP/1.1`, `host: ${opts.host ?? '127.0.0.1'}`, 'connection: close'];
  for (const [k, v] of Object.entries(opts.headers ?? {})) lines.push(`${k}: ${v}`);
  if (body || method === 'POST' || method === 'PUT') lines.push(`content-length: ${Buffer.byteLength(body)}`);
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}

function dechunk(text: string): string {
  let out = '';
  for (let at = 0; at < text.length; ) {
    const eol = text.indexOf('\r\n', at);
    const size = parseInt(text.slice(at, eol), 16);
    if (!(size > 0)) break;
    out += text.slice(eol + 2, eol + 2 + size);
    at = eol + 2 + size + 2;
  }
  return Buffer.from(out, 'latin1').toString('utf8');
}
