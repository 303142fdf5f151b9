import type { ProgressEvent } from './events.js';

/**
 * Sync through a shared folder (`config sync_dir`): each device appends its events to a file of its
 * own there, `<device-id>.jsonl`, and every command reads the union of its local log and all those
 * files. No file has two writers, so a file-syncing tool (Dropbox, Syncthing, git) never has two
 * versions of one file to reconcile; the merging happens here, by event id, when reading.
 */

/** One file's usable events as read, each with its 1-based line. */
export interface EventSource {
  /** The file, as messages name it. */
  file: string;
  /** Each event with its line and its time (epoch ms, as the log's reader parsed it). */
  events: ReadonlyArray<{ event: ProgressEvent; line: number; time: number }>;
}

export interface Place {
  file: string;
  line: number;
}

/** One id found with two different contents: which copy counts, and which is left out. */
export interface EventConflict {
  id: string;
  kept: Place;
  dropped: Place;
}

export interface MergedEvents {
  /** Each event once, in time order; events at the same instant in source order, then line order. */
  events: ProgressEvent[];
  conflicts: EventConflict[];
  /** How many distinct events each source holds (by the sources' index). */
  counts: number[];
}

interface Chosen {
  event: ProgressEvent;
  place: Place;
  time: number;
  /** Where the id was first met: the order of events at the same instant. */
  order: number;
  /** The index of the last source it was met in: each source counts it once. */
  seenIn: number;
}

/**
 * The union of several logs by event id. The same event in two files (a device's local log and its
 * file in the folder, an import of another device's export) counts once. Two different events under
 * one id cannot both count: the copy whose canonical JSON sorts first is kept, so every device that
 * reads the same files keeps the same one, whatever order it reads them in.
 */
export function mergeEventSources(sources: readonly EventSource[]): MergedEvents {
  const chosen = new Map<string, Chosen>();
  const conflicts: EventConflict[] = [];
  const counts: number[] = [];
  sources.forEach((source, index) => {
    counts.push(0);
    for (const { event, line, time } of source.events) {
      const here = { file: source.file, line };
      const found = chosen.get(event.id);
      if (!found) {
        chosen.set(event.id, { event, place: here, time, order: chosen.size, seenIn: index });
        counts[index]!++;
        continue;
      }
      if (found.seenIn !== index) {
        found.seenIn = index;
        counts[index]!++;
      }
      // Copies written by us keep their key order, so this cheap test settles nearly every pair.
      if (JSON.stringify(found.event) === JSON.stringify(event)) continue;
      const foundText = canonicalJson(found.event);
      const text = canonicalJson(event);
      if (text === foundText) continue;
      if (text < foundText) {
        conflicts.push({ id: event.id, kept: here, dropped: found.place });
        Object.assign(found, { event, place: here, time });
      } else {
        conflicts.push({ id: event.id, kept: found.place, dropped: here });
      }
    }
  });
  const events = [...chosen.values()].sort((a, b) => a.time - b.time || a.order - b.order).map((item) => item.event);
  return { events, conflicts, counts };
}

/** JSON with keys in sorted order, so two copies of one event compare equal whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Whether a file in the sync folder is read as a device's log: a `*.jsonl` file directly in it. Not
 * a hidden one (`.` or `~` first: sync tools' files in progress, such as Syncthing's
 * `.syncthing.x.jsonl.tmp`), and nothing in a subfolder (`.stversions/`, `.git/`). A conflict copy a
 * tool made (`x (conflicted copy).jsonl`, `x.sync-conflict-….jsonl`) is read like any other: its
 * events are the union's anyway, and those it alone holds would otherwise be lost.
 */
export function isSyncFileName(name: string): boolean {
  return name.endsWith('.jsonl') && name.length > '.jsonl'.length && !name.startsWith('.') && !name.startsWith('~');
}

/** A device id as the device-id file holds it: letters, digits, `.`, `_`, `-`, so it is a file name. */
export function isDeviceId(text: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(text);
}

/** The name of a device's file in the sync folder. */
export function deviceFileName(device: string): string {
  return `${device}.jsonl`;
}
