import {
  ClusterResult,
  DataDictionaryResult,
  DEFAULT_THEME_THRESHOLD,
  EmbeddingsResult,
  ExtractionResult,
  SentimentResult,
  SimilarityResult,
  SummaryResult,
  ThemeAllocationResult,
  ThemeGenerationResult,
  toCSV,
} from 'pulse-rx';
import calibration from '../fixtures/themeCalibration.json';

const theme = (shortLabel: string) => ({ shortLabel, label: `${shortLabel} label`, description: `About ${shortLabel}`, representatives: ['a', 'b', 'c'] });

describe('SentimentResult', () => {
  const result = new SentimentResult(['great', 'awful', 'fine', 'great'], {
    results: [
      { sentiment: 'positive', confidence: 0.9 },
      { sentiment: 'negative', confidence: 0.8 },
      { sentiment: 'neutral', confidence: 0.5 },
      { sentiment: 'positive', confidence: 0.6 },
    ],
  });

  it('summary() counts each label, gives shares, the dominant label and the mean confidence', () => {
    const summary = result.summary();
    expect(summary).toMatchObject({
      total: 4,
      counts: { positive: 2, negative: 1, neutral: 1, mixed: 0 },
      shares: { positive: 0.5, negative: 0.25, neutral: 0.25, mixed: 0 },
      dominant: 'positive',
    });
    expect(summary.meanConfidence).toBeCloseTo(0.7, 10);
  });

  it('summary() of no texts has zero shares and no dominant label', () => {
    const empty = new SentimentResult([], { results: [] }).summary();
    expect(empty.shares.positive).toBe(0);
    expect(empty.dominant).toBeNull();
  });

  it('toRows() keys by index (duplicate texts stay separate rows) and toCSV() writes them', () => {
    expect(result.toRows()[3]).toEqual({ index: 3, text: 'great', sentiment: 'positive', confidence: 0.6 });
    expect(result.toCSV().split('\r\n')).toEqual(['index,text,sentiment,confidence', '0,great,positive,0.9', '1,awful,negative,0.8', '2,fine,neutral,0.5', '3,great,positive,0.6', '']);
  });

  it('JSON.stringify gives the raw answer', () => {
    expect(JSON.parse(JSON.stringify(result))).toEqual(result.raw);
  });
});

describe('ThemeGenerationResult', () => {
  it('reads themes, or the first of several theme sets', () => {
    const single = new ThemeGenerationResult(['x', 'y'], { themes: [theme('Staff'), theme('Food')] });
    expect(single.labels).toEqual(['Staff', 'Food']);
    const sets = new ThemeGenerationResult(['x', 'y'], { themeSets: [[theme('Rides')], [theme('Queues'), theme('Food')]] });
    expect(sets.labels).toEqual(['Rides']);
    expect(sets.themeSets).toHaveLength(2);
    expect(single.toRows()[0]).toEqual({ index: 0, shortLabel: 'Staff', label: 'Staff label', description: 'About Staff', representatives: 'a | b | c' });
  });
});

describe('ThemeAllocationResult', () => {
  // Texts 0 and 2 are the same text: they must keep their own rows.
  const texts = ['staff rude', 'rides fun', 'staff rude', 'nothing'];
  const similarity = [
    [0.6, 0.1, 0.3],
    [0.2, 0.7, 0.5],
    [0.6, 0.1, 0.3],
    [0.1, 0.2, 0.2],
  ];
  const result = new ThemeAllocationResult(texts, { themes: ['Staff', theme('Rides'), 'Fun'], similarity });

  it('assignSingle gives each text its best theme at or above the threshold, else null, by index', () => {
    expect(result.assignSingle().map((a) => [a.index, a.theme, a.score])).toEqual([
      [0, 'Staff', 0.6],
      [1, 'Rides', 0.7],
      [2, 'Staff', 0.6],
      [3, null, null],
    ]);
    expect(result.assignSingle(0.65).map((a) => a.theme)).toEqual([null, 'Rides', null, null]);
  });

  it('assignMulti gives up to k themes above the threshold, best first', () => {
    expect(result.assignMulti(2).map((a) => a.themes.map((t) => t.theme))).toEqual([['Staff', 'Fun'], ['Rides', 'Fun'], ['Staff', 'Fun'], []]);
    expect(result.assignMulti(1, 0)[3]!.themes).toEqual([{ theme: 'Rides', themeIndex: 1, score: 0.2 }]);
  });

  it('shares() counts texts per theme (multi-label), largest first', () => {
    expect(result.shares().map((s) => [s.theme, s.count, s.share])).toEqual([
      ['Fun', 3, 0.75],
      ['Staff', 2, 0.5],
      ['Rides', 1, 0.25],
    ]);
  });

  it('byTheme() groups the single assignments by theme, best first, and lists the unassigned', () => {
    const { groups, unassigned } = result.byTheme();
    expect(groups.map((g) => [g.theme, g.members.map((m) => m.index)])).toEqual([
      ['Staff', [0, 2]],
      ['Rides', [1]],
      ['Fun', []],
    ]);
    expect(unassigned.map((u) => u.index)).toEqual([3]);
  });

  it('toRows() has the single theme and a score column per theme', () => {
    expect(result.toRows()[1]).toEqual({ index: 1, text: 'rides fun', theme: 'Rides', score: 0.7, 'score:Staff': 0.2, 'score:Rides': 0.7, 'score:Fun': 0.5 });
    expect(result.toCSV().split('\r\n')[0]).toBe('index,text,theme,score,score:Staff,score:Rides,score:Fun');
  });

  it('the default threshold is calibrated on recorded similarities: best F1, and 0.5 allocates nothing', () => {
    const f1 = (threshold: number) => {
      let tp = 0;
      let fp = 0;
      let fn = 0;
      for (const c of calibration.cases) {
        c.similarity.forEach((row, i) =>
          row.forEach((score, j) => {
            const related = c.related[i]!.includes(j);
            if (score >= threshold && related) tp++;
            else if (score >= threshold) fp++;
            else if (related) fn++;
          }),
        );
      }
      return (2 * tp) / (2 * tp + fp + fn);
    };
    const candidates = [0.2, 0.25, 0.3, 0.35, 0.4, 0.5];
    expect(candidates.every((t) => f1(DEFAULT_THEME_THRESHOLD) >= f1(t))).toBe(true);
    expect(f1(DEFAULT_THEME_THRESHOLD)).toBeGreaterThan(0.8);
    expect(f1(0.5)).toBe(0);
  });
});

