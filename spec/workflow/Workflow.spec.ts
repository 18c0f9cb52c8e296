import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstValueFrom, lastValueFrom, switchMap, toArray } from 'rxjs';
import { PulseValidationError, Workflow, type PulseClient } from 'pulse-rx';
import { startEmulator, type Emulator } from 'pulse-rx/emulator';
import { loadWorkflowFile } from 'pulse-rx/node';
import { emulatorClient } from '../helpers/emulatorClient';
import { failure } from '../helpers/failure';

const reviews = ['The staff were rude and slow', 'Rides were great fun for the kids', 'Food was cold and overpriced', 'Queues were long but the rides were fun'];
const tickets = ['App crashed at checkout', 'Refund took three weeks', 'Great support from the staff'];

function buildError(build: () => unknown): PulseValidationError {
  try {
    build();
  } catch (e) {
    if (e instanceof PulseValidationError) return e;
    throw e;
  }
  throw new Error('expected a build error');
}

describe('Workflow: checked while it is built, naming the step', () => {
  it.each([
    ['an unknown source', () => new Workflow().source('reviews', reviews).sentiment({ source: 'tweets' }), 'sentiment.source'],
    ['no source at all', () => new Workflow().sentiment(), 'sentiment.source'],
    ['several sources and no choice', () => new Workflow().source('a', reviews).source('b', tickets).sentiment(), 'sentiment.source'],
    ['two steps with one name', () => new Workflow().source('r', reviews).sentiment({ name: 's' }).sentiment({ name: 's' }), 's.name'],
    ['a step named like a source', () => new Workflow().source('sentiment', reviews).sentiment({ name: 'sentiment' }), 'sentiment.name'],
    [
      'allocation with two generations to choose from',
      () => new Workflow().source('r', reviews).themeGeneration({ name: 'a' }).themeGeneration({ name: 'b' }).themeAllocation(),
      'themeAllocation.themesFrom',
    ],
    ['themesFrom a step that is not a generation', () => new Workflow().source('r', reviews).sentiment().themeAllocation({ themesFrom: 'sentiment' }), 'themeAllocation.themesFrom'],
    ['an empty source', () => new Workflow().source('r', []), 'r.data'],
    ['a wrong parameter type', () => new Workflow().source('r', reviews).cluster({ name: 'groups', k: '3' as never }), 'groups.k'],
  ])('%s', (_label, build, field) => {
    expect(buildError(build).field).toBe(field);
  });

  it('a workflow without steps fails when asked to run, before any request', () => {
    expect(buildError(() => new Workflow().source('r', reviews).run()).field).toBe('steps');
  });
});

describe('Workflow.fromJSON', () => {
  it('orders steps by their dependencies and validates every field', () => {
    const workflow = Workflow.fromJSON({
      sources: { reviews },
      steps: [{ type: 'themeAllocation', name: 'allocation' }, { type: 'themeGeneration', maxThemes: 3 }, { type: 'sentiment' }],
    });
    const { nodes } = workflow.graph();
    expect(nodes.map((n) => n.id)).toEqual(['themeGeneration', 'allocation', 'sentiment']);
    expect(nodes[1]!.dependsOn).toEqual(['themeGeneration']);
  });

  it.each([
    ['invalid JSON text', '{"sources":', 'workflow'],
    ['an unknown step type', { sources: { r: reviews }, steps: [{ type: 'translate' }] }, 'steps[0].type'],
    ['an unknown parameter', { sources: { r: reviews }, steps: [{ type: 'sentiment', colour: 'red' }] }, 'steps[0].colour'],
    ['a wrong parameter type', { sources: { r: reviews }, steps: [{ type: 'cluster', k: 'three' }] }, 'steps[0].k'],
    ['no steps', { sources: { r: reviews }, steps: [] }, 'steps'],
    ['an unknown source', { sources: { r: reviews }, steps: [{ type: 'sentiment', source: 'x' }] }, 'sentiment.source'],
    [
      'a cycle',
      {
        sources: { r: reviews },
        steps: [
          { type: 'themeAllocation', name: 'a', themesFrom: 'b' },
          { type: 'themeAllocation', name: 'b', themesFrom: 'a' },
        ],
      },
      'a.dependsOn',
    ],
  ])('%s fails with the step named', (_label, spec, field) => {
    expect(buildError(() => Workflow.fromJSON(spec)).field).toBe(field);
  });
});

