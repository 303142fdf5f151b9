import { newEventId } from '../io/event-id.js';
import { now, type CommandContext } from './context.js';

// What the commands that append events (read, progress, optimize) share.

/** The fields every new event starts with: version, a fresh id, and "now". */
export function newEventBase(context: CommandContext): { v: 1; id: string; at: string } {
  return { v: 1, id: newEventId(), at: now(context).toISOString() };
}

/** "2026-03-01 09:00", in the learner's local time. */
export function localTime(at: Date): string {
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${pad(at.getHours())}:${pad(at.getMinutes())}`;
}
