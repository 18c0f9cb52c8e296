import { ChangeDetectionStrategy, Component } from '@angular/core';

/** Another page: navigating here destroys the analysis page and cancels its work. */
@Component({
  selector: 'app-about',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<h1 id="about">About</h1><p>pulse-rx in an Angular app: cold Observables, cancelled on navigation.</p>`,
})
export class AboutComponent {}
