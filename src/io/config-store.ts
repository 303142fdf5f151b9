import { readFileSync } from 'node:fs';
import { normalizeConfig, type Config } from '../core/config.js';
import { UserError, type Text } from '../core/errors.js';
import { ensureDataDir } from './event-store.js';
import { describeFsError, writeFileAtomic } from './files.js';
import { configPath } from './paths.js';

export interface StoredConfig {
  config: Config;
  /** The keys actually present in the file (the rest are defaults). */
  raw: Record<string, unknown>;
  warnings: Text[];
  /** Set when the file exists but is not valid JSON: writing would destroy it, so we refuse. */
  invalid?: Text;
  path: string;
}

function jsonErrorLine(text: string, error: unknown): number {
  const position = /position (\d+)/.exec((error as Error).message)?.[1];
  if (position === undefined) return 1;
  return text.slice(0, Number(position)).split('\n').length;
}

export function readConfig(home: string): StoredConfig {
  const path = configPath(home);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { ...normalizeConfig(undefined), raw: {}, path };
    throw new UserError((t) => t.cannotRead(path, describeFsError(error, t)));
  }
  let stored: unknown;
  try {
    stored = JSON.parse(text);
  } catch (error) {
    const line = jsonErrorLine(text, error);
    const invalid: Text = (t) => t.configNotJson(path, line);
    return { ...normalizeConfig(undefined), raw: {}, warnings: [(t) => t.configDefaultsUsed(invalid(t))], invalid, path };
  }
  const normalized = normalizeConfig(stored);
  const raw = typeof stored === 'object' && stored !== null && !Array.isArray(stored) ? (stored as Record<string, unknown>) : {};
  return { ...normalized, warnings: normalized.warnings.map((warning): Text => (t) => t.inFile(path, warning(t))), raw, path };
}

/** Write config.json atomically (temp file, fsync, rename, fsync of the folder): see writeFileAtomic. */
export function writeConfig(home: string, values: Record<string, unknown>): void {
  ensureDataDir(home);
  writeFileAtomic(configPath(home), `${JSON.stringify(values, null, 2)}\n`);
}