describe('misspelt keys of steps, step sources, load options and descriptions', () => {
  const unknown = (suggestion?: string) => (suggestion === undefined ? 'unknown option' : `unknown option; did you mean ${suggestion}?`);
  const built = () => new Workflow().source('r', reviews);

  it.each([
    ['a step option', () => built().themeAllocation({ themesFom: 'x' } as never), 'themeAllocation.themesFom', unknown('themesFrom')],
    ['the per-step fast', () => built().sentiment({ fastt: true } as never), 'sentiment.fastt', unknown('fast')],
    ['a step key', () => built().sentiment({ sorce: 'r' } as never), 'sentiment.sorce', unknown('source')],
    ['under the step\'s given name', () => built().cluster({ name: 'groups', algoritm: 'kmeans' } as never), 'groups.algoritm', unknown('algorithm')],
    ['under the generated name', () => built().sentiment().sentiment({ verison: 'v2' } as never), 'sentiment_2.verison', unknown('version')],
    ['an option of another kind of step', () => built().sentiment({ k: 3 } as never), 'sentiment.k', unknown()],
    ['createEmbeddings', () => built().createEmbeddings({ providr: {} } as never), 'embeddings.providr', unknown('provider')],
    ['a step source', () => built().cluster().summary({ source: { stpe: 'cluster' } } as never), 'summary.source.stpe', unknown('step')],
    ['Workflow.fromJSON options', () => Workflow.fromJSON({ pipeline: [{ sentiment: {} }] }, { datset: reviews } as never), 'datset', unknown('dataset')],
    [
      'a step of a description',
      () => Workflow.fromJSON({ sources: { r: reviews }, steps: [{ type: 'themeGeneration' }, { type: 'themeAllocation', themesFom: 'x' }] }),
      'steps[1].themesFom',
      unknown('themesFrom'),
    ],
    ['a field of a description', () => Workflow.fromJSON({ sources: { r: reviews }, stpes: [{ type: 'sentiment' }] }), 'stpes', unknown('steps')],
    [
      "a step's type in a description",
      () => Workflow.fromJSON({ sources: { r: reviews }, steps: [{ type: 'sentimnet' }] }),
      'steps[0].type',
      'must be one of themeGeneration, sentiment, themeAllocation, themeExtraction, similarity, cluster, summary, dataDictionary, createEmbeddings; did you mean sentiment?',
    ],
    [
      'a step source in a description',
      () => Workflow.fromJSON({ sources: { r: reviews }, steps: [{ type: 'cluster' }, { type: 'summary', source: { step: 'cluster', clustr: 0 } }] }),
      'steps[1].source.clustr',
      unknown('cluster'),
    ],
  ])('%s', (_label, build, field, problem) => {
    const error = buildError(build);
    expect([error.field, error.message]).toEqual([field, `${field}: ${problem}`]);
  });

  it('a misspelt themesFrom adds no theme generation step before it fails', () => {
    const workflow = built().sentiment();
    buildError(() => workflow.themeAllocation({ themesFom: 'x' } as never));
    expect(workflow.graph().nodes.map((n) => n.id)).toEqual(['sentiment']);
  });

  it('loadWorkflowFile options', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'pulse-wf-')), 'pipeline.json');
    writeFileSync(file, JSON.stringify({ pipeline: [{ sentiment: {} }] }));
    const error = await failure<PulseValidationError>(firstValueFrom(loadWorkflowFile(file, { datset: reviews } as never)));
    expect([error.field, error.message]).toEqual(['datset', `datset: ${unknown('dataset')}`]);
    await expect(firstValueFrom(loadWorkflowFile(file, { dataset: reviews }))).resolves.toBeInstanceOf(Workflow);
  });
});

