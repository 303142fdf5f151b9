import { closeSync, fstatSync, openSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { canExtendLog, foldLogEvents, latestEventTime, type LogWarning } from '../core/event-log.js';
import type { ProgressEvent } from '../core/events.js';
import { currentWeights } from '../core/fsrs-params.js';
import { uuidPrefix } from '../core/seen-ids.js';
import { canonicalJson } from '../core/sync-merge.js';
import { buildStamp, readCache, writeCache } from './derived-cache.js';
import { KEPT_WARNINGS, storedDerived, usableStored, type Derived, type DerivedSpec, type StoredDerived } from './log-cache.js';
import { readRange } from './log-fold.js';
import { readSource, readSyncedLog, syncSources, type Covered, type SyncSource } from './synced-log.js';

/**
 * derivedFromLog (io/log-cache.ts) for the union of the sync folder's files and the local log, kept
 * in cache/synced-<name>. Its identity is every file's inode, size and modification time, so an
 * update that arrives from another device is seen by the next command.
 *
 * - Nothing changed: the cached value, no file read.
 * - Files only grew, or appeared (an answer saved here, one synced from another device): only the
 *   new lines are read, and the value is extended with their events, when none of them can already
 *   be counted: the ids of every event counted are kept beside the value (cache/synced-<name>.ids,
 *   the first 48 bits of each UUID), and a new event whose id may be among them (the same answer in
 *   a second file, an import) sends the whole union to be read again, which alone can tell.
 * - Anything else (a file gone, replaced or cut, an undo, an event earlier than those counted): the
 *   whole union is read and merged again.
 */

interface StoredFile extends Covered {
  name: string;
}

interface Stored extends StoredDerived {
  /** How far each file was read; absent when the folder could not be listed. */
  files?: StoredFile[];
}

/** The ids counted: UUIDs by their first 48 bits (base64 of a Float64Array), any other id whole. */
interface StoredIds {
  identity: string;
  uuids: string;
  others: string[];
}


/** What a file looks like without reading it: a change to any file of the union changes this. */
function fileIdentity(source: SyncSource): string {
  try {
    const stats = statSync(source.path);
    return `${source.name}:${stats.ino}:${stats.size}:${stats.mtimeMs}`;
  } catch (error) {
    return `${source.name}:${(error as NodeJS.ErrnoException).code ?? 'error'}`;
  }
}

export function derivedFromSyncedLogs<T>(home: string, dir: string, spec: DerivedSpec<T>): Derived<T> {
  const key = `${spec.key}|${buildStamp()}|${dir}`;
  const cachePath = join(home, 'cache', `synced-${spec.name}`);
  const idsPath = `${cachePath.replace(/\.json$/, '')}.ids`;
  const listed = syncSources(home, dir);
  // Taken before reading: a file that changes while it is read looks changed next time.
  const identity = [listed.problem ? 'unreadable' : 'read', ...listed.sources.map(fileIdentity)].join('|');
  const cached = usableStored(readCache(cachePath) as Stored | undefined, key, spec);
  if (cached && cached.stored.identity === identity) return storedDerived(cached.stored, cached.value);
  const extended = cached && !listed.problem ? extend(cached.stored, cached.value, listed.sources, readIds(idsPath, cached.stored.identity), spec) : undefined;
  if (extended) {
    save(cachePath, idsPath, { key, identity, spec, ...extended });
    return extended.derived;
  }
  const log = readSyncedLog(home, dir, listed);
  const latest = latestEventTime(log.events);
  const weights = currentWeights(log.events);
  const derived: Derived<T> = { value: foldLogEvents(log.events, spec.fold({ latest, weights })), warnings: log.warnings.slice(0, KEPT_WARNINGS), warningCount: log.warningCount, latest, weights };
  const files = log.sources.flatMap((source) => (source.covered ? [{ name: source.name, ...source.covered }] : []));
  save(cachePath, idsPath, { key, identity, spec, derived, files: listed.problem ? undefined : files, ids: idSet(log.events) });
  return derived;
}

interface IdSet {
  uuids: Set<number>;
  others: Set<string>;
}

function idSet(events: readonly ProgressEvent[], into: IdSet = { uuids: new Set(), others: new Set() }): IdSet {
  for (const event of events) {
    const key = uuidPrefix(event.id);
    if (key !== undefined) into.uuids.add(key);
    else into.others.add(event.id);
  }
  return into;
}

function mayHold(ids: IdSet, id: string): boolean {
  const key = uuidPrefix(id);
  return key !== undefined ? ids.uuids.has(key) : ids.others.has(id);
}

function readIds(path: string, identity: string): IdSet | undefined {
  const stored = readCache(path) as StoredIds | undefined;
  if (!stored || stored.identity !== identity || typeof stored.uuids !== 'string' || !Array.isArray(stored.others)) return undefined;
  // Copied out of the decoded buffer: a Float64Array needs its own 8-byte-aligned memory.
  const bytes = new Uint8Array(Buffer.from(stored.uuids, 'base64'));
  if (bytes.length % 8 !== 0) return undefined;
  return { uuids: new Set(new Float64Array(bytes.buffer)), others: new Set(stored.others) };
}

/** Whether the file still begins with the bytes read before (the same file, only appended to). */
function onlyGrew(path: string, before: StoredFile): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const stats = fstatSync(fd);
    if (stats.ino !== before.ino || stats.size < before.offset) return false;
    const tail = Buffer.from(before.tail, 'base64');
    return readRange(fd, before.offset - tail.length, tail.length).equals(tail);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The stored value extended with every file's new lines, or undefined when only the whole union can say. */
function extend<T>(stored: Stored, value: T, sources: readonly SyncSource[], ids: IdSet | undefined, spec: DerivedSpec<T>): { derived: Derived<T>; files: StoredFile[]; ids: IdSet } | undefined {
  if (!stored.files || !ids) return undefined;
  const before = new Map(stored.files.map((file) => [file.name, file]));
  const listedNames = new Set(sources.map((source) => source.name));
  if (stored.files.some((file) => !listedNames.has(file.name))) return undefined;
  const added = new Map<string, ProgressEvent>();
  const warnings: LogWarning[] = [];
  const files: StoredFile[] = [];
  for (const source of sources) {
    const from = before.get(source.name);
    if (from && (!from.extendable || !onlyGrew(source.path, from))) return undefined;
    const read = readSource(source, from);
    if (!read.covered) {
      if (from || read.warnings.length > 0) return undefined;
      continue; // not there (no local log yet) or not a regular file: nothing read
    }
    if (from && read.covered.ino !== from.ino) return undefined;
    for (const { event } of read.events) {
      const twin = added.get(event.id);
      if (twin) {
        if (canonicalJson(twin) !== canonicalJson(event)) return undefined;
        continue;
      }
      if (mayHold(ids, event.id)) return undefined;
      added.set(event.id, event);
    }
    warnings.push(...read.warnings);
    files.push({ name: source.name, ...read.covered });
  }
  const events = [...added.values()];
  const latest = stored.latest ?? -Infinity;
  if (!canExtendLog(events, latest)) return undefined;
  const newLatest = Math.max(latest, latestEventTime(events));
  // No params event was added (canExtendLog), so the weights are those of the stored value.
  const weights = stored.weights ?? undefined;
  const derived: Derived<T> = {
    value: foldLogEvents(events, spec.fold({ latest: newLatest, weights }, value)),
    warnings: [...stored.warnings, ...warnings].slice(0, KEPT_WARNINGS),
    warningCount: stored.warningCount + warnings.length,
    latest: newLatest,
    weights,
  };
  return { derived, files, ids: idSet(events, ids) };
}

function save<T>(cachePath: string, idsPath: string, made: { key: string; identity: string; spec: DerivedSpec<T>; derived: Derived<T>; files: StoredFile[] | undefined; ids: IdSet }): void {
  const { key, identity, spec, derived, files, ids } = made;
  const latest = Number.isFinite(derived.latest) ? derived.latest : null;
  const stored: Stored = { key, identity, latest, weights: derived.weights ?? null, warnings: derived.warnings, warningCount: derived.warningCount, value: spec.encode(derived.value), ...(files ? { files } : {}) };
  const uuids = Buffer.from(Float64Array.from(ids.uuids).buffer).toString('base64');
  // The ids first: a value saved without its ids is never extended (readIds checks the identity).
  writeCache(idsPath, { identity, uuids, others: [...ids.others] } satisfies StoredIds);
  writeCache(cachePath, stored);
}
