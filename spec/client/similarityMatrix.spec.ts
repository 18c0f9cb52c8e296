import { crossMatrix, selfMatrix, triangleSize } from 'pulse-rx';

describe('similarity reshaping', () => {
  it('rebuilds a symmetric matrix with a unit diagonal from the upper triangle', () => {
    expect(selfMatrix([0.1, 0.2, 0.3], 3)).toEqual([
      [1, 0.1, 0.2],
      [0.1, 1, 0.3],
      [0.2, 0.3, 1],
    ]);
  });

  it.each([
    [0, 1],
    [1, 2],
    [3, 3],
    [190, 20],
    [2, undefined],
  ])('a triangle of %i values has side %s', (length, n) => {
    expect(triangleSize(length)).toBe(n);
  });

  it('cuts a row-major flattened cross matrix into rows', () => {
    expect(crossMatrix([1, 2, 3, 4, 5, 6], 3)).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
  });
});
