import { ApplicationRef, ChangeDetectionStrategy, Component, ElementRef, inject } from '@angular/core';
import { RouterLink, RouterOutlet } from '@angular/router';

/** The shell: navigation, the routed page, and the app's stability as a DOM attribute. */
@Component({
  selector: 'app-root',
  imports: [RouterOutlet, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nav><a id="nav-analyze" routerLink="/">Analyse</a> · <a id="nav-about" routerLink="/about">About</a></nav>
    <router-outlet />
  `,
})
export class AppComponent {
  constructor() {
    // Tests (and curious people) read whether Angular considers the app stable.
    const host = inject(ElementRef).nativeElement as HTMLElement;
    inject(ApplicationRef).isStable.subscribe((stable) => host.setAttribute('data-stable', String(stable)));
  }
}
