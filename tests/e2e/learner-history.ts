import { createEmptyCard, fsrs, generatorParameters, Rating, type Card, type FSRS, type Grade } from 'ts-fsrs';

// A learner's progress log as `ml-tutor optimize` meets it, made with ts-fsrs alone (not src/): the
// tutor schedules each card with FSRS-6's default weights (learning steps 1m 10m, relearning 10m, no
// fuzz), and the learner's answers come from a memory of their own, FSRS-6 with other weights: each
// review is recalled with the probability that memory gives. So the history holds what an optimizer
// should find: weights that predict this learner better than the defaults.

const DAY = 86_400_000;
const MINUTE = 60_000;

/** How this simulated learner really remembers: faster forgetting than FSRS-6's defaults assume. */
export const LEARNER_WEIGHTS = [0.1, 0.4, 1.2, 4, 6.4133, 0.8334, 3.0194, 0.001, 1.2, 0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.4];

export function tutorEngine(weights?: number[]): FSRS {
  return fsrs(generatorParameters({ enable_fuzz: false, enable_short_term: true, learning_steps: ['1m', '10m'], relearning_steps: ['10m'], ...(weights ? { w: weights } : {}) }));
}

function lcg(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

export interface SimulatedReview {
  v: 1;
  id: string;
  at: string;
  type: 'review';
  card: string;
  rating: Grade;
  correct: boolean;
}

export interface HistoryOptions {
  /** Card ids, introduced in this order, `newPerDay` a day. */
  cards: string[];
  days: number;
  /** The first day's 09:00 (epoch ms). */
  start: number;
  newPerDay: number;
  seed: number;
  /** Cards the learner stops reviewing after this many days (they come back overdue). */
  stopAfter?: Record<string, number>;
}

/** A day-by-day session of every due card (and today's new ones, steps included), in time order. */
export function simulatedHistory(options: HistoryOptions): SimulatedReview[] {
  const rng = lcg(options.seed);
  const tutor = tutorEngine();
  const memory = tutorEngine(LEARNER_WEIGHTS);
  const state = new Map<string, { scheduled: Card; real: Card }>();
  const reviews: SimulatedReview[] = [];
  let introduced = 0;
  for (let day = 0; day < options.days; day++) {
    let clock = options.start + day * DAY;
    const dayEnd = clock + 12 * 60 * MINUTE;
    for (const card of options.cards.slice(introduced, introduced + options.newPerDay)) state.set(card, { scheduled: createEmptyCard(new Date(clock)), real: createEmptyCard(new Date(clock)) });
    introduced = Math.min(options.cards.length, introduced + options.newPerDay);
    for (;;) {
      let next: string | undefined;
      for (const [card, { scheduled }] of state) {
        if ((options.stopAfter?.[card] ?? Infinity) <= day) continue;
        if (scheduled.due.getTime() > Math.max(clock, dayEnd - 60 * MINUTE)) continue;
        if (next === undefined || scheduled.due < state.get(next)!.scheduled.due) next = card;
      }
      if (next === undefined) break;
      const card = state.get(next)!;
      clock = Math.max(clock + 20_000, card.scheduled.due.getTime());
      const at = new Date(clock);
      const sameDay = card.real.last_review !== undefined && Math.floor(clock / DAY) === Math.floor(card.real.last_review.getTime() / DAY);
      const recall = card.real.last_review === undefined ? 0.7 : sameDay ? 0.9 : memory.get_retrievability(card.real, at, false);
      const roll = rng();
      const rating: Grade = rng() >= recall ? Rating.Again : roll < 0.1 ? Rating.Hard : roll < 0.9 ? Rating.Good : Rating.Easy;
      card.scheduled = tutor.next(card.scheduled, at, rating).card;
      card.real = memory.next(card.real, at, rating).card;
      reviews.push({ v: 1, id: `sim-${String(reviews.length).padStart(6, '0')}`, at: at.toISOString(), type: 'review', card: next, rating, correct: rating !== Rating.Again });
    }
  }
  return reviews;
}
