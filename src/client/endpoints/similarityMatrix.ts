/** Pure reshaping of similarity results. */

/** n such that n(n-1)/2 = length (the size of a flattened upper triangle), or undefined. */
export function triangleSize(length: number): number | undefined {
  const n = (1 + Math.sqrt(1 + 8 * length)) / 2;
  return Number.isInteger(n) ? n : undefined;
}

/** Full symmetric n×n matrix (diagonal 1) from the flattened upper triangle, row by row. */
export function selfMatrix(flattened: readonly number[], n: number): number[][] {
  const m = Array.from({ length: n }, (_, i) => {
    const row = new Array<number>(n).fill(0);
    row[i] = 1;
    return row;
  });
  let k = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const v = flattened[k++] ?? Number.NaN;
      m[i]![j] = v;
      m[j]![i] = v;
    }
  }
  return m;
}

/** Rows of `columns` values from a row-major flattened matrix. */
export function crossMatrix(flattened: readonly number[], columns: number): number[][] {
  const rows: number[][] = [];
  for (let i = 0; i < flattened.length; i += columns) rows.push(flattened.slice(i, i + columns));
  return rows;
}
