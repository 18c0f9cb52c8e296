import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstValueFrom, lastValueFrom, switchMap, toArray } from 'rxjs';
import {
  ClusterResult,
  ExtractionResult,
  PulseValidationError,
  SentimentResult,
  SimilarityResult,
  SummaryResult,
  ThemeAllocationResult,
  Workflow,
  type AnalysisDone,
  type AnalysisEvent,
  type PulseClient,
} from 'pulse-rx';
import { startEmulator, type Emulator } from 'pulse-rx/emulator';
import { loadWorkflowFile } from 'pulse-rx/node';
import { emulatorClient } from '../helpers/emulatorClient';
import { failure } from '../helpers/failure';

const reviews = [
  'The staff were rude and slow',
  'Rides were great fun for the kids',
  'Food was cold and overpriced',
  'Queues were long but the rides were fun',
  'The staff at the gate were friendly',
  'Lunch was expensive and bland',
];

function buildError(build: () => unknown): PulseValidationError {
  try {
    build();
  } catch (e) {
    if (e instanceof PulseValidationError) return e;
    throw e;
  }
  throw new Error('expected a build error');
}

describe('Workflow: behaviours of the Python DSL', () => {
  let emulator: Emulator;
  let client: PulseClient;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, jobDurationMs: 20 });
    client = emulatorClient(emulator);
  });
  afterAll(async () => {
    client.close();
    await emulator.close();
  });

  it('a second unnamed step of a kind gets a generated name', async () => {
    const workflow = new Workflow().source('r', reviews).sentiment().sentiment({ version: 'v2' }).sentiment();
    expect(workflow.graph().nodes.map((n) => n.id)).toEqual(['sentiment', 'sentiment_2', 'sentiment_3']);
    const results = await firstValueFrom(workflow.run(client));
    expect(results.get('sentiment_2' as never)).toBeInstanceOf(SentimentResult);
  });

  it('an allocation or extraction without themes inserts a theme generation on its source', async () => {
    const workflow = new Workflow().source('r', reviews).themeAllocation().themeExtraction();
    const nodes = workflow.graph().nodes;
    expect(nodes.map((n) => [n.id, n.dependsOn])).toEqual([
      ['themeGeneration', []],
      ['themeAllocation', ['themeGeneration']],
      ['themeExtraction', ['themeGeneration']],
    ]);
    // (Run without the extraction: the emulator finds 2 themes here, and extraction needs 3 terms.)
    const results = await firstValueFrom(new Workflow().source('r', reviews).themeAllocation().run(client));
    expect(results.names).toEqual(['themeGeneration', 'themeAllocation']);
    expect(results.get('themeAllocation')).toBeInstanceOf(ThemeAllocationResult);
  });

  it("a step takes another step's output: the texts of one cluster, of one theme", async () => {
    const workflow = new Workflow()
      .source('r', reviews)
      .cluster({ k: 2 })
      .summary({ name: 'firstCluster', source: { step: 'cluster', cluster: 0 } })
      .themeAllocation({ themes: ['Staff', 'Food'], threshold: -1, singleLabel: false })
      .sentiment({ name: 'staffSentiment', source: { step: 'themeAllocation', theme: 'Staff' } });
    const results = await firstValueFrom(workflow.run(client));
    const clusters = results.get('cluster') as ClusterResult;
    const summary = results.get('firstCluster') as SummaryResult;
    const ids = clusters.assignments();
    expect(summary.texts).toEqual(reviews.filter((_, i) => ids[i] === 0));
    expect(summary.texts.length).toBeLessThan(reviews.length);
    // Threshold -1 with every theme kept: every text is about Staff.
    expect((results.get('staffSentiment') as SentimentResult).texts).toEqual(reviews);
  });

  it.each([
    ['an unknown step', () => new Workflow().source('r', reviews).sentiment({ source: { step: 'cluster' } }), 'sentiment.source.step'],
    ['a cluster of a step that is not a clustering', () => new Workflow().source('r', reviews).sentiment().summary({ source: { step: 'sentiment', cluster: 1 } }), 'summary.source.cluster'],
    ['a theme of a step that is not an allocation', () => new Workflow().source('r', reviews).cluster().summary({ source: { step: 'cluster', theme: 'Staff' } }), 'summary.source.theme'],
  ])('a step source is checked when built: %s', (_label, build, field) => {
    expect(buildError(build).field).toBe(field);
  });

  it('a selection with no texts fails the run naming the step', async () => {
    const workflow = new Workflow().source('r', reviews).cluster({ k: 2 }).summary({ source: { step: 'cluster', cluster: 7 } });
    const error = await failure<PulseValidationError>(firstValueFrom(workflow.run(client)));
    expect(error.field).toBe('summary.source');
  });

  it('a run monitor sees run start, each step with its time, and run end with every timing', async () => {
    const seen: string[] = [];
    let done: AnalysisDone | undefined;
    const workflow = new Workflow().source('r', reviews).sentiment().cluster({ k: 2 });
    const events = await lastValueFrom(
      workflow
        .events({
          client,
          monitor: {
            runStart: ({ steps }) => seen.push(`runStart:${steps.join(',')}`),
            stepStart: (e) => seen.push(`start:${e.process}`),
            stepEnd: (e) => seen.push(`end:${e.process}:${e.elapsedMs >= 0}`),
            runEnd: (d) => ((done = d), seen.push('runEnd')),
          },
        })
        .pipe(toArray()),
    );
    expect(seen[0]).toBe('runStart:sentiment,cluster');
    expect(seen.at(-1)).toBe('runEnd');
    expect(seen.filter((s) => s.startsWith('end:')).sort()).toEqual(['end:cluster:true', 'end:sentiment:true']);
    const last = events.at(-1) as AnalysisDone;
    expect(last).toBe(done);
    expect(Object.keys(last.timings).sort()).toEqual(['cluster', 'sentiment']);
    expect(last.elapsedMs).toBeGreaterThanOrEqual(Math.max(...Object.values(last.timings)));
    const ends = events.filter((e): e is Extract<AnalysisEvent, { phase: 'end' }> => e.phase === 'end');
    expect(ends.map((e) => last.timings[e.process])).toEqual(ends.map((e) => e.elapsedMs));
  });

  it('a monitor that is not callbacks is a typed error naming the hook', () => {
    expect(buildError(() => new Workflow().source('r', reviews).sentiment().events({ client, monitor: { runEnd: 1 as never } })).field).toBe(
      'monitor.runEnd',
    );
  });

  it('new step options in a description: extraction dictionary and type, cross-similarity', async () => {
    const workflow = Workflow.fromJSON({
      sources: { r: reviews },
      steps: [
        { type: 'themeExtraction', dictionary: ['staff', 'food', 'rides'], extractionType: 'named-entities', fast: true },
        { type: 'similarity', setB: ['staff', 'food'] },
      ],
    });
    const results = await firstValueFrom(workflow.run(client));
    expect(results.get('themeExtraction')).toBeInstanceOf(ExtractionResult);
    expect((results.get('similarity') as SimilarityResult).matrix.map((r) => r.length)).toEqual(reviews.map(() => 2));
  });
});

