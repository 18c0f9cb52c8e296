import type { Theme } from '../schemas/themes';

/**
 * Default lowest text-to-theme similarity that counts as "about this theme".
 *
 * Calibrated on the vendor's recorded cross-similarities of 42 reviews against short
 * theme labels, hand-labelled (`spec/fixtures/themeCalibration.json`): 0.28 has the best
 * F1 (0.83: precision 1.00, recall 0.71; 0.25 gives 0.77, 0.35 gives 0.65). A blind 0.5
 * allocates no text at all, since label similarities rarely pass 0.5.
 */
export const DEFAULT_THEME_THRESHOLD = 0.28;

/** What a theme is compared as: its short label (the form the threshold is calibrated on). */
export function themeTarget(theme: string | Theme): string {
  return typeof theme === 'string' ? theme : theme.shortLabel;
}

/** The display label of a theme. */
export const themeLabel = themeTarget;

/**
 * Indexes of the `k` most similar themes at or above `threshold`, best first (ties keep
 * the themes' order).
 */
export function rankThemes(row: readonly number[], k: number, threshold: number): number[] {
  return row
    .map((score, index) => ({ score, index }))
    .filter((s) => s.score >= threshold)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, k)
    .map((s) => s.index);
}
