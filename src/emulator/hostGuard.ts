import type { IncomingHttpHeaders } from 'node:http';

const HOST = /^(\[[0-9A-Fa-f:.]+\]|[^:[\]]+)(?::\d{1,5})?$/;

/** Writes a host name as a Host header would carry it: lower case, IPv6 in brackets. */
export function hostName(host: string): string {
  const h = host.toLowerCase();
  return h.includes(':') && !h.startsWith('[') ? `[${h}]` : h;
}

function isLoopbackName(name: string): boolean {
  if (name === 'localhost' || name === '[::1]') return true;
  const parts = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(name);
  return parts !== null && parts.slice(1).every((p) => Number(p) <= 255);
}

/**
 * Whether a Host header names this machine: `127.x.x.x`, `localhost`, `[::1]` or one of
 * `own` (the host the emulator was started with), any port. A page on another name that
 * resolves to loopback (DNS rebinding) sends that name, and is refused.
 *
 * @example
 * isLocalHost('localhost:4010', []); // true
 * isLocalHost('evil.example:4010', []); // false
 */
export function isLocalHost(header: string | undefined, own: readonly string[]): boolean {
  if (header === undefined) return true; // HTTP/1.0 without Host: not a browser
  const name = HOST.exec(header)?.[1]?.toLowerCase();
  return name !== undefined && (isLoopbackName(name) || own.includes(name));
}

/**
 * Why an admin request (`/_emulator/...`) is refused, or undefined when it may go on.
 * The admin routes answer tools on this machine only, never a web page: no preflight, no
 * request carrying another `Origin` or a cross-site `Sec-Fetch-Site`, no unexpected Host.
 * A page can send a "simple" POST without any preflight, so the check is on every request.
 *
 * @example
 * adminRefusal('POST', { host: '127.0.0.1:4010', origin: 'https://evil.example' }, []); // 'cross-origin request'
 */
export function adminRefusal(method: string, headers: IncomingHttpHeaders, own: readonly string[]): string | undefined {
  if (!isLocalHost(headers.host, own)) return 'Admin routes answer only loopback Host names (DNS rebinding guard)';
  if (method === 'OPTIONS') return 'Admin routes answer no CORS preflight: web pages may not drive them';
  const origin = headers.origin;
  if (origin !== undefined && origin !== `http://${headers.host}`) return 'Admin routes refuse cross-origin requests';
  const site = headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return 'Admin routes refuse cross-site requests';
  return undefined;
}
