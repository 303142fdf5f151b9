import type { CardPhase, Rating } from './card-state.js';

/**
 * One review that counts (not undone), in replay order: what stats and the queue read of it.
 * ReviewLog holds many of them without an object each; `entry` gives one as an object.
 */
export interface ReviewEntry {
  card: string;
  at: Date;
  rating: Rating;
  correct: boolean;
  cram: boolean;
  ms?: number;
  /** The card's phase just before this review: 'new' on a scheduled review introduces the card. */
  phaseBefore: CardPhase;
  /** The card's phase after this review (unchanged by a cram review). */
  phaseAfter: CardPhase;
}

/** A ReviewLog as the derived cache stores it (replay-snapshot.ts): its list of numbers and its card ids. */
export interface StoredReviews {
  fields: number[];
  cards: string[];
}

/**
 * Numbers per review in ReviewLog's list: card (index in its card ids), time (epoch ms), rating,
 * flags (CORRECT, CRAM), phase before and after (indices in PHASES), ms (NO_MS when unknown).
 */
const FIELDS = 7;
const CARD = 0;
const TIME = 1;
const RATING = 2;
const FLAGS = 3;
const BEFORE = 4;
const AFTER = 5;
const MS = 6;
const CORRECT = 1;
const CRAM = 2;
const NO_MS = -1;
const PHASES: readonly CardPhase[] = ['new', 'learning', 'review', 'relearning'];

/**
 * The reviews that count, in replay order, held as one flat list of numbers (FIELDS to a review)
 * and a table of card ids instead of an object per review. A long history keeps ~10,000 reviews
 * (replay.ts thins older ones), and a process just started took ~30 ms to make them into objects
 * and collect them when it read the derived cache; the list is what the cache stores, so reading it
 * back makes nothing per review. Read a review's fields by its index, 0 to length − 1.
 */
export class ReviewLog {
  private readonly fields: number[];
  private readonly cards: string[];
  /** Card id → index in `cards`, made when the first review is pushed (a # field: not part of what the log holds, so two equal logs compare equal). */
  #cardIndex: Map<string, number> | undefined;

  /** Empty, or the log `stored` holds; throws a TypeError for anything else (a cache edited by hand is derived again). */
  constructor(stored: StoredReviews = { fields: [], cards: [] }) {
    const { fields, cards } = stored;
    if (!Array.isArray(fields) || fields.length % FIELDS !== 0 || !Array.isArray(cards)) throw new TypeError('not a stored review log');
    this.fields = fields;
    this.cards = cards;
  }

  /** A log of these entries, in this order. */
  static of(entries: readonly ReviewEntry[]): ReviewLog {
    const log = new ReviewLog();
    for (const entry of entries) log.push(entry);
    return log;
  }

  get length(): number {
    return this.fields.length / FIELDS;
  }

  card(index: number): string {
    return this.cards[this.field(index, CARD)]!;
  }

  /** When the review was answered, epoch ms. */
  time(index: number): number {
    return this.field(index, TIME);
  }

  rating(index: number): Rating {
    return this.field(index, RATING) as Rating;
  }

  correct(index: number): boolean {
    return (this.field(index, FLAGS) & CORRECT) !== 0;
  }

  cram(index: number): boolean {
    return (this.field(index, FLAGS) & CRAM) !== 0;
  }

  phaseBefore(index: number): CardPhase {
    return PHASES[this.field(index, BEFORE)]!;
  }

  phaseAfter(index: number): CardPhase {
    return PHASES[this.field(index, AFTER)]!;
  }

  /** Milliseconds the answer took, if known. */
  ms(index: number): number | undefined {
    const ms = this.field(index, MS);
    return ms === NO_MS ? undefined : ms;
  }

  /** Review `index` as an object. */
  entry(index: number): ReviewEntry {
    const entry: ReviewEntry = {
      card: this.card(index),
      at: new Date(this.time(index)),
      rating: this.rating(index),
      correct: this.correct(index),
      cram: this.cram(index),
      phaseBefore: this.phaseBefore(index),
      phaseAfter: this.phaseAfter(index),
    };
    const ms = this.ms(index);
    if (ms !== undefined) entry.ms = ms;
    return entry;
  }

  /** Every review as an object, in order. */
  entries(): ReviewEntry[] {
    return Array.from({ length: this.length }, (_, index) => this.entry(index));
  }

  push(entry: ReviewEntry): void {
    const flags = (entry.correct ? CORRECT : 0) | (entry.cram ? CRAM : 0);
    this.fields.push(this.indexOfCard(entry.card), entry.at.getTime(), entry.rating, flags, PHASES.indexOf(entry.phaseBefore), PHASES.indexOf(entry.phaseAfter), entry.ms ?? NO_MS);
  }

  /** Appends review `index` of `log` as it is. */
  pushFrom(log: ReviewLog, index: number): void {
    const at = index * FIELDS;
    this.fields.push(this.indexOfCard(log.card(index)), ...log.fields.slice(at + 1, at + FIELDS));
  }

  /** The log as the derived cache stores it (shared, not copied). */
  stored(): StoredReviews {
    return { fields: this.fields, cards: this.cards };
  }

  private field(index: number, field: number): number {
    return this.fields[index * FIELDS + field]!;
  }

  private indexOfCard(card: string): number {
    if (!this.#cardIndex) this.#cardIndex = new Map(this.cards.map((id, index) => [id, index]));
    let index = this.#cardIndex.get(card);
    if (index === undefined) {
      index = this.cards.push(card) - 1;
      this.#cardIndex.set(card, index);
    }
    return index;
  }
}
