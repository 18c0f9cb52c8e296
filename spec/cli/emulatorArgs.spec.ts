import { createServer, type Server } from 'node:net';
import { MissingPackageError } from 'pulse-rx';
import { startEmulator } from 'pulse-rx/emulator';
import { emulatorArgs, emulatorFailure } from '../../src/cli/emulatorArgs';

/** What `pulse-emulator ARGS` would print and exit with when its arguments are refused. */
function refused(...args: string[]) {
  try {
    emulatorArgs(args, {});
  } catch (e) {
    return emulatorFailure(e);
  }
  throw new Error(`accepted: ${args.join(' ')}`);
}

describe('pulse-emulator: mistakes exit 2 with a pointer to the help, failures exit 1', () => {
  it.each([
    [['--bogus'], 'unknown option --bogus'],
    [['--seeed', '3'], 'unknown option --seeed; did you mean --seed?'],
    [['--port'], '--port needs a value'],
    [['--port', 'abc'], '--port must be a non-negative number, got "abc"'],
    [['--faults', '[bad'], '--faults is not valid JSON'],
    [['--faults', '{}'], 'faults: must be an array of fault rules'],
    [['--job-model', '{'], '--job-model is not valid JSON'],
  ])('%j', (args, message) => {
    const { code, message: text } = refused(...args);
    expect(code).toBe(2);
    expect(text).toContain(`pulse-emulator: ${message}`);
    expect(text).toMatch(/\npulse-emulator: try pulse-emulator --help\n$/);
  });

  it('a missing optional package exits 2 naming the command to install it (no help pointer)', () => {
    const text = 'pulse-emulator: pulse-rx/emulator needs the optional package ajv, which is not installed: npm install ajv\n';
    expect(emulatorFailure(new MissingPackageError('ajv', 'pulse-rx/emulator'))).toEqual({ code: 2, message: text });
  });

  it('a port in use is a failure (1), not bad usage', async () => {
    const server: Server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      const error = await startEmulator(emulatorArgs(['--port', String(port)], {}).options).then(
        async (emulator) => {
          await emulator.close();
          throw new Error('the emulator started on a busy port');
        },
        (e: unknown) => e,
      );
      expect(emulatorFailure(error)).toEqual({ code: 1, message: expect.stringContaining('EADDRINUSE') });
    } finally {
      server.close();
    }
  });
});