describe('ClusterResult', () => {
  it('maps member texts back to input indexes, each duplicate to its own index', () => {
    const result = new ClusterResult(['a', 'b', 'a', 'c'], {
      algorithm: 'kmeans',
      clusters: [
        { clusterId: 0, items: ['a', 'c'] },
        { clusterId: 1, items: ['b', 'a'] },
      ],
    });
    expect(result.clusters.map((c) => c.indices)).toEqual([[0, 3], [1, 2]]);
    expect(result.assignments()).toEqual([0, 1, 1, 0]);
    expect(result.toRows()[2]).toEqual({ index: 2, text: 'a', cluster: 1 });
  });
});

describe('ExtractionResult', () => {
  it('gives per-text matches by term and one row per text and matching term', () => {
    const result = new ExtractionResult(['staff rude, food cold', 'fine'], {
      dictionary: ['staff', 'food', 'price'],
      results: [[['staff'], ['food'], []], [[], [], []]],
    });
    expect(result.byText()[0]).toEqual({ staff: ['staff'], food: ['food'], price: [] });
    expect(result.toRows()).toEqual([
      { index: 0, text: 'staff rude, food cold', term: 'staff', matches: 'staff' },
      { index: 0, text: 'staff rude, food cold', term: 'food', matches: 'food' },
    ]);
  });
});

describe('SimilarityResult', () => {
  const matrix = [
    [1, 0.2, 0.9],
    [0.2, 1, 0.4],
    [0.9, 0.4, 1],
  ];
  it('mostSimilar skips the text itself for self-similarity; rows are the upper triangle', () => {
    const result = new SimilarityResult(['a', 'b', 'c'], { scenario: 'self', mode: 'matrix', matrix });
    expect(result.mostSimilar(0, 2)).toEqual([
      { index: 2, text: 'c', score: 0.9 },
      { index: 1, text: 'b', score: 0.2 },
    ]);
    expect(result.toRows().map((r) => [r.a, r.b])).toEqual([[0, 1], [0, 2], [1, 2]]);
  });
  it('cross-similarity keeps every pair and names the other set', () => {
    const result = new SimilarityResult(['a'], { scenario: 'cross', mode: 'matrix', matrix: [[0.3, 0.8]] }, ['x', 'y']);
    expect(result.mostSimilar(0, 1)).toEqual([{ index: 1, text: 'y', score: 0.8 }]);
    expect(result.toRows()).toHaveLength(2);
  });
});

describe('SummaryResult, DataDictionaryResult, EmbeddingsResult', () => {
  it('expose their content and rows', () => {
    expect(new SummaryResult(['a', 'b'], { summary: 'All good.' }).toRows()).toEqual([{ summary: 'All good.', texts: 2 }]);
    const variable = { variableName: 'age', variableLabel: 'Age', type: 'numeric', scaleLevel: 'ratio', sourceColumns: 'age' };
    const dd = new DataDictionaryResult(['age'], {
      profileVersion: '1',
      profileName: 'ddi',
      codebook: { title: 'T', description: 'D', creationDate: '2026-01-01', language: 'en', variables: [variable] },
    });
    expect(dd.toRows()).toEqual([variable]);
    const emb = new EmbeddingsResult(['a'], { embeddings: [{ text: 'a', vector: [0.6, 0.8] }] });
    expect(emb.vectors).toEqual([[0.6, 0.8]]);
    expect(emb.toRows()).toEqual([{ index: 0, text: 'a', dimensions: 2, vector: '[0.6,0.8]' }]);
  });
});

describe('toCSV', () => {
  it('quotes commas, quotes and newlines, and neutralises formula-like text cells', () => {
    const csv = toCSV([
      { text: 'a, "b"\nc', n: -1 },
      { text: '=HYPERLINK("http://x")', n: 2 },
      { text: '@SUM(A1)', n: null },
    ]);
    expect(csv).toBe('text,n\r\n"a, ""b""\nc",-1\r\n"\'=HYPERLINK(""http://x"")",2\r\n\'@SUM(A1),\r\n');
  });
});
