import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers.js';

// The bundle step skips building when dist/ was built from the same sources (so a second
// `npm start` opens at once and the data dir's caches stay valid).

type Digest = (root: string, minify: boolean) => string;
const { sourcesDigest } = (await import('../../src/build/sources-digest.mjs' as string)) as { sourcesDigest: Digest };

function stamped(): string | undefined {
  try {
    return readFileSync(join(ROOT, 'dist', '.sources'), 'utf8');
  } catch {
    return undefined;
  }
}

describe('the bundle step', () => {
  // Only when dist/ is current (npm test builds first): otherwise running it would rebuild dist/
  // under the other tests' feet.
  const current = stamped() === sourcesDigest(ROOT, !process.env.ML_TUTOR_NO_MINIFY);
  it.skipIf(!current)('leaves a dist/ built from the same sources alone', () => {
    const before = statSync(join(ROOT, 'dist', 'cli.cjs')).mtimeMs;
    const result = spawnSync(process.execPath, [join(ROOT, 'src', 'build', 'bundle.mjs')], { cwd: ROOT, encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('dist/ is current (sources unchanged since it was built)\n');
    expect(statSync(join(ROOT, 'dist', 'cli.cjs')).mtimeMs).toBe(before);
  });

  it('sees any change to a source file, the lock file or the build options, and nothing else', () => {
    const root = tempDir();
    for (const file of ['package.json', 'package-lock.json', 'tsconfig.json', 'bin/ml-tutor.js', 'src/cli.ts', 'src/core/a.ts']) {
      mkdirSync(join(root, file, '..'), { recursive: true });
      writeFileSync(join(root, file), `// ${file}\n`);
    }
    const first = sourcesDigest(root, true);
    writeFileSync(join(root, 'README.md'), 'not a source');
    expect(sourcesDigest(root, true)).toBe(first);
    expect(sourcesDigest(root, false)).not.toBe(first);
    writeFileSync(join(root, 'src/core/a.ts'), '// changed\n');
    const second = sourcesDigest(root, true);
    expect(second).not.toBe(first);
    writeFileSync(join(root, 'package-lock.json'), '{}');
    expect(sourcesDigest(root, true)).not.toBe(second);
  });
});
