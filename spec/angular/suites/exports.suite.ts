import * as angular from 'pulse-rx/angular';

describe('pulse-rx/angular entry', () => {
  it('exports exactly the documented runtime surface', () => {
    expect(Object.keys(angular).sort()).toEqual(
      ['PULSE_AXIOS', 'PULSE_CLIENT', 'httpClientAdapter', 'injectPulse', 'pageVisible', 'providePulse', 'pulseResource', 'whileVisible', 'withHttpClient'].sort(),
    );
  });
});
