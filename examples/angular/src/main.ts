import '@angular/compiler';
import { provideZonelessChangeDetection } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { provideRouter } from '@angular/router';
import { AboutComponent } from './about.component';
import { AnalyzeComponent } from './analyze.component';
import { AppComponent } from './app.component';
import { PULSE_CONFIG } from './pulse.service';

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
    { provide: PULSE_CONFIG, useValue: { baseUrl: query.get('api') ?? 'http://127.0.0.1:4010/v1', token: query.get('token') ?? '' } },
  ],
}).catch((e: unknown) => console.error(e));
