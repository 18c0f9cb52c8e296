import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';

/**
 * DESIGN.md section 3: imports point down the layers only. `concurrency/` (ordered concurrency,
 * backpressure, job gathering: no client needed) sits below `client/`, whose `splitting/` folder
 * splits a call into parts and stitches them back; `operators/` (which need a client) sit above it.
 */
const RANK: Record<string, number> = {
  schemas: 0,
  http: 1,
  auth: 2,
  jobs: 2,
  concurrency: 3,
  client: 4,
  operators: 5,
  analysis: 6,
  workflow: 7,
  report: 7,
  node: 8,
  emulator: 8,
  cli: 9,
};
const SRC = join(__dirname, '..', 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const layerOf = (file: string) => relative(SRC, file).split('/')[0]!;

describe('layers', () => {
  const edges = files(SRC)
    .filter((f) => layerOf(f) in RANK)
    .flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)].map(([, spec]) => {
        const target = resolve(dirname(file), spec!);
        return { file: relative(SRC, file), from: layerOf(file), to: relative(SRC, target).split('/')[0]! };
      }),
    );

  it('every import points down (or within its layer)', () => {
    const upward = edges.filter((e) => e.to in RANK && e.from !== e.to && RANK[e.to]! >= RANK[e.from]!);
    expect(upward).toEqual([]);
  });

  it('only the CLI imports the emulator; nothing imports the CLI', () => {
    expect(edges.filter((e) => e.to === 'emulator' && e.from !== 'emulator' && e.from !== 'cli')).toEqual([]);
    expect(edges.filter((e) => e.to === 'cli' && e.from !== 'cli')).toEqual([]);
  });

  it('only src/http/fromAxios.ts (and http types) import axios (besides the adapter entries)', () => {
    const importers = files(SRC)
      .filter((f) => !/^(angular|testing)\//.test(relative(SRC, f)))
      .filter((f) => /from 'axios'/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(SRC, f))
      .sort();
    expect(importers).toEqual(['http/fromAxios.ts', 'http/types.ts']);
  });

  it('the angular and testing entries import the core by its public name only; testing reuses only pure emulator routes', () => {
    const reached = ['angular', 'testing'].flatMap((entry) =>
      files(join(SRC, entry)).flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)]
          .map(([, spec]) => relative(SRC, resolve(dirname(file), spec!)))
          .filter((target) => !target.startsWith(`${entry}/`))
          .map((target) => `${entry} -> ${target}`),
      ),
    );
    expect(reached.sort()).toEqual([
      'testing -> emulator/JobStore',
      'testing -> emulator/analyze',
      'testing -> emulator/api',
      'testing -> emulator/api',
      'testing -> emulator/jobLifecycle',
      'testing -> emulator/profiles',
      'testing -> emulator/validator',
      'testing -> schemas/optionsObject', // pure (zod only, no classes): the closest-key suggestion of unknown options
    ]);
  });
});
