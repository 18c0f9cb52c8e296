import { IMAGE_CONFIG } from '@angular/common';
import { DOCUMENT, RendererFactory2, provideZonelessChangeDetection, type ApplicationRef, type EnvironmentProviders, type Provider } from '@angular/core';
import { createApplication } from '@angular/platform-browser';

/** A page's document as far as the client cares: visibility and its change events. */
export class FakeDocument extends EventTarget {
  visibilityState: 'visible' | 'hidden' = 'visible';

  setVisible(visible: boolean): void {
    this.visibilityState = visible ? 'visible' : 'hidden';
    this.dispatchEvent(new Event('visibilitychange'));
  }
}

/**
 * A real Angular application injector (no component, no DOM): the app's providers, a fake
 * document, zoneless change detection. Node has no DOM, so only the document is faked.
 */
export async function testApp(providers: (Provider | EnvironmentProviders)[]): Promise<{ app: ApplicationRef; document: FakeDocument }> {
  const document = new FakeDocument();
  const app = await createApplication({
    providers: [
      { provide: DOCUMENT, useValue: document },
      // Angular's image checks read window and layout, which Node does not have.
      { provide: IMAGE_CONFIG, useValue: { disableImageSizeWarning: true, disableImageLazyLoadWarning: true } },
      // No component is rendered: ticks (which run root effects, hence resources) need no DOM renderer.
      { provide: RendererFactory2, useValue: { createRenderer: () => null, begin: () => undefined, end: () => undefined } },
      provideZonelessChangeDetection(),
      ...providers,
    ],
  });
  return { app, document };
}

/** Waits (by turns of the event loop, at most `turns`) until `check` holds. */
export async function until(check: () => boolean, turns = 2000): Promise<void> {
  for (let i = 0; i < turns; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 1));
  }
  throw new Error(`condition not met after ${turns} turns: ${check.toString()}`);
}
