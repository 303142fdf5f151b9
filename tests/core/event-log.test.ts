import { describe, expect, it } from 'vitest';
import { parseEventLog, serializeEvent } from '../../src/core/event-log.js';
import type { ProgressEvent } from '../../src/core/events.js';
import { readLessons } from '../../src/core/progress.js';

const read = (id: string, at: string, lesson: string): ProgressEvent => ({ v: 1, id, at, type: 'read', lesson });
const review: ProgressEvent = { v: 1, id: 'r1', at: '2026-03-01T10:00:00.000Z', type: 'review', card: 'rnn/a', rating: 3, correct: true, ms: 1200 };

describe('parseEventLog', () => {
  it('round-trips serialized events', () => {
    const events = [read('e1', '2026-03-01T09:00:00.000Z', 'rnn/units'), review];
    expect(parseEventLog(events.map(serializeEvent).join(''))).toEqual({ events, warnings: [] });
  });

  it('skips a torn last line with a warning and keeps everything before it', () => {
    const good = serializeEvent(read('e1', '2026-03-01T09:00:00.000Z', 'rnn/units'));
    const torn = '{"v":1,"id":"e2","at":"2026-03-0';
    expect(parseEventLog(good + torn)).toEqual({
      events: [read('e1', '2026-03-01T09:00:00.000Z', 'rnn/units')],
      warnings: [{ line: 2, message: 'incomplete last line (an interrupted write?) skipped' }],
    });
  });

  it.each([
    ['not JSON', 'hello', 'not valid JSON, skipped'],
    ['an array', '[1,2]', 'not a JSON object, skipped'],
    ['a future version', '{"v":2,"id":"a","at":"2026-01-01T00:00:00Z","type":"read","lesson":"x/y"}', 'unsupported version 2, skipped'],
    ['an unknown type', '{"v":1,"id":"a","at":"2026-01-01T00:00:00Z","type":"dance"}', 'unknown event type "dance", skipped'],
    ['a bad rating', '{"v":1,"id":"a","at":"2026-01-01T00:00:00Z","type":"review","card":"x/y","rating":7,"correct":true}', 'invalid rating 7, skipped'],
    ['a bad date', '{"v":1,"id":"a","at":"yesterday","type":"read","lesson":"x/y"}', 'missing or invalid "at" date, skipped'],
  ])('skips a line that is %s', (_name, line, message) => {
    const before = serializeEvent(review);
    const result = parseEventLog(`${before}${line}\n${before}`);
    expect(result.events).toHaveLength(2);
    expect(result.warnings).toEqual([{ line: 2, message }]);
  });

  it('ignores blank lines', () => {
    expect(parseEventLog('\n\n').warnings).toEqual([]);
  });
});

describe('readLessons', () => {
  it('keeps the latest read of each lesson and its count', () => {
    const result = readLessons([
      read('a', '2026-03-01T09:00:00Z', 'rnn/units'),
      read('b', '2026-03-02T09:00:00Z', 'rnn/units'),
      read('c', '2026-03-01T10:00:00Z', 'nlp/intro'),
    ]);
    expect(Object.fromEntries(result)).toEqual({
      'rnn/units': { lastReadAt: '2026-03-02T09:00:00Z', count: 2, order: 3 },
      'nlp/intro': { lastReadAt: '2026-03-01T10:00:00Z', count: 1, order: 2 },
    });
  });

  it('orders reads at the same instant as they are in the log', () => {
    const same = '2026-03-01T09:00:00.000Z';
    const result = readLessons([read('a', same, 'dl/one'), read('b', same, 'dl/two')]);
    expect(result.get('dl/two')!.order).toBeGreaterThan(result.get('dl/one')!.order);
  });

  it('forgets reads undone or reset, but not reads after the reset', () => {
    const result = readLessons([
      read('a', '2026-03-01T09:00:00Z', 'rnn/units'),
      read('b', '2026-03-01T09:05:00Z', 'nlp/intro'),
      read('c', '2026-03-01T09:10:00Z', 'attention/why'),
      { v: 1, id: 'u', at: '2026-03-01T09:20:00Z', type: 'undo', target: 'c' },
      { v: 1, id: 'r', at: '2026-03-01T09:30:00Z', type: 'reset', scope: 'rnn' },
      read('d', '2026-03-01T09:40:00Z', 'rnn/bptt'),
    ]);
    expect([...result.keys()].sort()).toEqual(['nlp/intro', 'rnn/bptt']);
  });
});
