import { ApplicationRef, ChangeDetectionStrategy, Component, ElementRef, inject } from '@angular/core';
import { RouterLink, RouterOutlet } from '@angular/router';
import { RequestLog } from './requestLog';

/** The shell: navigation, the routed page, the app's stability as a DOM attribute, and the HTTP log. */
@Component({
  selector: 'app-root',
  imports: [RouterOutlet, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nav><a id="nav-analyze" routerLink="/">Analyse</a> · <a id="nav-about" routerLink="/about">About</a></nav>
    <router-outlet />
    <h2>Requests seen by the HttpClient interceptor</h2>
    <ol id="http-log">
      @for (entry of log.entries(); track $index) {
        <li>{{ entry }}</li>
      }
    </ol>
  `,
})
export class AppComponent {
  readonly log = inject(RequestLog);

  constructor() {
    // Tests (and curious people) read whether Angular considers the app stable.
    const host = inject(ElementRef).nativeElement as HTMLElement;
    inject(ApplicationRef).isStable.subscribe((stable) => host.setAttribute('data-stable', String(stable)));
  }
}
