import * as fleet from 'pulse-rx/bullmq';

describe('pulse-rx/bullmq entry', () => {
  it('exports exactly the documented runtime surface', () => {
    expect(Object.keys(fleet).sort()).toEqual(
      ['FleetRateLimit', 'GATHER_JOB', 'RedisRunStore', 'createPulseQueue', 'createPulseWorker', 'enqueueAnalysis'].sort(),
    );
  });
});
