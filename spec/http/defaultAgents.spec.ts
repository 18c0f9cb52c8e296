import { defaultAgents, poolSettings } from '../../src/http/defaultAgents';

describe('poolSettings / defaultAgents', () => {
  it.each([
    [1, 2],
    [8, 9],
    [16, 17],
  ])('maxInFlight %i: %i sockets a host, all kept when idle', (maxInFlight, sockets) => {
    expect(poolSettings(maxInFlight)).toEqual({ keepAlive: true, maxSockets: sockets, maxFreeSockets: sockets, timeout: 60_000 });
  });

  it('Node: keep-alive agents sized from maxInFlight; without process.getBuiltinModule (a browser): none', () => {
    const agents = defaultAgents(4) as { httpAgent: { maxSockets: number; keepAlive: boolean }; httpsAgent: { maxSockets: number } };
    expect([agents.httpAgent.maxSockets, agents.httpsAgent.maxSockets, agents.httpAgent.keepAlive]).toEqual([5, 5, true]);
    const saved = Object.getOwnPropertyDescriptor(process, 'getBuiltinModule');
    try {
      Object.defineProperty(process, 'getBuiltinModule', { value: undefined, configurable: true });
      expect(defaultAgents(4)).toEqual({});
    } finally {
      if (saved) Object.defineProperty(process, 'getBuiltinModule', saved);
    }
  });
});
