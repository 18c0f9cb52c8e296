import { chunkRanges, crossSimilarityGrid, sampleEvenly, selfSimilarityBlocks } from '../../../src/client/splitting/planBatches';

describe('batch planning', () => {
  it.each([
    [0, 200, []],
    [200, 200, [[0, 200]]],
    [201, 200, [[0, 200], [200, 201]]],
    [450, 200, [[0, 200], [200, 400], [400, 450]]],
  ])('%i items in chunks of %i', (n, size, expected) => {
    expect(chunkRanges(n, size)).toEqual(expected);
  });

  it('self-similarity blocks cover every pair of the upper triangle exactly once', () => {
    const n = 23;
    const blocks = selfSimilarityBlocks(n, 5);
    const seen = new Map<string, number>();
    for (const b of blocks) {
      for (let i = b.rows[0]; i < b.rows[1]; i++) {
        for (let j = b.cols[0]; j < b.cols[1]; j++) {
          if (b.diagonal && j <= i) continue;
          seen.set(`${i},${j}`, (seen.get(`${i},${j}`) ?? 0) + 1);
        }
      }
    }
    expect(seen.size).toBe((n * (n - 1)) / 2);
    expect([...seen.values()].every((c) => c === 1)).toBe(true);
    expect(blocks.filter((b) => b.diagonal)).toHaveLength(5);
    expect(blocks).toHaveLength(15);
  });

  it('cross grids respect the pair limit and cover the whole grid', () => {
    const tiles = crossSimilarityGrid(301, 150, 20_000);
    expect(tiles.every((t) => (t.rows[1] - t.rows[0]) * (t.cols[1] - t.cols[0]) <= 20_000)).toBe(true);
    expect(tiles.reduce((s, t) => s + (t.rows[1] - t.rows[0]) * (t.cols[1] - t.cols[0]), 0)).toBe(301 * 150);
    expect(crossSimilarityGrid(2, 30_000, 20_000).map((t) => [t.rows, t.cols])).toEqual([
      [[0, 1], [0, 20_000]],
      [[0, 1], [20_000, 30_000]],
      [[1, 2], [0, 20_000]],
      [[1, 2], [20_000, 30_000]],
    ]);
  });

  it('samples evenly and in order', () => {
    expect(sampleEvenly(10, 4)).toEqual([0, 2, 5, 7]);
    expect(sampleEvenly(3, 5)).toEqual([0, 1, 2]);
  });
});
