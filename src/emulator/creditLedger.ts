import type { ApiState } from './api';

/** Credits every emulated organisation starts with. */
export const STARTING_BALANCE = 100_000;

/** Credits spent per emulator (kept beside its state): one balance for every organisation. */
const spentBy = new WeakMap<ApiState, number>();

/** Charges an accepted analysis (its `usage.total`) to the balance. */
export function spend(s: ApiState, credits: number): void {
  spentBy.set(s, (spentBy.get(s) ?? 0) + credits);
}

/** What is left, never below zero. */
export function balanceOf(s: ApiState): number {
  return Math.max(0, STARTING_BALANCE - (spentBy.get(s) ?? 0));
}

/** Back to the starting balance (`emulator.reset()`). */
export function resetLedger(s: ApiState): void {
  spentBy.delete(s);
}