describe("the Python SDK's pipeline files", () => {
  const pipeline = {
    pipeline: [
      { theme_generation: { min_themes: 2, max_themes: 3 } },
      { sentiment: {} },
      { theme_allocation: { single_label: false } },
      'sentiment',
      { cluster: { k: 2, fast: false } },
    ],
  };

  it('Workflow.fromJSON reads them over a dataset, with snake_case names and generated step names', () => {
    const workflow = Workflow.fromJSON(pipeline, { dataset: reviews });
    const { sources, nodes } = workflow.graph();
    expect(sources).toEqual(['dataset']);
    expect(nodes.map((n) => n.id)).toEqual(['themeGeneration', 'sentiment', 'themeAllocation', 'sentiment_2', 'cluster']);
    expect(nodes[0]!.params).toMatchObject({ minThemes: 2, maxThemes: 3 });
    expect(nodes[2]!.params).toMatchObject({ singleLabel: false });
  });

  it.each([
    ['an unknown step', { pipeline: [{ sentiment: {} }, { translate: {} }] }, 'pipeline[1]', /"translate" is not a known step/],
    ['an unknown parameter', { pipeline: [{ sentiment: { colour: 'red' } }] }, 'pipeline[0].sentiment.colour', /is not a parameter of sentiment/],
    [
      'a misspelt parameter',
      { pipeline: [{ theme_generation: { min_themse: 2 } }] },
      'pipeline[0].theme_generation.min_themse',
      /is not a parameter of theme_generation; did you mean min_themes\? \(known: /,
    ],
    ['a wrong parameter type', { pipeline: [{ theme_generation: { min_themes: 'two' } }] }, 'pipeline[0].theme_generation.min_themes', /number/],
    ['a step that is not a one-key mapping', { pipeline: [{ sentiment: {}, cluster: {} }] }, 'pipeline[0]', /one key/],
    ['an empty pipeline', { pipeline: [] }, 'pipeline', /non-empty/],
  ])('%s is a typed error naming the step', (_label, spec, field, message) => {
    const error = buildError(() => Workflow.fromJSON(spec, { dataset: reviews }));
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
  });

  it('the dataset is required, and only for this format', () => {
    expect(buildError(() => Workflow.fromJSON(pipeline)).field).toBe('dataset');
    expect(buildError(() => Workflow.fromJSON({ sources: { r: reviews }, steps: [{ type: 'sentiment' }] }, { dataset: reviews })).field).toBe('dataset');
  });

  it('loadWorkflowFile runs a team\'s existing YAML pipeline unchanged (emulator)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pulse-rx-pipeline-'));
    const path = join(dir, 'pipeline.yaml');
    writeFileSync(path, 'pipeline:\n  - theme_generation:\n      min_themes: 2\n  - sentiment: {}\n  - theme_allocation: {}\n');
    const emulator = await startEmulator({ port: 0, jobDurationMs: 20 });
    const client = emulatorClient(emulator);
    try {
      const results = await firstValueFrom(loadWorkflowFile(path, { dataset: reviews }).pipe(switchMap((w) => w.run(client))));
      expect(results.names.sort()).toEqual(['sentiment', 'themeAllocation', 'themeGeneration']);
      expect((results.get('themeAllocation') as ThemeAllocationResult).texts).toEqual(reviews);
    } finally {
      client.close();
      await emulator.close();
    }
  });
});