describe('Workflow.graph', () => {
  it('lists sources and steps with their dependencies, and draws them in Mermaid', () => {
    const graph = new Workflow().source('reviews', reviews).themeGeneration({ maxThemes: 3 }).themeAllocation({ name: 'allocation' }).sentiment().graph();
    expect(graph.sources).toEqual(['reviews']);
    expect(graph.nodes.map((n) => [n.id, n.kind, n.source, n.dependsOn])).toEqual([
      ['themeGeneration', 'themeGeneration', 'reviews', []],
      ['allocation', 'themeAllocation', 'reviews', ['themeGeneration']],
      ['sentiment', 'sentiment', 'reviews', []],
    ]);
    expect(graph.mermaid.split('\n')).toEqual(
      expect.arrayContaining(['graph TD', '  reviews --> themeGeneration', '  themeGeneration --> allocation', '  reviews --> sentiment']),
    );
  });
});

describe('Workflow runs against the emulator', () => {
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

  it('steps on different sources, typed access by name', async () => {
    const workflow = new Workflow()
      .source('reviews', reviews)
      .source('tickets', tickets)
      .sentiment({ name: 'reviewMood', source: 'reviews' })
      .sentiment({ name: 'ticketMood', source: 'tickets' })
      .cluster({ source: 'reviews', k: 2 });
    const results = await firstValueFrom(workflow.run(client));
    expect(results.get('reviewMood').results).toHaveLength(4);
    expect(results.get('ticketMood').texts).toEqual(tickets);
    expect(results.get('cluster').assignments()).toHaveLength(4);
    // @ts-expect-error: not a step of this workflow
    expect(results.get('nope')).toBeUndefined();
  });

  it('events() streams each step, the allocation after its themes', async () => {
    const workflow = new Workflow().source('reviews', reviews).themeGeneration({ maxThemes: 2 }).themeAllocation().summary({ question: 'Why?' });
    const events = await lastValueFrom(workflow.events({ client, fast: false }).pipe(toArray()));
    const trace = events.map((e) => (e.phase === 'done' ? 'done' : `${e.process}:${e.phase}`));
    expect(trace.at(-1)).toBe('done');
    expect(trace.indexOf('themeGeneration:end')).toBeLessThan(trace.indexOf('themeAllocation:start'));
    expect(trace.indexOf('summary:start')).toBeLessThan(trace.indexOf('themeGeneration:end'));
    expect(trace.filter((t) => t.endsWith(':end'))).toHaveLength(3);
  });

  it('a data dictionary step with an explicit source runs (the source is the step\'s, never an option of the request)', async () => {
    const workflow = new Workflow().source('reviews', reviews).source('tickets', tickets).dataDictionary({ source: 'tickets', title: 'Tickets' });
    const results = await firstValueFrom(workflow.run(client));
    expect(results.get('dataDictionary').texts).toEqual(tickets);
  });

  it('loads a YAML or JSON pipeline from a file (pulse-rx/node)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pulse-wf-'));
    const yaml = join(dir, 'pipeline.yaml');
    writeFileSync(yaml, ['sources:', '  reviews:', ...reviews.map((r) => `    - "${r}"`), 'steps:', '  - type: sentiment', '  - type: cluster', '    k: 2', ''].join('\n'));
    const results = await firstValueFrom(loadWorkflowFile(yaml).pipe(switchMap((w) => w.run(client))));
    expect(results.names.sort()).toEqual(['cluster', 'sentiment']);

    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ sources: { reviews }, steps: [{ type: 'cluster', k: 0 }] }));
    const error = await failure<PulseValidationError>(firstValueFrom(loadWorkflowFile(bad)));
    expect(error.field).toBe('cluster.k');
  });
});
