import { describe, expect, it } from 'vitest';
import { foldLogEvents, type LogFold } from '../../src/core/event-log.js';
import type { ProgressEvent, ReviewEvent } from '../../src/core/events.js';
import { canonicalJson, isDeviceId, isSyncFileName, mergeEventSources, type EventSource } from '../../src/core/sync-merge.js';

const review = (id: string, at: string, rating: ReviewEvent['rating'] = 3, card = 'rnn/gates'): ReviewEvent => ({ v: 1, id, at, type: 'review', card, rating, correct: rating > 1 });

/** A source whose events sit on lines 1, 2, 3… */
const source = (file: string, events: ProgressEvent[]): EventSource => ({ file, events: events.map((event, index) => ({ event, line: index + 1, time: Date.parse(event.at) })) });

/** The ids a fold is given, in order: what a replay would count. */
const idsFold = (): LogFold<string[]> => {
  const ids: string[] = [];
  return { add: (event) => void ids.push(event.id), value: () => ids };
};

describe('mergeEventSources', () => {
  it('counts an event held by several files once, and each file’s distinct events', () => {
    const a1 = review('a1', '2026-03-01T09:00:00.000Z');
    const a2 = review('a2', '2026-03-01T09:10:00.000Z');
    const b1 = review('b1', '2026-03-01T09:05:00.000Z');
    // A's device file, B's device file (which imported a1 once), A's local log.
    const merged = mergeEventSources([source('a.jsonl', [a1, a2]), source('b.jsonl', [a1, b1, b1]), source('events.jsonl', [a1, a2])]);
    expect(merged.events.map((event) => event.id)).toEqual(['a1', 'b1', 'a2']);
    expect(merged.counts).toEqual([2, 2, 2]);
    expect(merged.conflicts).toEqual([]);
  });

  it('orders by time, and events at the same instant by source, then line', () => {
    const at = '2026-03-01T09:00:00.000Z';
    const suspend: ProgressEvent = { v: 1, id: 's', at, type: 'suspend', card: 'rnn/gates', reason: 'leech' };
    const merged = mergeEventSources([
      source('a.jsonl', [review('late', '2026-03-02T00:00:00.000Z'), review('r', at, 1), suspend]),
      source('b.jsonl', [review('early', '2026-02-28T00:00:00.000Z'), review('same-instant-b', at)]),
    ]);
    expect(merged.events.map((event) => event.id)).toEqual(['early', 'r', 's', 'same-instant-b', 'late']);
  });

  it('does not take the same event with its keys in another order for a conflict', () => {
    const event = review('x', '2026-03-01T09:00:00.000Z');
    const reordered = JSON.parse('{"card":"rnn/gates","correct":true,"rating":3,"type":"review","at":"2026-03-01T09:00:00.000Z","id":"x","v":1}') as ProgressEvent;
    expect(mergeEventSources([source('a.jsonl', [event]), source('b.jsonl', [reordered])]).conflicts).toEqual([]);
  });

  it('keeps the same copy of a conflicting id whichever order the files come in, and says which', () => {
    const good = review('x', '2026-03-01T09:00:00.000Z', 3);
    const again = review('x', '2026-03-01T09:00:00.000Z', 1);
    // canonicalJson sorts keys: "correct":false < "correct":true, so the Again copy sorts first.
    expect(canonicalJson(again) < canonicalJson(good)).toBe(true);
    const forward = mergeEventSources([source('a.jsonl', [good]), source('b.jsonl', [again])]);
    const backward = mergeEventSources([source('b.jsonl', [again]), source('a.jsonl', [good])]);
    expect(forward.events).toEqual([again]);
    expect(backward.events).toEqual([again]);
    expect(forward.conflicts).toEqual([{ id: 'x', kept: { file: 'b.jsonl', line: 1 }, dropped: { file: 'a.jsonl', line: 1 } }]);
    expect(backward.conflicts).toEqual([{ id: 'x', kept: { file: 'b.jsonl', line: 1 }, dropped: { file: 'a.jsonl', line: 1 } }]);
  });

  it('folds as one log would: an undo written on one device cancels a review made on another', () => {
    const onA = [review('a1', '2026-03-01T09:00:00.000Z'), review('a2', '2026-03-01T09:20:00.000Z')];
    const onB: ProgressEvent[] = [review('b1', '2026-03-01T09:10:00.000Z'), { v: 1, id: 'u', at: '2026-03-01T09:30:00.000Z', type: 'undo', target: 'a2' }];
    const merged = mergeEventSources([source('a.jsonl', onA), source('b.jsonl', onB), source('events.jsonl', onB)]);
    expect(foldLogEvents(merged.events, idsFold())).toEqual(['a1', 'b1']);
    // The same events in one log, in time order, fold the same way.
    expect(foldLogEvents([onA[0]!, onB[0]!, onA[1]!, onB[1]!], idsFold())).toEqual(['a1', 'b1']);
  });
});

describe('which files of the sync folder are logs', () => {
  it.each([
    ['3f9a2c1b7d4e.jsonl', true],
    ['laptop.jsonl', true],
    ['3f9a2c1b7d4e (conflicted copy 2026-03-01).jsonl', true],
    ['3f9a2c1b7d4e.sync-conflict-20260301-090000-ABCDEFG.jsonl', true],
    ['.syncthing.3f9a2c1b7d4e.jsonl.tmp', false],
    ['.3f9a2c1b7d4e.jsonl', false],
    ['~3f9a2c1b7d4e.jsonl', false],
    ['.jsonl', false],
    ['notes.txt', false],
    ['3f9a2c1b7d4e.json', false],
  ])('%s: %s', (name, expected) => {
    expect(isSyncFileName(name)).toBe(expected);
  });

  it.each([
    ['3f9a2c1b7d4e', true],
    ['my-laptop_2.home', true],
    ['', false],
    ['../escape', false],
    ['a/b', false],
    ['-starts-with-dash', false],
    ['x'.repeat(65), false],
  ])('device id %j: %s', (text, expected) => {
    expect(isDeviceId(text)).toBe(expected);
  });
});
