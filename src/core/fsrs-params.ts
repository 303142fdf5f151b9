/**
 * The learner's own FSRS weights, as the progress log holds them: a `params` event, appended by
 * `ml-tutor optimize` (and taken back, like a review, by `progress undo`). The latest one not undone
 * gives the weights the whole history is replayed with; with none, FSRS-6's defaults.
 */
import { cancelledIds } from './event-log.js';
import type { ParamsEvent, ProgressEvent } from './events.js';

/**
 * The params event in force: the latest by time (then by place in the log) that no effective undo
 * cancels, or undefined. `events` may be the whole log or only its undo and params events (the undos
 * alone tell what is cancelled, see cancelledIds).
 */
export function currentParams(events: readonly ProgressEvent[]): ParamsEvent | undefined {
  const cancelled = cancelledIds(events);
  let current: ParamsEvent | undefined;
  let currentTime = -Infinity;
  for (const event of events) {
    if (event.type !== 'params' || cancelled.has(event.id)) continue;
    const time = Date.parse(event.at);
    if (time >= currentTime) {
      current = event;
      currentTime = time;
    }
  }
  return current;
}

/** The weights in force (see currentParams), or undefined for FSRS-6's defaults. */
export function currentWeights(events: readonly ProgressEvent[]): number[] | undefined {
  return currentParams(events)?.w;
}
