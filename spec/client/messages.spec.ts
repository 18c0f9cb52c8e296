import { PulseClient, PulseValidationError } from 'pulse-rx';
import { firstValueFrom } from 'rxjs';

describe('messages a user meets first', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('fromEnv() with nothing set names every way in, PULSE_TOKEN included', () => {
    for (const k of ['PULSE_TOKEN', 'PULSE_CLIENT_ID', 'PULSE_CLIENT_SECRET']) delete process.env[k];
    expect(() => PulseClient.fromEnv()).toThrow(PulseValidationError);
    expect(() => PulseClient.fromEnv()).toThrow(/PULSE_TOKEN, or PULSE_CLIENT_ID and PULSE_CLIENT_SECRET/);
  });

  it("a wrong fast mode lists the choices", async () => {
    const client = PulseClient.withToken('t', { baseUrl: 'http://127.0.0.1:9/v1' });
    try {
      await expect(firstValueFrom(client.analyzeSentiment({ inputs: ['x'], fast: 'yes' as never }))).rejects.toThrow("fast: must be true, false or 'auto'");
    } finally {
      client.close();
    }
  });
});
