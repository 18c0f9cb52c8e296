import type { AxiosInstance } from 'axios';

/** An axios instance; pass one to share agents, proxies or interceptors of your own. */
export type HttpClientInstance = AxiosInstance;

/** One HTTP exchange as the transport sees it. */
export interface HttpRequest {
  method: 'GET' | 'POST' | 'DELETE';
  /** Absolute URL. */
  url: string;
  headers?: Record<string, string>;
  /** A JSON value, or a string sent as is (set `content-type` yourself). */
  body?: unknown;
  /**
   * Follow 3xx answers. The API never redirects, so its requests are sent without
   * redirect support (on Node's http adapter a 3xx fails as `PulseApiError`; browsers and
   * the fetch adapter follow redirects themselves); result links may redirect.
   * @default true
   */
  followRedirects?: boolean;
}

/** A decoded 2xx answer; `body` is the parsed JSON, or the text when it is not JSON. */
export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
  url: string;
}

/** Sends one request; the returned Observable is cold and aborts on unsubscribe. */
export type HttpBackend = (request: HttpRequest) => import('rxjs').Observable<HttpResponse>;
