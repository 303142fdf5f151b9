import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReplaySnapshot } from '../core/replay-snapshot.js';
import { eventsPath } from './paths.js';

/**
 * The replay snapshot on disk: `cache/replay.json` in the data dir, used only when its key matches
 * (the log's size and mtime, the scheduler settings, and this build). Derived and disposable: any
 * problem reading or writing it just means replaying the log.
 */
function cachePath(home: string): string {
  return join(home, 'cache', 'replay.json');
}

/** Identifies the log's current content cheaply: its size and modification time. */
export function logIdentity(home: string): string {
  try {
    const stats = statSync(eventsPath(home));
    return `${stats.size}:${stats.mtimeMs}`;
  } catch {
    return 'missing';
  }
}

function buildStamp(): string {
  try {
    return String(statSync(fileURLToPath(import.meta.url)).mtimeMs);
  } catch {
    return 'unknown';
  }
}

export function replayCacheKey(identity: string, settings: string): string {
  return `${identity}|${settings}|${buildStamp()}`;
}

export function readReplayCache(home: string, key: string): ReplaySnapshot | undefined {
  try {
    const stored = JSON.parse(readFileSync(cachePath(home), 'utf8')) as { key?: string; snapshot?: ReplaySnapshot };
    return stored.key === key && stored.snapshot ? stored.snapshot : undefined;
  } catch {
    return undefined;
  }
}

export function writeReplayCache(home: string, key: string, snapshot: ReplaySnapshot): void {
  const path = cachePath(home);
  try {
    mkdirSync(dirname(path), { recursive: true });
    const temp = `${path}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify({ key, snapshot }));
    renameSync(temp, path);
  } catch {
    // a read-only data dir: we simply replay next time
  }
}
