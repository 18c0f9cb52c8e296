/**
 * Input items of a wire request body, the size job durations scale with: `inputs`, or for
 * similarity `set` (or `set_a` + `set_b`). Pure.
 *
 * @example
 * jobSize({ inputs: ['a', 'b'] }); // 2
 */
export function jobSize(body: unknown): number {
  if (body === null || typeof body !== 'object') return 0;
  const b = body as Record<string, unknown>;
  const len = (v: unknown) => (Array.isArray(v) ? v.length : 0);
  return len(b.inputs) + len(b.set) + len(b.set_a) + len(b.set_b);
}
