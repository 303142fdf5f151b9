import { describe, expect, it } from 'vitest';
import { canExtendLog, CLOCK_TOLERANCE_MS, eventProblem, eventTimeProblem, latestEventTime, parseEventLog, serializeEvent, summarizeWarnings } from '../../src/core/event-log.js';
import { canonicalTime } from '../../src/core/canonical-review.js';
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
      warnings: [{ line: 2, message: expect.objectContaining({ en: 'incomplete last line (an interrupted write?) skipped' }) }],
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
    expect(result.warnings.map((warning) => ({ ...warning, message: warning.message.en }))).toEqual([{ line: 2, message }]);
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

describe('damaged logs (issue 9)', () => {
  const good = (id: string): string => serializeEvent(read(id, '2026-03-01T09:00:00.000Z', 'rnn/units'));

  it('ignores a byte order mark before the first event', () => {
    expect(parseEventLog(`\uFEFF${good('a')}${good('b')}`)).toEqual({ events: [read('a', '2026-03-01T09:00:00.000Z', 'rnn/units'), read('b', '2026-03-01T09:00:00.000Z', 'rnn/units')], warnings: [] });
  });

  it('skips the lines the reader found not UTF-8, keeping those around them', () => {
    const parsed = parseEventLog(`${good('a')}{"v":1,"id":"\uFFFD"}\n${good('c')}`, new Set([2]));
    expect(parsed.events.map((event) => event.id)).toEqual(['a', 'c']);
    expect(parsed.warnings).toEqual([{ line: 2, message: { en: 'not valid UTF-8, skipped', zh: '不是有效的 UTF-8，已跳过' } }]);
  });

  it.each([
    ['ms that is not a number', { ms: 'slow' }, 'invalid "ms" "slow", skipped'],
    ['a negative ms', { ms: -5 }, 'invalid "ms" -5, skipped'],
    ['cram that is not a boolean', { cram: 'no' }, 'invalid "cram" "no", skipped'],
    ['a card that is a number', { card: 123 }, 'a review event needs "card", skipped'],
  ])('skips a review with %s', (_name, fields, message) => {
    const line = JSON.stringify({ v: 1, id: 'x', at: '2026-03-01T09:00:00.000Z', type: 'review', card: 'rnn/a', rating: 3, correct: true, ...fields });
    expect(parseEventLog(`${line}\n`).warnings.map((warning) => ({ ...warning, message: warning.message.en }))).toEqual([{ line: 1, message }]);
  });

  it('sums up many bad lines in one warning line', () => {
    const warnings = [3, 4, 9, 10, 11, 12, 13].map((line) => ({ line, message: { en: 'not valid JSON, skipped', zh: '不是有效的 JSON，已跳过' } }));
    expect(summarizeWarnings('/d/events.jsonl', warnings)).toBe('/d/events.jsonl:3: not valid JSON, skipped (and 6 more unusable lines: 4, 9, 10, 11, 12, …)');
    expect(summarizeWarnings('/d/events.jsonl', warnings.slice(0, 2))).toBe('/d/events.jsonl:3: not valid JSON, skipped (and 1 more unusable line: 4)');
    expect(summarizeWarnings('/d/events.jsonl', warnings.slice(0, 1), 40)).toBe('/d/events.jsonl:3: not valid JSON, skipped (and 39 more unusable lines)');
    expect(summarizeWarnings('/d/events.jsonl', [])).toBeUndefined();
  });

  it('says it in Chinese for a Chinese reader', () => {
    const warnings = parseEventLog('{"v":1}\nnot json\n').warnings;
    expect(summarizeWarnings('/d/events.jsonl', warnings, warnings.length, 'zh')).toBe('/d/events.jsonl:1：缺少“id”，已跳过（另有 1 行无法使用：第 2 行）');
  });
});

describe('extending what was derived from a log', () => {
  it('allows appended events at or after the latest one, but no undo and nothing earlier', () => {
    const latest = Date.parse('2026-03-01T09:00:00.000Z');
    expect(canExtendLog([read('a', '2026-03-01T09:00:00.000Z', 'x/y'), read('b', '2026-03-02T09:00:00.000Z', 'x/y')], latest)).toBe(true);
    expect(canExtendLog([read('a', '2026-02-28T09:00:00.000Z', 'x/y')], latest)).toBe(false);
    expect(canExtendLog([{ v: 1, id: 'u', at: '2026-03-02T09:00:00.000Z', type: 'undo', target: 'a' }], latest)).toBe(false);
    expect(latestEventTime([read('a', '2026-03-01T09:00:00.000Z', 'x/y'), read('b', '2026-01-01T09:00:00.000Z', 'x/y')])).toBe(latest);
    expect(latestEventTime([])).toBe(-Infinity);
  });
});

