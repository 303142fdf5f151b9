import type { ProgressEvent } from './events.js';

export interface ReadRecord {
  /** When the lesson was last read (ISO). */
  lastReadAt: string;
  count: number;
  /** Position of that last read among all reads: the latest read is the highest (ties in time too). */
  order: number;
}

/**
 * Which lessons have been read, derived from the log: `read` events, minus those cancelled by an
 * `undo`, minus those before a `reset` of their topic (or of everything).
 */
export function readLessons(events: readonly ProgressEvent[], previous: Map<string, ReadRecord> = new Map()): Map<string, ReadRecord> {
  const undone = new Set(events.filter((event) => event.type === 'undo').map((event) => (event.type === 'undo' ? event.target : '')));
  // Only reads and resets change what was read. A long log is nearly all reviews: they are left out
  // before sorting, and each time is parsed once (sorting 200,000 events by Date.parse took a second).
  // Time order; events at the same instant keep their log order.
  const ordered = events
    .filter((event) => event.type === 'read' || event.type === 'reset')
    .map((event, index) => ({ event, index, time: Date.parse(event.at) }))
    .sort((left, right) => left.time - right.time || left.index - right.index)
    .map(({ event }) => event);
  // `previous`: what the log up to these events gave (a derived cache extended with appended events).
  const read = previous;
  let order = Math.max(0, ...[...read.values()].map((record) => record.order));
  for (const event of ordered) {
    if (undone.has(event.id)) continue;
    if (event.type === 'reset') {
      for (const lesson of [...read.keys()]) {
        if (event.scope === 'all' || lesson.startsWith(`${event.scope}/`)) read.delete(lesson);
      }
    } else if (event.type === 'read') {
      const previous = read.get(event.lesson);
      order += 1;
      read.set(event.lesson, { lastReadAt: event.at, count: (previous?.count ?? 0) + 1, order });
    }
  }
  return read;
}
