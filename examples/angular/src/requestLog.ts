import { Injectable, inject, signal } from '@angular/core';
import type { HttpHandlerFn, HttpInterceptorFn, HttpRequest } from '@angular/common/http';

/** Every request the app's HttpClient sent, as `METHOD /path` (shown on the page). */
@Injectable({ providedIn: 'root' })
export class RequestLog {
  readonly entries = signal<string[]>([]);

  add(req: HttpRequest<unknown>): void {
    const url = new URL(req.urlWithParams);
    this.entries.update((list) => [...list, `${req.method} ${url.pathname}`]);
  }
}

/** An ordinary app interceptor: pulse-rx requests pass through it like the app's own. */
export const requestLog: HttpInterceptorFn = (req: HttpRequest<unknown>, next: HttpHandlerFn) => {
  inject(RequestLog).add(req);
  return next(req);
};
