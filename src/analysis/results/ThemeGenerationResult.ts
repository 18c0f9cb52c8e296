import type { Row } from '../csv';
import type { Theme, ThemesResponse } from '../../schemas/themes';
import { AnalysisResult } from './AnalysisResult';
import { brand } from '../../brand';

/**
 * Generated themes. With the 2025-09-01 model the service may answer several theme
 * sets; `themes` is the first, `themeSets` all of them.
 *
 * @example
 * const { labels } = await firstValueFrom(generateThemes(reviews, { maxThemes: 5 }));
 */
export class ThemeGenerationResult extends AnalysisResult<ThemesResponse> {
  get themeSets(): readonly (readonly Theme[])[] {
    return 'themes' in this.raw ? [this.raw.themes] : this.raw.themeSets;
  }

  get themes(): readonly Theme[] {
    return this.themeSets[0] ?? [];
  }

  /** Short labels, in order: what `themeAllocation` compares the texts with. */
  get labels(): string[] {
    return this.themes.map((t) => t.shortLabel);
  }

  toRows(): Row[] {
    return this.themes.map((t, index) => ({
      index,
      shortLabel: t.shortLabel,
      label: t.label,
      description: t.description,
      representatives: t.representatives.join(' | '),
    }));
  }

  protected override columns(): string[] {
    return ['index', 'shortLabel', 'label', 'description', 'representatives'];
  }
}
brand(ThemeGenerationResult, 'ThemeGenerationResult');
