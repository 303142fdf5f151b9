/**
 * FSRS-6's memory model: how difficulty D and stability S change with a review, and the recall
 * probability R after t days. The formulas are those of FSRS-6 (open-spaced-repetition, "The
 * Algorithm", FSRS-6) as ts-fsrs 5.4 computes them (its algorithm.ts): the same operations in the
 * same order, rounded to 8 decimals where it rounds, so the results are the same to the last bit.
 * tests/core/fsrs-step.test.ts holds them to ts-fsrs over 1,600 random histories.
 *
 * Why not call ts-fsrs: it reads every weight through a Proxy and recomputes the forgetting curve's
 * constant on each call, which made its `next_state` most of a cold replay of 200,000 reviews. Here
 * the weights are a plain array and the constants are worked out once per scheduler.
 */

/** Stability is kept within [S_MIN, S_MAX] days. */
const S_MIN = 0.001;
const S_MAX = 36500;

export interface Memory {
  difficulty: number;
  stability: number;
}

export interface FsrsMemoryModel {
  /** R after `elapsedDays` with stability `stability`: (1 + factor·t/S)^(−w20), rounded. */
  forgettingCurve(elapsedDays: number, stability: number): number;
  /** D and S after a review graded `grade` (1–4) `elapsedDays` after the last one; `recall` is R then, if known. */
  nextState(memory: Memory, elapsedDays: number, grade: number, recall?: number): Memory;
  /**
   * The stabilities after Hard, Good and Easy in one go (a card in review gets all three intervals),
   * each exactly as nextState gives it: they share R, S^−w9 (or S^−w19 on the same day) and e^((1−R)·w10).
   */
  passStabilities(memory: Memory, elapsedDays: number, recall: number): PassStabilities;
  /** The interval in whole days for a stability, without fuzz: round(S · modifier), 1 to the maximum. */
  nextInterval(stability: number): number;
}

/** Stability after each passing grade: Hard (2), Good (3), Easy (4). */
export interface PassStabilities {
  hard: number;
  good: number;
  easy: number;
}

const roundTo8 = (value: number): number => Math.round(value * 100000000) / 100000000;
const clamp = (value: number, min: number, max: number): number => Math.min(Math.max(value, min), max);

/**
 * The model for weights `w` (21 of them, already clipped as ts-fsrs clips them), with short-term
 * stability on (same-day reviews), an interval modifier for the desired retention and a maximum
 * interval, both as the ts-fsrs engine worked them out.
 */
export function fsrsMemoryModel(w: readonly number[], intervalModifier: number, maximumInterval: number): FsrsMemoryModel {
  const weight = (index: number): number => w[index]!;
  const decay = -weight(20);
  // FSRS-6: factor = 0.9^(1/decay) − 1, so that R = 0.9 when t = S.
  const factor = roundTo8(Math.exp(Math.pow(decay, -1) * Math.log(0.9)) - 1);
  const initDifficulty = (grade: number): number => roundTo8(weight(4) - Math.exp((grade - 1) * weight(5)) + 1);
  const easyDifficulty = initDifficulty(4);
  const expW8 = Math.exp(weight(8));

  const forgettingCurve = (elapsedDays: number, stability: number): number => roundTo8(Math.pow(1 + (factor * elapsedDays) / stability, decay));

  /** D' = mean reversion towards D0(Easy) of D + linear damping of −w6·(G − 3). */
  const nextDifficulty = (d: number, grade: number): number => {
    const delta = -weight(6) * (grade - 3);
    const next = d + roundTo8((delta * (10 - d)) / 9);
    return clamp(roundTo8(weight(7) * easyDifficulty + (1 - weight(7)) * next), 1, 10);
  };
  /**
   * S after a successful recall: S · (1 + e^w8 · (11 − D) · S^−w9 · (e^((1−R)·w10) − 1) · hard · easy).
   * `growth` is the product up to the hard penalty and easy bonus, multiplied in the same order as
   * ts-fsrs does, so sharing it between grades changes no bit.
   */
  const recallGrowth = (d: number, s: number, r: number): number => expW8 * (11 - d) * Math.pow(s, -weight(9)) * (Math.exp((1 - r) * weight(10)) - 1);
  const recallStability = (s: number, growth: number, grade: number): number => {
    const hardPenalty = grade === 2 ? weight(15) : 1;
    const easyBonus = grade === 4 ? weight(16) : 1;
    return roundTo8(clamp(s * (1 + growth * hardPenalty * easyBonus), S_MIN, S_MAX));
  };
  /** S after a lapse: w11 · D^−w12 · ((S + 1)^w13 − 1) · e^((1−R)·w14). */
  const forgetStability = (d: number, s: number, r: number): number =>
    roundTo8(clamp(weight(11) * Math.pow(d, -weight(12)) * (Math.pow(s + 1, weight(13)) - 1) * Math.exp((1 - r) * weight(14)), S_MIN, S_MAX));
  /** e^(w17·(G − 3 + w18)) for each grade G (index G). */
  const shortTermFactor = [0, 1, 2, 3, 4].map((grade) => Math.exp(weight(17) * (grade - 3 + weight(18))));
  /** S after a same-day review: S · S^−w19 · e^(w17·(G − 3 + w18)), not below S for Hard and better; `damping` is S^−w19. */
  const shortTermStability = (s: number, damping: number, grade: number): number => {
    const increase = damping * shortTermFactor[grade]!;
    return roundTo8(clamp(s * (grade >= 2 ? Math.max(increase, 1) : increase), S_MIN, S_MAX));
  };

  return {
    forgettingCurve,
    nextState(memory, elapsedDays, grade, recall) {
      const { difficulty: d, stability: s } = memory;
      if (d === 0 && s === 0) return { difficulty: clamp(initDifficulty(grade), 1, 10), stability: Math.max(weight(grade - 1), 0.1) };
      const r = recall ?? forgettingCurve(elapsedDays, s);
      let stability: number;
      if (elapsedDays === 0) stability = shortTermStability(s, Math.pow(s, -weight(19)), grade);
      else if (grade === 1) stability = clamp(roundTo8(s / Math.exp(weight(17) * weight(18))), S_MIN, forgetStability(d, s, r));
      else stability = recallStability(s, recallGrowth(d, s, r), grade);
      return { difficulty: nextDifficulty(d, grade), stability };
    },
    passStabilities({ difficulty: d, stability: s }, elapsedDays, recall) {
      if (elapsedDays === 0) {
        const damping = Math.pow(s, -weight(19));
        return { hard: shortTermStability(s, damping, 2), good: shortTermStability(s, damping, 3), easy: shortTermStability(s, damping, 4) };
      }
      const growth = recallGrowth(d, s, recall);
      return { hard: recallStability(s, growth, 2), good: recallStability(s, growth, 3), easy: recallStability(s, growth, 4) };
    },
    nextInterval: (stability) => Math.min(Math.max(1, Math.round(stability * intervalModifier)), maximumInterval),
  };
}
