import { foldLogEvents, type LogFold } from './event-log.js';
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
  return foldLogEvents(events, readingFold(previous));
}

/**
 * The lessons read, built one event at a time (see LogFold: events in time order, without undos
 * and what they cancel). `previous`: continue from what an earlier part of the log gave.
 */
export function readingFold(previous: Map<string, ReadRecord> = new Map()): LogFold<Map<string, ReadRecord>> {
  const read = previous;
  let order = 0;
  for (const record of read.values()) order = Math.max(order, record.order);
  const add = (event: ProgressEvent): void => {
    if (event.type === 'reset') {
      for (const lesson of [...read.keys()]) {
        if (event.scope === 'all' || lesson.startsWith(`${event.scope}/`)) read.delete(lesson);
      }
    } else if (event.type === 'read') {
      const earlier = read.get(event.lesson);
      order += 1;
      read.set(event.lesson, { lastReadAt: event.at, count: (earlier?.count ?? 0) + 1, order });
    }
  };
  return { add, value: () => read };
}
