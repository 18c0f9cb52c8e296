import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

// A specifier has no white space: "read it from');" in a message is not an import.
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)["']([^"'\s]+)["']/g;

/**
 * A built entry and every chunk it loads (relative imports, followed), with the bare
 * specifiers they import. Only what the entry reaches: a JS-only rebuild leaves older chunks
 * in dist/ that no entry loads any more.
 */
export function builtGraph(entry: string): { files: Map<string, string>; imports: Set<string> } {
  const files = new Map<string, string>();
  const imports = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    const text = readFileSync(file, 'utf8');
    files.set(file, text);
    for (const [, spec] of text.matchAll(IMPORT)) {
      if (spec!.startsWith('.')) visit(join(dirname(file), spec!));
      else imports.add(spec!);
    }
  };
  visit(entry);
  return { files, imports };
}
