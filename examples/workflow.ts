/**
 * The Workflow DSL (migration guide: "update DSL workflows"): named sources and steps,
 * checked as they are declared, run as a graph; results typed by step name. The same
 * pipeline can be loaded from a YAML or JSON file (`loadWorkflowFile` in pulse-rx/node).
 */
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstValueFrom, switchMap } from 'rxjs';
import { Workflow } from 'pulse-rx';
import { loadWorkflowFile } from 'pulse-rx/node';
import { runIfMain, withEmulator } from './support/withEmulator';
import reviews from './data/reviews.json';

export const main = () =>
  withEmulator(async (client) => {
    const workflow = new Workflow()
      .source('texts', reviews)
      .themeGeneration({ minThemes: 2, maxThemes: 4 })
      .sentiment()
      .themeAllocation({ name: 'allocation' });
    const results = await firstValueFrom(workflow.run(client));

    // From a file: the same steps, validated when loaded.
    const file = join(mkdtempSync(join(tmpdir(), 'pulse-workflow-')), 'pipeline.yaml');
    writeFileSync(file, ['sources:', '  texts:', ...reviews.slice(0, 10).map((r) => `    - ${JSON.stringify(r)}`), 'steps:', '  - type: sentiment', '  - type: cluster', '    k: 3', ''].join('\n'));
    const fromFile = await firstValueFrom(loadWorkflowFile(file).pipe(switchMap((w) => w.run(client))));

    return {
      mermaid: workflow.graph().mermaid,
      allocated: results.get('allocation').assignSingle().filter((a) => a.theme !== null).length,
      negative: results.get('sentiment').summary().counts.negative,
      fromFile: fromFile.names.sort(),
    };
  });

runIfMain(module, main);
