import { HttpErrorResponse, HttpHeaders, type HttpClient, type HttpResponse } from '@angular/common/http';
import axios, { AxiosError, AxiosHeaders, type AxiosAdapter, type AxiosResponse, type InternalAxiosRequestConfig } from 'axios';

/**
 * An axios adapter that sends each request with Angular's `HttpClient` (so through its
 * interceptors and backend). Bodies travel as text: `HttpTestingController` tests flush
 * plain objects, and the client decodes the JSON itself. Every status resolves (the client
 * converts statuses to its errors once); status 0 is a network failure. Aborting the
 * request's signal unsubscribes from `HttpClient`, which aborts the XHR or fetch.
 *
 * @example
 * import axios from 'axios';
 * import { HttpClient } from '@angular/common/http';
 * import { inject } from '@angular/core';
 * import { httpClientAdapter } from 'pulse-rx/angular';
 *
 * const instance = axios.create({ adapter: httpClientAdapter(inject(HttpClient)) });
 */
export function httpClientAdapter(http: HttpClient): AxiosAdapter {
  return (config) =>
    new Promise<AxiosResponse>((resolve, reject) => {
      const signal = config.signal;
      const cancel = () => reject(new axios.CanceledError(undefined, undefined, config));
      if (signal?.aborted) return cancel();
      const headers = new HttpHeaders(plainHeaders(config));
      const method = (config.method ?? 'get').toUpperCase();
      const subscription = http
        .request(method, axios.getUri(config), { body: config.data ?? null, headers, observe: 'response', responseType: 'text' })
        .subscribe({
          next: (res: HttpResponse<string>) => resolve(toAxios(res.status, res.headers, res.body, config)),
          error: (e: unknown) => {
            if (e instanceof HttpErrorResponse && e.status !== 0) return resolve(toAxios(e.status, e.headers, e.error, config));
            const message = e instanceof HttpErrorResponse ? e.message : String(e);
            reject(new AxiosError(`HttpClient: ${message}`, AxiosError.ERR_NETWORK, config));
          },
        });
      const abort = () => {
        subscription.unsubscribe();
        cancel();
      };
      signal?.addEventListener?.('abort', abort);
      subscription.add(() => signal?.removeEventListener?.('abort', abort));
    });
}

function plainHeaders(config: InternalAxiosRequestConfig): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(AxiosHeaders.from(config.headers as AxiosHeaders).toJSON())) {
    if (value !== undefined && value !== null) out[key] = String(value);
  }
  return out;
}

function toAxios(status: number, headers: HttpHeaders, body: unknown, config: InternalAxiosRequestConfig): AxiosResponse {
  const text = body === null || body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  const plain: Record<string, string> = {};
  for (const key of headers.keys()) plain[key.toLowerCase()] = headers.getAll(key)?.join(', ') ?? '';
  const data = config.responseType === 'arraybuffer' ? new TextEncoder().encode(text).buffer : text;
  return { status, statusText: String(status), headers: new AxiosHeaders(plain), config, request: {}, data };
}
