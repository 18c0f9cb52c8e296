import type { Row } from '../csv';
import type { Theme } from '../../schemas/themes';
import { DEFAULT_THEME_THRESHOLD, rankThemes, themeLabel } from '../../operators/themeScores';
import { AnalysisResult } from './AnalysisResult';
import { brand } from '../../brand';

/** The raw data of an allocation: the themes and the texts-by-themes similarity matrix. */
export interface ThemeAllocationData {
  themes: Array<string | Theme>;
  /** `similarity[i][j]`: text i against theme j. */
  similarity: number[][];
}

/** A theme given to a text. */
export interface ThemeScore {
  theme: string;
  themeIndex: number;
  score: number;
}

/** `assignSingle`: the best theme of each text at or above the threshold, else null. */
export interface SingleAssignment {
  index: number;
  text: string;
  theme: string | null;
  themeIndex: number | null;
  score: number | null;
}

/** `assignMulti`: up to k themes of each text at or above the threshold, best first. */
export interface MultiAssignment {
  index: number;
  text: string;
  themes: ThemeScore[];
}

/** A theme with the texts whose best theme it is (`byTheme`), best scores first. */
export interface ThemeGroup {
  theme: string;
  themeIndex: number;
  members: SingleAssignment[];
}

/** Per theme: how many texts are about it (multi-label) and their share of all texts. */
export interface ThemeShare {
  theme: string;
  themeIndex: number;
  count: number;
  share: number;
}

/**
 * Texts allocated to themes. Everything is keyed by the text's index, so duplicate texts
 * never collide. The default threshold is calibrated (see `DEFAULT_THEME_THRESHOLD`).
 *
 * @example
 * const allocation = await firstValueFrom(themeAllocation(reviews));
 * allocation.assignSingle().filter((a) => a.theme === 'Staff').length;
 * allocation.assignMulti(2);
 */
export class ThemeAllocationResult extends AnalysisResult<ThemeAllocationData> {
  constructor(
    texts: readonly string[],
    raw: ThemeAllocationData,
    /** The threshold the helpers use when none is given. */
    readonly threshold: number = DEFAULT_THEME_THRESHOLD,
    /** One theme per text (`assignSingle`) or every theme at or above the threshold (`assignMulti`). */
    readonly singleLabel: boolean = true,
  ) {
    super(texts, raw);
  }

  /** Theme labels, in the order of the matrix columns. */
  get themes(): string[] {
    return this.raw.themes.map(themeLabel);
  }

  get similarity(): readonly (readonly number[])[] {
    return this.raw.similarity;
  }

  /** Each text's best theme at or above `threshold`, else null; in input order. */
  assignSingle(threshold = this.threshold): SingleAssignment[] {
    const labels = this.themes;
    return this.raw.similarity.map((row, index) => {
      const best = rankThemes(row, 1, threshold)[0];
      return best === undefined
        ? { index, text: this.texts[index] ?? '', theme: null, themeIndex: null, score: null }
        : { index, text: this.texts[index] ?? '', theme: labels[best]!, themeIndex: best, score: row[best]! };
    });
  }

  /** Each text's `k` best themes at or above `threshold`, best first; in input order. */
  assignMulti(k = 3, threshold = this.threshold): MultiAssignment[] {
    const labels = this.themes;
    return this.raw.similarity.map((row, index) => ({
      index,
      text: this.texts[index] ?? '',
      themes: rankThemes(row, k, threshold).map((j) => ({ theme: labels[j]!, themeIndex: j, score: row[j]! })),
    }));
  }

  /**
   * `assignSingle` grouped by theme, in the themes' order, each group's texts best first;
   * `unassigned` are the texts that fit no theme.
   */
  byTheme(threshold = this.threshold): { groups: ThemeGroup[]; unassigned: SingleAssignment[] } {
    const single = this.assignSingle(threshold);
    const groups = this.themes.map((theme, themeIndex): ThemeGroup => ({ theme, themeIndex, members: [] }));
    const unassigned: SingleAssignment[] = [];
    for (const a of single) (a.themeIndex === null ? unassigned : groups[a.themeIndex]!.members).push(a);
    for (const g of groups) g.members.sort((a, b) => b.score! - a.score! || a.index - b.index);
    return { groups, unassigned };
  }

  /** How many texts mention each theme (any score at or above the threshold), largest first. */
  shares(threshold = this.threshold): ThemeShare[] {
    const n = this.raw.similarity.length;
    return this.themes
      .map((theme, themeIndex) => {
        const count = this.raw.similarity.filter((row) => (row[themeIndex] ?? -Infinity) >= threshold).length;
        return { theme, themeIndex, count, share: n ? count / n : 0 };
      })
      .sort((a, b) => b.count - a.count || a.themeIndex - b.themeIndex);
  }

  /**
   * Each text's themes as the step asked: its best one (`singleLabel`, the default), else
   * every theme at or above the threshold, best first.
   */
  assignments(threshold = this.threshold): MultiAssignment[] {
    return this.singleLabel
      ? this.assignSingle(threshold).map((a) => ({
          index: a.index,
          text: a.text,
          themes: a.theme === null ? [] : [{ theme: a.theme, themeIndex: a.themeIndex!, score: a.score! }],
        }))
      : this.assignMulti(this.themes.length, threshold);
  }

  /**
   * Per text: its theme (with `singleLabel: false`, every theme at or above the threshold,
   * joined by `; `) and best score, then one `score:<theme>` column per theme.
   */
  toRows(): Row[] {
    const labels = this.themes;
    return this.assignments().map((a) => ({
      index: a.index,
      text: a.text,
      theme: a.themes.length ? a.themes.map((t) => t.theme).join('; ') : null,
      score: a.themes[0]?.score ?? null,
      ...Object.fromEntries(labels.map((label, j) => [`score:${label}`, this.raw.similarity[a.index]![j] ?? null])),
    }));
  }

  protected override columns(): string[] {
    return ['index', 'text', 'theme', 'score', ...this.themes.map((l) => `score:${l}`)];
  }
}
brand(ThemeAllocationResult, 'ThemeAllocationResult');
