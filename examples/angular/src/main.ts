import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import { provideZonelessChangeDetection } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { provideRouter } from '@angular/router';
import { StaticTokenAuth } from 'pulse-rx';
import { providePulse, withHttpClient } from 'pulse-rx/angular';
import { AboutComponent } from './about.component';
import { AnalyzeComponent } from './analyze.component';
import { AppComponent } from './app.component';
import { requestLog } from './requestLog';

// The API and token come from the page's query (the test passes the emulator's); a real app
// would read its environment and get the token from its login flow (PKCE).
const query = new URLSearchParams(location.search);

bootstrapApplication(AppComponent, {
  providers: [
    provideZonelessChangeDetection(),
    provideRouter([
      { path: '', component: AnalyzeComponent },
      { path: 'about', component: AboutComponent },
    ]),
    // pulse-rx requests go through HttpClient: this interceptor sees every one of them.
    provideHttpClient(withFetch(), withInterceptors([requestLog])),
    providePulse(
      {
        baseUrl: query.get('api') ?? 'http://127.0.0.1:4010/v1',
        auth: new StaticTokenAuth(query.get('token') ?? 'missing-token'),
        poll: { minIntervalMs: 100, maxIntervalMs: 300 },
      },
      withHttpClient(),
    ),
  ],
}).catch((e: unknown) => console.error(e));
