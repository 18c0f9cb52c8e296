// pulse-rx/angular, type-checked as an Angular app compiles (moduleResolution bundler). Not under
// node16 CommonJS: @angular/core ships ES modules only, which a CommonJS TypeScript file cannot import.
import { StaticTokenAuth, type PulseClient } from 'pulse-rx';
import { injectPulse, providePulse, withHttpClient } from 'pulse-rx/angular';

export const providers = providePulse({ baseUrl: 'https://pulse.test/v1', auth: new StaticTokenAuth('t') }, withHttpClient());
export const client: () => PulseClient = injectPulse;
// @ts-expect-error the client's options are typed here too.
providePulse({ timeoutMs: 'soon' });
