import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

// The map in the README's Developing section, as a check: which folder of src/ may import which.
// Lower layers never import higher ones, so imports only go down and there are no circles.
const MAY_IMPORT: Record<string, readonly string[]> = {
  'src/math': [],
  'src/i18n': [],
  'src/core': ['src/math', 'src/i18n'],
  'src/io': ['src/core', 'src/i18n'],
  'src/ui': ['src/core', 'src/math', 'src/i18n'],
  'src/demos': ['src/core', 'src/math', 'src/ui', 'src/i18n'],
  'src/commands': ['src/core', 'src/math', 'src/i18n', 'src/io', 'src/ui', 'src/demos'],
  'src/cli.ts': ['src/program.ts', 'src/program-help.ts', 'src/commands', 'src/core', 'src/i18n', 'src/io', 'src/ui'],
  'src/program.ts': ['src/program-help.ts', 'src/commands', 'src/core', 'src/i18n', 'src/io', 'src/ui'],
  'src/program-help.ts': ['src/core', 'src/i18n', 'src/io'],
  'src/boot.ts': ['src/core'],
  'src/types': [],
};

const SRC = join(ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [relative(ROOT, path)] : [];
  });
}

/** The files of src/ each file imports (type-only imports too: they are part of the design). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const targets = [...text.matchAll(/(?:\bfrom|\bimport\s*\()\s*['"](\.{1,2}\/[^'"]+)['"]/g)]
      .map((match) => relative(ROOT, resolve(dirname(join(ROOT, file)), match[1]!.replace(/\.js$/, '.ts'))))
      .filter((target) => target.endsWith('.ts'));
    graph.set(file, targets);
  }
  return graph;
}

/** `src/core/grade.ts` -> `src/core`; the top-level files are their own layer. */
function layerOf(file: string): string {
  const parts = file.split('/');
  return parts.length > 2 ? parts.slice(0, 2).join('/') : file;
}

describe('architecture', () => {
  const graph = importGraph();

  it('finds the source files and their imports', () => {
    expect(graph.size).toBeGreaterThan(50);
    expect(graph.get('src/core/grade.ts')).toContain('src/core/question.ts');
  });

  it('has no import circles between files', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (file: string): void => {
      state.set(file, 'open');
      stack.push(file);
      for (const target of graph.get(file) ?? []) {
        if (state.get(target) === 'open') cycles.push([...stack.slice(stack.indexOf(target)), target].join(' -> '));
        else if (!state.has(target)) visit(target);
      }
      stack.pop();
      state.set(file, 'done');
    };
    for (const file of graph.keys()) if (!state.has(file)) visit(file);
    expect(cycles).toEqual([]);
  });

  it('imports only go down the layers', () => {
    const wrong: string[] = [];
    for (const [file, targets] of graph) {
      const from = layerOf(file);
      const allowed = MAY_IMPORT[from];
      if (!allowed) {
        wrong.push(`${file}: its folder is not in the map`);
        continue;
      }
      for (const target of targets) {
        const to = layerOf(target);
        if (to !== from && !allowed.includes(to)) wrong.push(`${file} imports ${target}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('keeps every source file under 300 lines, so each can be read in one sitting', () => {
    const long = [...graph.keys()]
      .map((file) => ({ file, lines: readFileSync(join(ROOT, file), 'utf8').split('\n').length - 1 }))
      .filter(({ lines }) => lines > 300);
    expect(long).toEqual([]);
  });
});
