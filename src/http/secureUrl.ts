import { describe } from './checkOptions';
import { PulseValidationError } from '../errors';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** Whether a URL's host is this machine (plain http stays on it). */
export function isLoopback(url: URL): boolean {
  return LOOPBACK.has(url.hostname) || url.hostname.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(url.hostname);
}

/**
 * Whether a URL may carry a secret or a result: https, or plain http to loopback, or plain
 * http anywhere when `allowInsecureHttp` says so. The same rule for the base URL, the token
 * URL and result links.
 */
export function isSecureEnough(url: URL, allowInsecureHttp: boolean): boolean {
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && (allowInsecureHttp || isLoopback(url));
}

/**
 * Checks a URL option that carries a secret (the API base URL, the token URL): absolute
 * http(s), plain http only to loopback unless allowed.
 *
 * @example
 * secureUrl('tokenUrl', 'https://auth.example.com/oauth/token', false);
 */
export function secureUrl(field: string, value: unknown, allowInsecureHttp: boolean): URL {
  if (typeof value !== 'string') throw new PulseValidationError(field, 'must be a string', { value: describe(value) });
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new PulseValidationError(field, 'must be an absolute http(s) URL', { value: describe(value) });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new PulseValidationError(field, 'must use http or https', { value: url.protocol });
  }
  if (!isSecureEnough(url, allowInsecureHttp)) {
    const problem = 'uses plain http to a non-loopback host; use https or set allowInsecureHttp: true';
    throw new PulseValidationError(field, problem);
  }
  return url;
}
