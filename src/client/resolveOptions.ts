import { PulseValidationError } from '../errors';
import { secureUrl } from '../http/secureUrl';
import { describe } from './validate';

/**
 * Checks the base URL: absolute http(s); plain http only to loopback unless allowed,
 * since the bearer token would travel in clear.
 */
export function resolveBaseUrl(value: unknown, allowInsecureHttp: boolean): string {
  if (typeof value === 'string' && !URL.canParse(value)) {
    throw new PulseValidationError('baseUrl', 'must be an absolute URL such as https://pulse.researchwiseai.com/v1', {
      value: describe(value),
    });
  }
  const url = secureUrl('baseUrl', value, allowInsecureHttp);
  if (url.search || url.hash) throw new PulseValidationError('baseUrl', 'must not carry a query or fragment');
  return url.toString().replace(/\/+$/, '');
}
