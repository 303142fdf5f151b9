import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A digest of what dist/ is built from: every file under src/, the package and lock files, the
 * TypeScript config, the bin shim, Node's version and whether the build minifies. The bundle step
 * (bundle.mjs) keeps it in dist/.sources and skips building when it has not changed.
 */
export function sourcesDigest(root, minify) {
  const hash = createHash('sha256');
  hash.update(`${process.version}\n${minify}\n`);
  const files = ['package.json', 'package-lock.json', 'tsconfig.json', join('bin', 'ml-tutor.js')].map((file) => join(root, file));
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.push(path);
    }
  };
  walk(join(root, 'src'));
  for (const file of files) hash.update(`${file}\n`).update(readFileSync(file));
  return hash.digest('hex');
}
