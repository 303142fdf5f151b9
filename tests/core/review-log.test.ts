import { describe, expect, it } from 'vitest';
import { ReviewLog, type ReviewEntry } from '../../src/core/review-log.js';

const entries: ReviewEntry[] = [
  { card: 'rnn/a', at: new Date('2026-03-01T09:00:00.250Z'), rating: 3, correct: true, cram: false, ms: 1200, phaseBefore: 'new', phaseAfter: 'learning' },
  { card: 'nlp/b', at: new Date('2026-03-01T09:01:00.000Z'), rating: 1, correct: false, cram: true, phaseBefore: 'review', phaseAfter: 'review' },
  { card: 'rnn/a', at: new Date('2026-03-02T23:59:59.999Z'), rating: 4, correct: true, cram: false, ms: 0, phaseBefore: 'relearning', phaseAfter: 'review' },
  { card: 'attention/c', at: new Date('2027-01-01T00:00:00.000Z'), rating: 2, correct: true, cram: true, phaseBefore: 'learning', phaseAfter: 'learning' },
];

describe('ReviewLog', () => {
  it('gives back every field of every entry it was given, in order', () => {
    const log = ReviewLog.of(entries);
    expect(log.length).toBe(4);
    expect(log.entries()).toEqual(entries);
    expect([log.card(2), log.time(2), log.rating(2), log.correct(2), log.cram(2), log.phaseBefore(2), log.phaseAfter(2), log.ms(2)]).toEqual([
      'rnn/a',
      Date.parse('2026-03-02T23:59:59.999Z'),
      4,
      true,
      false,
      'relearning',
      'review',
      0,
    ]);
    expect(log.ms(1)).toBeUndefined();
    expect('ms' in log.entry(1)).toBe(false);
  });

  it('stores each card id once, and reads back from its stored form through JSON', () => {
    const log = ReviewLog.of(entries);
    const stored = JSON.parse(JSON.stringify(log.stored()));
    expect(stored.cards).toEqual(['rnn/a', 'nlp/b', 'attention/c']);
    expect(stored.fields).toHaveLength(4 * 7);
    const restored = new ReviewLog(stored);
    expect(restored.entries()).toEqual(entries);
    restored.push(entries[1]!);
    expect(restored.entries().at(-1)).toEqual(entries[1]);
    expect(restored.stored().cards).toEqual(['rnn/a', 'nlp/b', 'attention/c']);
  });

  it('copies chosen entries into another log with pushFrom', () => {
    const log = ReviewLog.of(entries);
    const some = new ReviewLog();
    some.pushFrom(log, 3);
    some.pushFrom(log, 0);
    expect(some.entries()).toEqual([entries[3], entries[0]]);
    expect(some.stored().cards).toEqual(['attention/c', 'rnn/a']);
  });

  it.each([
    ['fields not a list', { fields: 'x', cards: [] }],
    ['a cut-off entry', { fields: [0, 1, 2], cards: ['a'] }],
    ['cards not a list', { fields: [], cards: null }],
  ])('refuses a stored form with %s', (_, stored) => {
    expect(() => new ReviewLog(stored as never)).toThrow(TypeError);
  });
});
