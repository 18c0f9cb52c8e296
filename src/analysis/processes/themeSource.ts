import { PulseValidationError } from '../../errors';
import type { Theme } from '../../schemas/themes';
import type { AnalysisResult } from '../results/AnalysisResult';
import { ThemeGenerationResult } from '../results/ThemeGenerationResult';

/** Where a theme-based process gets its themes: given, or from a theme generation step. */
export interface ThemeSourceOptions {
  /** Fixed themes (labels, or themes from `generateThemes`). */
  themes?: Array<string | Theme>;
  /** Id of the theme generation whose themes to use. @default 'themeGeneration' */
  themesFrom?: string;
}

/** Checks the themes option at build time, naming the step. */
export function checkThemeSource(id: string, options: ThemeSourceOptions): void {
  const { themes, themesFrom } = options;
  if (themes !== undefined) {
    if (!Array.isArray(themes) || themes.length === 0) throw new PulseValidationError(`${id}.themes`, 'must be a non-empty array');
    themes.forEach((t, i) => {
      const ok = typeof t === 'string' ? t.trim() !== '' : t !== null && typeof t === 'object' && typeof t.shortLabel === 'string' && t.shortLabel.trim() !== '';
      if (!ok) throw new PulseValidationError(`${id}.themes[${i}]`, 'must be a non-empty label or a theme with a shortLabel');
    });
    if (themesFrom !== undefined) throw new PulseValidationError(`${id}.themesFrom`, 'cannot be combined with themes');
  }
  if (themesFrom !== undefined && (typeof themesFrom !== 'string' || themesFrom === '')) {
    throw new PulseValidationError(`${id}.themesFrom`, 'must be the name of a theme generation step');
  }
}

/** The step ids the themes come from (none when they are given). */
export function themeDependencies(options: ThemeSourceOptions): string[] {
  return options.themes ? [] : [options.themesFrom ?? 'themeGeneration'];
}

/** The themes at run time. */
export function resolveThemes(id: string, options: ThemeSourceOptions, upstream: Readonly<Record<string, AnalysisResult<unknown>>>): Array<string | Theme> {
  if (options.themes) return options.themes;
  const from = options.themesFrom ?? 'themeGeneration';
  const source = upstream[from];
  if (!(source instanceof ThemeGenerationResult)) throw new PulseValidationError(`${id}.themesFrom`, `'${from}' is not a theme generation step`);
  return [...source.themes];
}
