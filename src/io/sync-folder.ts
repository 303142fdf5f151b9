import { accessSync, constants, realpathSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { UserError } from '../core/errors.js';
import { describeFsError } from './files.js';

/**
 * The folder `config sync_dir DIR` names, as it is stored: `~` and `~/…` from the home directory
 * (HOME, else the system's), anything else relative to the current folder.
 */
export function resolveSyncDir(raw: string, env: NodeJS.ProcessEnv, cwd: string): string {
  const home = env.HOME || homedir();
  if (raw === '~') return home;
  if (raw.startsWith('~/')) return join(home, raw.slice(2));
  return isAbsolute(raw) ? resolve(raw) : resolve(cwd, raw);
}

/**
 * Refuse, with one line, a folder that cannot serve: missing (an unmounted or mistyped folder must
 * not be made in its place), not a folder, not writable, or the data dir itself.
 */
export function checkSyncDir(dir: string, dataDir: string): void {
  let isFolder: boolean;
  try {
    isFolder = statSync(dir).isDirectory();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new UserError((t) => t.sync.dirMissing(dir));
    throw new UserError((t) => t.sync.notWritable(dir, describeFsError(error, t)));
  }
  if (!isFolder) throw new UserError((t) => t.sync.notDir(dir));
  try {
    accessSync(dir, constants.W_OK | constants.X_OK);
  } catch (error) {
    throw new UserError((t) => t.sync.notWritable(dir, describeFsError(error, t)));
  }
  if (sameFolder(dir, dataDir)) throw new UserError((t) => t.sync.isDataDir(dir));
}

function sameFolder(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
}
