import { describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../src/core/events.js';
import { extendReplay, isLeechLapse, replay, thinReviews, topicOfCardId } from '../../src/core/replay.js';
import { computeStats } from '../../src/core/stats.js';
import { createScheduler, localDayNumber, newCardState, type CardState, type Rating } from '../../src/core/schedule.js';
import { card, lcg, read, reset, review, suspend, undo } from './helpers.js';

const exact = createScheduler({ fuzz: false });
const fuzzy = createScheduler({ fuzz: true });
const T0 = new Date('2026-03-01T09:00:00.000Z');
const MINUTE = 60_000;
const DAY = 86_400_000;
const CARD = 'attention/why-scale';

function at(ms: number): Date {
  return new Date(T0.getTime() + ms);
}

/**
 * Plays ratings live the way the quiz command does (answer each card when it falls due, or after
 * `gapMs` when given), returning both the events it would have logged and the states it showed.
 */
function playLive(
  scheduler: typeof exact,
  ratings: readonly Rating[],
  cardId = CARD,
  gapMs?: number,
): { events: ProgressEvent[]; states: CardState[] } {
  let card = newCardState(T0);
  let time = T0;
  const events: ProgressEvent[] = [];
  const states: CardState[] = [];
  ratings.forEach((rating, i) => {
    events.push(review(`${cardId}-${String(i).padStart(3, '0')}`, time, cardId, rating));
    card = scheduler.applyRating(card, rating, time, cardId);
    states.push(card);
    time = gapMs === undefined ? card.due : new Date(time.getTime() + gapMs);
  });
  return { events, states };
}

describe('replay equals live scheduling', () => {
  const sequences: [string, Rating[]][] = [
    ['all Good', [3, 3, 3, 3, 3, 3]],
    ['mixed with lapses', [3, 3, 3, 1, 3, 2, 4, 1, 1, 3, 3]],
    ['Easy then Hard', [4, 2, 2, 3, 4]],
  ];

  it.each(sequences)('%s, fuzz off', (_, ratings) => {
    const { events, states } = playLive(exact, ratings);
    expect(replay(events, { scheduler: exact }).cards.get(CARD)?.schedule).toEqual(states.at(-1));
  });

  it.each(sequences)('%s, fuzz on (fuzz is seeded from the card, so replay agrees)', (_, ratings) => {
    const { events, states } = playLive(fuzzy, ratings);
    expect(replay(events, { scheduler: fuzzy }).cards.get(CARD)?.schedule).toEqual(states.at(-1));
  });

  it('after every prefix of the log, not just the last', () => {
    const { events, states } = playLive(exact, [3, 3, 1, 3, 3, 4, 1, 2, 3]);
    events.forEach((_, i) => {
      expect(replay(events.slice(0, i + 1), { scheduler: exact }).cards.get(CARD)?.schedule).toEqual(states[i]);
    });
  });

  it('reviews answered early or late (every 6 hours) replay the same too', () => {
    const { events, states } = playLive(exact, [3, 3, 3, 1, 3, 3, 3], CARD, 6 * 3600_000);
    expect(replay(events, { scheduler: exact }).cards.get(CARD)?.schedule).toEqual(states.at(-1));
  });

  it('does not depend on the order of lines in the file (merged logs)', () => {
    const a = playLive(exact, [3, 3, 1, 3], 'rnn/a').events;
    const b = playLive(exact, [4, 3, 3], 'nlp/b').events;
    const inOrder = replay([...a, ...b], { scheduler: exact });
    const rng = lcg(42);
    const shuffled = [...b, ...a].sort(() => rng() - 0.5);
    const merged = replay(shuffled, { scheduler: exact });
    expect(merged.cards).toEqual(inOrder.cards);
    const ofCard = (result: typeof merged, card: string): string[] => result.reviews.entries().filter((entry) => entry.card === card).map((entry) => `${entry.at.toISOString()} ${entry.rating}`);
    expect(ofCard(merged, 'rnn/a')).toEqual(ofCard(inOrder, 'rnn/a'));
    expect(ofCard(merged, 'nlp/b')).toEqual(ofCard(inOrder, 'nlp/b'));
  });

  it('keeps the log order of events at the same instant (a pinned clock)', () => {
    const same = at(0);
    const events = [review('b', same, CARD, 1), review('a', same, CARD, 4)];
    expect(replay(events, { scheduler: exact }).reviews.entries().map((entry) => entry.rating)).toEqual([1, 4]);
    expect(replay(events, { scheduler: exact }).lastReviewId).toBe('a');
  });

  it('counts an event id seen twice once (an import of overlapping logs)', () => {
    const { events, states } = playLive(exact, [3, 3, 3]);
    const doubled = [...events, ...events];
    const result = replay(doubled, { scheduler: exact });
    expect(result.reviews).toHaveLength(3);
    expect(result.cards.get(CARD)?.schedule).toEqual(states.at(-1));
  });
});

describe('replay schedules only each card\'s last review in full (the rest in place, without due dates)', () => {
  /**
   * The straightforward replay it stands for: every scheduled review through applyRating, a reset
   * making the card new at its time, in time order.
   */
  function reference(events: readonly ProgressEvent[]): Map<string, CardState> {
    const states = new Map<string, CardState>();
    for (const event of events) {
      if (event.type === 'review') {
        const before = states.get(event.card) ?? newCardState(new Date(event.at));
        states.set(event.card, event.cram ? before : fuzzy.applyRating(before, event.rating, new Date(event.at), event.card));
      } else if (event.type === 'reset') {
        for (const id of states.keys()) if (event.scope === 'all' || topicOfCardId(id) === event.scope) states.set(id, newCardState(new Date(event.at)));
      } else if ((event.type === 'suspend' || event.type === 'unsuspend') && !states.has(event.card)) {
        states.set(event.card, newCardState(new Date(event.at)));
      }
    }
    return states;
  }

  it.each([11, 12, 13, 14])('gives every card the state applyRating review after review gives (seed %i)', (seed) => {
    const next = lcg(seed);
    const cards = ['rnn/a', 'rnn/b', 'attention/c', 'nlp/d', 'nlp/e'];
    let time = T0.getTime();
    const events: ProgressEvent[] = [];
    for (let index = 0; index < 600; index++) {
      // Same-day steps, next-day and months-later reviews, so every phase and branch is met.
      const pick = next();
      time += pick < 0.3 ? Math.floor(next() * 20) * MINUTE : pick < 0.8 ? Math.floor(next() * 10 * DAY) : Math.floor(next() * 120 * DAY);
      const card = cards[Math.floor(next() * cards.length)]!;
      const kind = next();
      if (kind < 0.01) events.push(reset(`z${index}`, new Date(time), next() < 0.5 ? 'all' : 'nlp'));
      else if (kind < 0.03) events.push(suspend(`s${index}`, new Date(time), card, 'suspend'));
      else events.push(review(`r${index}`, new Date(time), card, (1 + Math.floor(next() * 4)) as Rating, { cram: kind > 0.97 }));
    }
    const expected = reference(events);
    const replayed = replay(events, { scheduler: fuzzy });
    expect(new Map([...replayed.cards].map(([id, record]) => [id, record.schedule]))).toEqual(expected);
    // Cut anywhere, continued by extendReplay: the same again (the fold picks up records it did not make).
    for (const split of [1, 97, 300, 599]) {
      const parts = extendReplay(replay(events.slice(0, split), { scheduler: fuzzy }), events.slice(split), { scheduler: fuzzy });
      expect(new Map([...parts.cards].map(([id, record]) => [id, record.schedule]))).toEqual(expected);
    }
  });
});

describe('review entries', () => {
  it('record the phase before each review, the state after, and ms', () => {
    const events = [
      review('r1', at(0), CARD, 3, { ms: 4200 }),
      review('r2', at(10 * MINUTE), CARD, 3),
      review('r3', at(10 * MINUTE + 2 * DAY), CARD, 1),
    ];
    const reviews = replay(events, { scheduler: exact }).reviews.entries();
    expect(reviews.map((entry) => entry.phaseBefore)).toEqual(['new', 'learning', 'review']);
    expect(reviews.map((entry) => entry.phaseAfter)).toEqual(['learning', 'review', 'relearning']);
    expect(reviews[0]?.ms).toBe(4200);
    expect(reviews[1]?.ms).toBeUndefined();
    expect(reviews[2]).toMatchObject({ rating: 1, correct: false, cram: false, card: CARD });
    expect(reviews[2]?.at.toISOString()).toBe(at(10 * MINUTE + 2 * DAY).toISOString());
  });
});

describe('undo', () => {
  const live = playLive(exact, [3, 3, 3, 1]);

  it('cancels its target: undoing the last review gives the state before it', () => {
    const events = [...live.events, undo('u1', at(30 * DAY), 'attention/why-scale-003')];
    const result = replay(events, { scheduler: exact });
    expect(result.cards.get(CARD)?.schedule).toEqual(live.states[2]);
    expect(result.reviews).toHaveLength(3);
    expect(result.lastReviewId).toBe('attention/why-scale-002');
  });

  it('lastReviewId walks back one review per undo', () => {
    const events = [...live.events, undo('u1', at(30 * DAY), 'attention/why-scale-003')];
    expect(replay(events, { scheduler: exact }).lastReviewId).toBe('attention/why-scale-002');
    events.push(undo('u2', at(31 * DAY), 'attention/why-scale-002'));
    const twice = replay(events, { scheduler: exact });
    expect(twice.lastReviewId).toBe('attention/why-scale-001');
    expect(twice.cards.get(CARD)?.schedule).toEqual(live.states[1]);
  });

  it('cancels a review in the middle too; later reviews replay without it', () => {
    const events = [...live.events, undo('u1', at(30 * DAY), 'attention/why-scale-001')];
    const without = live.events.filter((event) => event.id !== 'attention/why-scale-001');
    expect(replay(events, { scheduler: exact }).cards).toEqual(replay(without, { scheduler: exact }).cards);
  });

  it('an undone undo restores its target (redo)', () => {
    const events = [
      ...live.events,
      undo('u1', at(30 * DAY), 'attention/why-scale-003'),
      undo('u2', at(31 * DAY), 'u1'),
    ];
    const result = replay(events, { scheduler: exact });
    expect(result.cards.get(CARD)?.schedule).toEqual(live.states[3]);
    expect(result.lastReviewId).toBe('attention/why-scale-003');
  });

  it('works even when the undo sorts before its target (clock skew between machines)', () => {
    const events = [undo('u0', at(-DAY), 'attention/why-scale-003'), ...live.events];
    expect(replay(events, { scheduler: exact }).cards.get(CARD)?.schedule).toEqual(live.states[2]);
  });

  it('ignores an undo of an unknown event', () => {
    const events = [...live.events, undo('u1', at(30 * DAY), 'no-such-event')];
    expect(replay(events, { scheduler: exact }).cards.get(CARD)?.schedule).toEqual(live.states[3]);
  });

  it('has no lastReviewId without reviews', () => {
    expect(replay([], { scheduler: exact }).lastReviewId).toBeUndefined();
  });
});

describe('reset', () => {
  const attention = playLive(exact, [3, 3, 3], 'attention/a');
  const rnn = playLive(exact, [3, 3, 3], 'rnn/b');
  const later = at(60 * DAY);

  it("'all' makes every card reviewed before it new again", () => {
    const result = replay([...attention.events, ...rnn.events, reset('x', later, 'all')], { scheduler: exact });
    expect(result.cards.get('attention/a')?.schedule).toEqual(newCardState(later));
    expect(result.cards.get('rnn/b')?.schedule.state).toBe('new');
    // History is kept: the reviews still happened.
    expect(result.reviews).toHaveLength(6);
  });

  it('a topic id resets that topic only', () => {
    const result = replay([...attention.events, ...rnn.events, reset('x', later, 'rnn')], { scheduler: exact });
    expect(result.cards.get('attention/a')?.schedule).toEqual(attention.states.at(-1));
    expect(result.cards.get('rnn/b')?.schedule.state).toBe('new');
  });

  it('reviews after the reset start from a new card', () => {
    const after = [review('z1', at(61 * DAY), 'rnn/b', 3), review('z2', at(61 * DAY + 10 * MINUTE), 'rnn/b', 3)];
    const result = replay([...rnn.events, reset('x', later, 'all'), ...after], { scheduler: exact });
    const fresh = exact.applyRating(exact.applyRating(newCardState(later), 3, at(61 * DAY), 'rnn/b'), 3, at(61 * DAY + 10 * MINUTE), 'rnn/b');
    expect(result.cards.get('rnn/b')?.schedule).toEqual(fresh);
    expect(result.reviews.entries().at(-2)?.phaseBefore).toBe('new');
  });

  it('can be undone', () => {
    const events = [...attention.events, reset('x', later, 'all'), undo('u', at(61 * DAY), 'x')];
    expect(replay(events, { scheduler: exact }).cards.get('attention/a')?.schedule).toEqual(attention.states.at(-1));
  });

  it('uses topicOf when given (cards whose ids do not start with their topic)', () => {
    const events = [...playLive(exact, [3], 'why-scale').events, reset('x', later, 'attention')];
    const byDefault = replay(events, { scheduler: exact });
    expect(byDefault.cards.get('why-scale')?.schedule.state).toBe('learning');
    const mapped = replay(events, { scheduler: exact, topicOf: () => 'attention' });
    expect(mapped.cards.get('why-scale')?.schedule.state).toBe('new');
  });

  it('keeps a card suspended', () => {
    const events = [...attention.events, suspend('s', at(50 * DAY), 'attention/a'), reset('x', later, 'all')];
    expect(replay(events, { scheduler: exact }).cards.get('attention/a')?.suspended).toBe(true);
  });
});

describe('cram reviews', () => {
  it('are recorded but do not move the schedule', () => {
    const live = playLive(exact, [3, 3]);
    const cram = review('c1', at(DAY / 2), CARD, 1, { cram: true });
    const result = replay([...live.events, cram], { scheduler: exact });
    expect(result.cards.get(CARD)?.schedule).toEqual(live.states[1]);
    expect(result.reviews.entries().at(-1)).toMatchObject({ at: at(DAY / 2), rating: 1, cram: true, phaseBefore: 'review' });
    expect(result.reviews.entries().at(-1)?.phaseAfter).toBe(live.states[1]!.state);
    expect(result.lastReviewId).toBe('c1');
  });

  it('leave a never-seen card new', () => {
    const result = replay([review('c1', at(0), CARD, 3, { cram: true })], { scheduler: exact });
    expect(result.cards.get(CARD)?.schedule.state).toBe('new');
    expect(result.reviews.entries()[0]?.phaseBefore).toBe('new');
  });
});

describe('suspend and unsuspend', () => {
  it.each([
    [['suspend'], true],
    [['suspend', 'unsuspend'], false],
    [['suspend', 'unsuspend', 'suspend'], true],
    [['unsuspend'], false],
  ] as const)('%j → suspended %s', (sequence, expected) => {
    const events = sequence.map((type, i) => suspend(`s${i}`, at(i * MINUTE), CARD, type));
    const record = replay(events, { scheduler: exact }).cards.get(CARD);
    expect(record?.suspended).toBe(expected);
    expect(record?.schedule.state).toBe('new');
  });

  it('an undone suspend leaves the card active', () => {
    const events = [review('r', at(0), CARD, 3), suspend('s', at(MINUTE), CARD), undo('u', at(2 * MINUTE), 's')];
    expect(replay(events, { scheduler: exact }).cards.get(CARD)?.suspended).toBe(false);
    // With nothing else about the card, an undone suspend leaves no trace of it at all.
    expect(replay(events.slice(1), { scheduler: exact }).cards.has(CARD)).toBe(false);
  });
});

describe('leeches', () => {
  it.each([
    [7, false],
    [8, true],
    [9, false],
    [11, false],
    [12, true],
    [16, true],
    [0, false],
  ])('isLeechLapse(%i) is %s', (lapses, expected) => {
    expect(isLeechLapse(lapses)).toBe(expected);
  });

  /** Easy into review, then `lapses` times: Again on the due date and Good through relearning. */
  function lapsing(lapses: number): { events: ProgressEvent[]; end: Date } {
    let card = newCardState(T0);
    let time = T0;
    const events: ProgressEvent[] = [];
    const answer = (rating: Rating): void => {
      events.push(review(`r${String(events.length).padStart(3, '0')}`, time, CARD, rating));
      card = exact.applyRating(card, rating, time, CARD);
      time = card.due;
    };
    answer(4);
    for (let i = 0; i < lapses; i++) {
      answer(1);
      while (card.state !== 'review') answer(3);
    }
    return { events, end: time };
  }

  it('7 lapses is not a leech', () => {
    const record = replay(lapsing(7).events, { scheduler: exact }).cards.get(CARD);
    expect(record?.schedule.lapses).toBe(7);
    expect(record).toMatchObject({ leech: false, needsLeechSuspend: false });
  });

  it('the 8th lapse makes it a leech that needs suspending', () => {
    const record = replay(lapsing(8).events, { scheduler: exact }).cards.get(CARD);
    expect(record?.schedule.lapses).toBe(8);
    expect(record).toMatchObject({ leech: true, needsLeechSuspend: true, suspended: false });
  });

  it('once suspended it no longer asks to be; unsuspended it is asked about again at 12', () => {
    const { events, end } = lapsing(8);
    const suspended = [...events, suspend('s', end, CARD)];
    expect(replay(suspended, { scheduler: exact }).cards.get(CARD)).toMatchObject({
      leech: true,
      needsLeechSuspend: false,
      suspended: true,
    });
    const unsuspended = [...suspended, suspend('s2', new Date(end.getTime() + MINUTE), CARD, 'unsuspend')];
    expect(replay(unsuspended, { scheduler: exact }).cards.get(CARD)?.needsLeechSuspend).toBe(false);

    const twelve = lapsing(12).events;
    // The same learner, who suspended at 8 and unsuspended at once, lapsing on to 12:
    const firstEight = events.length;
    const withActions = [
      ...twelve.slice(0, firstEight),
      suspend('s', end, CARD),
      suspend('s2', new Date(end.getTime() + 1), CARD, 'unsuspend'),
      ...twelve.slice(firstEight),
    ];
    const eleven = lapsing(11).events.length;
    const upToEleven = replay(withActions.slice(0, eleven + 2), { scheduler: exact }).cards.get(CARD);
    expect(upToEleven?.schedule.lapses).toBe(11);
    expect(upToEleven?.needsLeechSuspend).toBe(false);
    const atTwelve = replay(withActions, { scheduler: exact }).cards.get(CARD);
    expect(atTwelve?.schedule.lapses).toBe(12);
    expect(atTwelve?.needsLeechSuspend).toBe(true);
  });

  it('a card already suspended (reviews from another machine) is not asked to be suspended again', () => {
    const { events } = lapsing(8);
    const early = new Date(T0.getTime() + MINUTE);
    const record = replay([...events, suspend('s', early, CARD)], { scheduler: exact }).cards.get(CARD);
    expect(record).toMatchObject({ leech: true, suspended: true, needsLeechSuspend: false });
  });

  it('a reset clears the leech', () => {
    const { events, end } = lapsing(8);
    const record = replay([...events, reset('x', end, 'attention')], { scheduler: exact }).cards.get(CARD);
    expect(record).toMatchObject({ leech: false, needsLeechSuspend: false });
  });
});

describe('other events', () => {
  it('read events do not touch cards', () => {
    const events = [read('a', at(0), 'attention/why-attention'), review('r', at(MINUTE), CARD, 3)];
    const result = replay(events, { scheduler: exact });
    expect([...result.cards.keys()]).toEqual([CARD]);
    expect(result.ignored).toEqual([]);
  });

  it('skips events it cannot use and says why, keeping the rest', () => {
    const bad = { ...review('bad-time', at(0), CARD, 3), at: 'yesterday' };
    const badRating = { ...review('bad-rating', at(0), CARD, 3), rating: 7 } as unknown as ProgressEvent;
    const good = review('ok', at(0), CARD, 3);
    const result = replay([bad, badRating, good], { scheduler: exact });
    expect(result.ignored).toEqual([
      { id: 'bad-time', reason: 'unreadable time "yesterday"' },
      { id: 'bad-rating', reason: 'rating must be 1, 2, 3 or 4, got 7' },
    ]);
    expect(result.reviews.entries().map((entry) => [entry.rating, entry.phaseBefore])).toEqual([[3, 'new']]);
  });
});

describe('topicOfCardId', () => {
  it.each([
    ['attention/why-scale', 'attention'],
    ['deep-learning/a/b', 'deep-learning'],
    ['loose', 'loose'],
  ])('%s → %s', (id, topic) => {
    expect(topicOfCardId(id)).toBe(topic);
  });
});

describe('extendReplay and thinReviews (the derived cache, issue 9)', () => {
  /** A random history over `days` days, in time order, several cards, some cram and suspensions. */
  function history(seed: number, days: number, count: number): ProgressEvent[] {
    const next = lcg(seed);
    const times = Array.from({ length: count }, () => T0.getTime() + Math.floor(next() * days * DAY)).sort((a, b) => a - b);
    return times.map((time, index) => {
      const card = ['rnn/a', 'rnn/b', 'attention/c', 'nlp/d'][index % 4]!;
      if (index % 37 === 5) return suspend(`s${index}`, at(time - T0.getTime()), card, index % 2 === 0 ? 'suspend' : 'unsuspend');
      if (index % 53 === 7) return reset(`z${index}`, at(time - T0.getTime()), 'rnn');
      return review(`r${index}`, at(time - T0.getTime()), card, (1 + Math.floor(next() * 4)) as Rating, { cram: index % 11 === 0 });
    });
  }

  it.each([1, 2, 3])('replaying a log in two parts gives what replaying it whole gives (seed %i)', (seed) => {
    const events = history(seed, 90, 400);
    for (const split of [1, 150, 399]) {
      const whole = replay(events, { scheduler: fuzzy });
      const parts = extendReplay(replay(events.slice(0, split), { scheduler: fuzzy }), events.slice(split), { scheduler: fuzzy });
      expect(parts).toEqual(whole);
    }
  });

  it('keeps every recent review and the first review of each older local day', () => {
    const events = history(4, 120, 600);
    const result = replay(events, { scheduler: exact });
    const keepSince = T0.getTime() + 80 * DAY;
    const thinned = thinReviews(result.reviews, keepSince, 480).entries();
    const all = result.reviews.entries();
    const recent = all.filter((entry) => entry.at.getTime() >= keepSince);
    expect(thinned.filter((entry) => entry.at.getTime() >= keepSince)).toEqual(recent);
    const dayOf = (entry: { at: Date }): number => localDayNumber(entry.at, 480);
    const olderDays = new Set(all.filter((entry) => entry.at.getTime() < keepSince).map(dayOf));
    const thinnedOlder = thinned.filter((entry) => entry.at.getTime() < keepSince);
    expect(thinnedOlder.map(dayOf)).toEqual([...olderDays].sort((a, b) => a - b));
    for (const day of olderDays) expect(thinnedOlder.find((entry) => dayOf(entry) === day)).toEqual(all.find((entry) => dayOf(entry) === day));
  });

  it('thins as it replays exactly as thinReviews thins afterwards, with the same cards', () => {
    const events = history(6, 150, 700);
    const keepSince = T0.getTime() + 100 * DAY;
    const whole = replay(events, { scheduler: fuzzy });
    const thinned = replay(events, { scheduler: fuzzy, thin: { keepSince, utcOffset: -300 } });
    expect(thinned.reviews.entries()).toEqual(thinReviews(whole.reviews, keepSince, -300).entries());
    expect(thinned.cards).toEqual(whole.cards);
    expect(thinned.lastReviewId).toBe(whole.lastReviewId);
  });

  it('gives the same stats after thinning, for any time after the latest review', () => {
    const events = history(5, 200, 900);
    const result = replay(events, { scheduler: exact });
    const last = result.reviews.time(result.reviews.length - 1);
    const thinned = { ...result, reviews: thinReviews(result.reviews, last - 35 * DAY, 480) };
    expect(thinned.reviews.length).toBeLessThan(result.reviews.length / 2);
    const questions = ['rnn/a', 'rnn/b', 'attention/c', 'nlp/d'].map((id) => card(id, `${id.split('/')[0]}/lesson`));
    for (const offset of [0, 3 * 3_600_000, 2 * DAY, 40 * DAY]) {
      const now = new Date(last + offset);
      expect(computeStats(questions, thinned, { now, utcOffset: 480 })).toEqual(computeStats(questions, result, { now, utcOffset: 480 }));
    }
  });
});
