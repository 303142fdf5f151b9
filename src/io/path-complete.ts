import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Files and folders whose path starts with `prefix` (relative to `cwd`), for shell completion of a
 * file argument: folders end with `/`, dot files only when the prefix asks for them. Nothing on any
 * error (a folder that does not exist or cannot be read).
 */
export function pathsStartingWith(prefix: string, cwd: string): string[] {
  const slash = prefix.lastIndexOf('/');
  const folder = prefix.slice(0, slash + 1);
  const start = prefix.slice(slash + 1);
  try {
    return readdirSync(resolve(cwd, folder === '' ? '.' : folder), { withFileTypes: true })
      .filter((entry) => entry.name.startsWith(start) && (start.startsWith('.') || !entry.name.startsWith('.')))
      .map((entry) => `${folder}${entry.name}${entry.isDirectory() ? '/' : ''}`)
      .sort();
  } catch {
    return [];
  }
}
