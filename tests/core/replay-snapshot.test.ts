import { describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../src/core/events.js';
import { fromSnapshot, toSnapshot } from '../../src/core/replay-snapshot.js';
import { replay } from '../../src/core/replay.js';
import { createScheduler } from '../../src/core/schedule.js';

const event = (id: string, at: string, fields: Record<string, unknown>): ProgressEvent => ({ v: 1, id, at, ...fields }) as ProgressEvent;

describe('replay snapshot', () => {
  it('round-trips through JSON to exactly what replay returned', () => {
    const log: ProgressEvent[] = [
      event('a', '2026-03-01T09:00:00.000Z', { type: 'review', card: 'rnn/a', rating: 3, correct: true, ms: 1200 }),
      event('b', '2026-03-01T09:10:00.000Z', { type: 'review', card: 'rnn/a', rating: 3, correct: true }),
      event('c', '2026-03-03T09:00:00.000Z', { type: 'review', card: 'rnn/a', rating: 1, correct: false }),
      event('d', '2026-03-03T09:01:00.000Z', { type: 'review', card: 'nlp/b', rating: 4, correct: true, cram: true }),
      event('e', '2026-03-04T09:00:00.000Z', { type: 'suspend', card: 'nlp/b' }),
      event('f', 'not a date', { type: 'review', card: 'nlp/b', rating: 3, correct: true }),
    ];
    const result = replay(log, { scheduler: createScheduler({ fuzz: false }) });
    const restored = fromSnapshot(JSON.parse(JSON.stringify(toSnapshot(result))));
    expect(restored).toEqual(result);
    expect(restored.cards.get('rnn/a')!.schedule.due).toBeInstanceOf(Date);
    expect(restored.lastReviewId).toBe('d');
    expect(restored.ignored).toHaveLength(1);
  });
});
