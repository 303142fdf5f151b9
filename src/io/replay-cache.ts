import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { ReplaySnapshot } from '../core/replay-snapshot.js';
import { buildStamp, readCache, writeCache } from './derived-cache.js';
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

export function replayCacheKey(identity: string, settings: string): string {
  return `${identity}|${settings}|${buildStamp()}`;
}

export function readReplayCache(home: string, key: string): ReplaySnapshot | undefined {
  const stored = readCache(cachePath(home)) as { key?: string; snapshot?: ReplaySnapshot } | undefined;
  return stored?.key === key && stored.snapshot ? stored.snapshot : undefined;
}

export function writeReplayCache(home: string, key: string, snapshot: ReplaySnapshot): void {
  writeCache(cachePath(home), { key, snapshot });
}