describe('the fast path for review lines', () => {
  /** What parsing a line means: JSON.parse, then eventProblem (the slow path, written out here). */
  function meaning(line: string): unknown[] {
    try {
      const value = JSON.parse(line) as unknown;
      return eventProblem(value) ? [] : [value];
    } catch {
      return [];
    }
  }
  const base = serializeEvent({ v: 1, id: 'c0ffee00-0000-4000-8000-000000000001', at: '2026-03-01T09:00:00.000Z', type: 'review', card: 'rnn/vanishing', rating: 3, correct: true, ms: 1234 }).trim();
  it.each([
    base,
    base.replace(',"ms":1234', ''),
    base.replace('}', ',"cram":true}'),
    base.replace(',"ms":1234', ',"cram":true'),
    base.replace('"rating":3', '"rating":5'),
    base.replace('"rating":3', '"rating":0'),
    base.replace('"correct":true', '"correct":false'),
    base.replace('"ms":1234', '"ms":12.5'),
    base.replace('"ms":1234', '"ms":0123'),
    base.replace('"ms":1234', '"ms":0'),
    base.replace('"ms":1234', '"ms":999999999999'),
    base.replace('"correct":true,"ms":1234', '"correct":false,"cram":true'),
    base.replace('"correct":true', '"correct":false').replace('}', ',"cram":true}'),
    base.replace('c0ffee00-0000-4000-8000-000000000001', 'x,"ms":5'),
    base.replace('rnn/vanishing', 'rnn/a,"rating":4'),
    base.replace('rnn/vanishing', 'rnn/\\"quoted\\"'),
    base.replace('rnn/vanishing', 'rnn/\\u0041'),
    base.replace('rnn/vanishing', 'rnn/\u0001raw'),
    base.replace('rnn/vanishing', 'rnn/\ttab'),
    base.replace('2026-03-01T09:00:00.000Z', '2026-13-45T09:00:00.000Z'),
    base.replace('2026-03-01T09:00:00.000Z', '2026-03-01T09:00:00Z'),
    base.replace('"v":1', '"v":2'),
    base.replace('}', ',"extra":1}'),
    base.replace('{"v":1,', '{"v":1 ,'),
    `${base} `,
    base.slice(0, -1),
  ])('reads %s as JSON.parse and eventProblem would', (line) => {
    expect(parseEventLog(`${line}\n`).events).toEqual(meaning(line));
  });
});

describe('eventTimeProblem', () => {
  const clock = new Date('2026-06-01T12:00:00.000Z');
  const newest = Date.parse('2026-06-01T11:00:00.000Z');
  const at = (iso: string): Date => new Date(iso);

  it('allows the real clock, and a clock up to five minutes ahead of it', () => {
    expect(CLOCK_TOLERANCE_MS).toBe(300_000);
    expect(eventTimeProblem(clock, { clock, simulated: false, newest })).toBeUndefined();
    expect(eventTimeProblem(at('2026-06-01T12:05:00.000Z'), { clock, simulated: true, newest })).toBeUndefined();
  });

  it('refuses a time later than that', () => {
    expect(eventTimeProblem(at('2026-06-01T12:05:00.001Z'), { clock, simulated: true, newest })).toEqual({ kind: 'future', at: at('2026-06-01T12:05:00.001Z'), clock });
  });

  it('refuses a simulated time before the newest event, never the real clock', () => {
    const early = at('2026-06-01T10:59:59.999Z');
    expect(eventTimeProblem(early, { clock, simulated: true, newest })).toEqual({ kind: 'before-newest', at: early, newest: new Date(newest) });
    expect(eventTimeProblem(at('2026-06-01T11:00:00.000Z'), { clock, simulated: true, newest })).toBeUndefined();
    expect(eventTimeProblem(early, { clock, simulated: false, newest })).toBeUndefined();
    expect(eventTimeProblem(early, { clock, simulated: true, newest: -Infinity })).toBeUndefined();
  });
});

describe('canonicalTime', () => {
  it('gives what Date.parse gives, for every time a review line may hold', () => {
    const texts = ['2024-02-30T00:00:00.000Z', '2023-02-29T23:59:59.999Z', '2024-13-01T00:00:00.000Z', '2024-01-01T24:00:00.000Z', '2024-01-01T23:60:00.000Z', '2024-01-01T23:59:60.000Z', '0000-01-01T00:00:00.000Z', '2024-00-10T00:00:00.000Z', '2024-01-00T00:00:00.000Z', '1969-12-31T23:59:59.999Z', '9999-12-31T23:59:59.999Z'];
    let seed = 7;
    const next = (below: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % below;
    };
    const two = (value: number): string => String(value).padStart(2, '0');
    for (let index = 0; index < 5000; index++) {
      // Digits anywhere in their field's range, valid or not, and runs of times in one hour.
      const hour = `${String(1990 + next(60)).padStart(4, '0')}-${two(next(14))}-${two(next(33))}T${two(next(26))}`;
      for (let inHour = 0; inHour < 3; inHour++) texts.push(`${hour}:${two(next(62))}:${two(next(62))}.${String(next(1000)).padStart(3, '0')}Z`);
    }
    for (const text of texts) expect([text, canonicalTime(text)]).toEqual([text, Date.parse(text)]);
  });
});
