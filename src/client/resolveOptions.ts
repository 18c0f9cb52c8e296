import { PulseValidationError } from '../http/errors';
import { describe } from './validate';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/**
 * Checks the base URL: absolute http(s); plain http only to loopback unless allowed,
 * since the bearer token would travel in clear.
 */
export function resolveBaseUrl(value: unknown, allowInsecureHttp: boolean): string {
  if (typeof value !== 'string') throw new PulseValidationError('baseUrl', 'must be a string', { value: describe(value) });
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new PulseValidationError('baseUrl', 'must be an absolute URL such as https://pulse.researchwiseai.com/v1', {
      value: describe(value),
    });
  }
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname) && !allowInsecureHttp) {
    throw new PulseValidationError('baseUrl', 'uses plain http to a non-loopback host; use https or set allowInsecureHttp: true');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new PulseValidationError('baseUrl', 'must use http or https', { value: url.protocol });
  }
  if (url.search || url.hash) throw new PulseValidationError('baseUrl', 'must not carry a query or fragment');
  return url.toString().replace(/\/+$/, '');
}

/** A positive number option (an integer when `integer`). */
export function positiveNumber(field: string, value: unknown, integer = false): number {
  if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value) || (integer && !Number.isInteger(value))) {
    throw new PulseValidationError(field, `must be a positive ${integer ? 'integer' : 'number'}`, { value: describe(value) });
  }
  return value;
}
