import { main } from '../../examples/coreSequence';

describe('examples/coreSequence', () => {
  it('runs the themes → sentiment → allocation sequence against the embedded emulator', async () => {
    const lines: string[] = [];
    const { themes, reviews } = await main((line) => lines.push(line));
    expect(reviews).toBe(40);
    expect(themes).toBeGreaterThanOrEqual(3);
    expect(themes).toBeLessThanOrEqual(6);
    const text = lines.join('\n');
    expect(text).toMatch(/themes job: completed after \d+ polls/);
    expect(text).toMatch(/sentiment: .*positive \d+%/);
    // Every review is allocated to exactly one theme.
    const allocated = [...text.matchAll(/\s(\d+) reviews\s+e\.g\./g)].reduce((n, m) => n + Number(m[1]), 0);
    expect(allocated).toBe(40);
  });
});
