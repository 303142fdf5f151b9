import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEmptyCard, default_w, get_fuzz_range, Rating, type Card, type FSRS } from 'ts-fsrs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers.js';
import { simulatedHistory, tutorEngine, type SimulatedReview } from './learner-history.js';
import { cliEnv, Porcelain, quizPack, readEvents, rightAnswer } from './quiz-helpers.js';

// ml-tutor optimize through the built binary, on a simulated learner's 100 days of reviews.

const pack = quizPack();
const OPTIMIZED_AT = '2026-03-01T12:00:00.000Z';
/** Long after mirrors/angle's last review (the learner left it after 20 days): due whatever the weights. */
const QUIZ_AT = '2026-06-01T09:00:00.000Z';
const DAY = 86_400_000;

let history: SimulatedReview[];
let learnerHome: string;

beforeAll(() => {
  const cards = Array.from({ length: 160 }, (_, index) => `sim/card-${index}`);
  cards.splice(3, 0, 'mirrors/angle');
  history = simulatedHistory({ cards, days: 100, start: Date.parse('2025-11-21T09:00:00Z'), newPerDay: 10, seed: 7, stopAfter: { 'mirrors/angle': 20 } });
  learnerHome = tempDir();
  writeFileSync(join(learnerHome, 'events.jsonl'), history.map((event) => `${JSON.stringify(event)}\n`).join(''));
});

function copyOf(home: string): string {
  const copy = tempDir();
  cpSync(home, copy, { recursive: true });
  return copy;
}

function cli(home: string, args: string[], now = OPTIMIZED_AT, env: Record<string, string> = {}): ReturnType<typeof runCli> {
  return runCli([...args, '--lessons', pack], { env: cliEnv(home, now, env) });
}

interface OptimizeJson {
  reviews: number;
  old: { w: number[]; log_loss: number };
  new: { w: number[]; log_loss: number };
  better: boolean;
  saved: boolean;
  dry_run: boolean;
}

/** Each card's reviews, in time order. */
function byCard(reviews: readonly SimulatedReview[]): Map<string, SimulatedReview[]> {
  const cards = new Map<string, SimulatedReview[]>();
  for (const review of reviews) cards.set(review.card, [...(cards.get(review.card) ?? []), review]);
  return cards;
}

const utcDay = (at: string | Date): number => Math.floor(new Date(at).getTime() / DAY);

/**
 * The log loss of an engine's weights on the history, worked out with ts-fsrs itself: each card
 * replayed with engine.next, R from its forgetting curve before each review on a later UTC day.
 */
function tsFsrsLogLoss(engine: FSRS, reviews: readonly SimulatedReview[]): { loss: number; count: number } {
  let sum = 0;
  let count = 0;
  for (const card of byCard(reviews).values()) {
    let state: Card = createEmptyCard(new Date(card[0]!.at));
    card.forEach((review, index) => {
      const days = index === 0 ? 0 : utcDay(review.at) - utcDay(card[index - 1]!.at);
      if (days > 0) {
        const recall = engine.forgetting_curve(days, state.stability);
        sum -= review.rating > 1 ? Math.log(recall) : Math.log(1 - recall);
        count++;
      }
      state = engine.next(state, new Date(review.at), review.rating).card;
    });
  }
  return { loss: sum / count, count };
}

/** The days ts-fsrs's fuzz allows for the interval after Good at QUIZ_AT, with an engine's weights. */
function fuzzRangeAfterGood(engine: FSRS, card: string): { min: number; max: number } {
  const reviews = history.filter((review) => review.card === card);
  let state: Card = createEmptyCard(new Date(reviews[0]!.at));
  for (const review of reviews) state = engine.next(state, new Date(review.at), review.rating).card;
  const after = engine.next(state, new Date(QUIZ_AT), Rating.Good).card;
  const range = get_fuzz_range(after.scheduled_days, utcDay(QUIZ_AT) - utcDay(state.last_review!), engine.parameters.maximum_interval);
  return { min: range.min_ivl, max: range.max_ivl };
}

/** Answer mirrors/angle right in a porcelain quiz at QUIZ_AT: the interval the tutor gives it. */
async function intervalAfterGood(home: string): Promise<number> {
  const quiz = new Porcelain(['mirrors', '--new', '0', '--limit', '1', '--lessons', pack], cliEnv(home, QUIZ_AT));
  const question = await quiz.next();
  expect(question).toMatchObject({ event: 'question', id: 'mirrors/angle' });
  quiz.send(rightAnswer(question));
  const result = await quiz.next();
  quiz.end();
  await quiz.exited;
  expect(result).toMatchObject({ event: 'result', correct: true, rating: 3 });
  return result.interval_days as number;
}

describe('ml-tutor optimize', () => {
  it('fits weights that predict the learner better, saves them as an event, and schedules with them', async () => {
    const home = copyOf(learnerHome);
    const started = Date.now();
    const result = cli(home, ['optimize', '--json']);
    const seconds = (Date.now() - started) / 1000;
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as OptimizeJson;
    // The history has a few thousand reviews; fitting them takes well under the few seconds allowed.
    expect(history.length).toBeGreaterThan(2000);
    expect(seconds).toBeLessThan(10);

    // Old and new, each scored as ts-fsrs replays the history with those weights.
    const defaults = tsFsrsLogLoss(tutorEngine(), history);
    expect(json.reviews).toBe(defaults.count);
    expect(json.old.w).toEqual([...default_w]);
    expect(json.old.log_loss).toBeCloseTo(defaults.loss, 6);
    expect(json.new.w).toHaveLength(21);
    expect(json.new.log_loss).toBeCloseTo(tsFsrsLogLoss(tutorEngine(json.new.w), history).loss, 6);
    expect(json.new.log_loss).toBeLessThan(json.old.log_loss);
    expect(json).toMatchObject({ better: true, saved: true, dry_run: false });

    const events = readEvents(home);
    expect(events).toHaveLength(history.length + 1);
    expect(events[events.length - 1]).toMatchObject({ v: 1, type: 'params', at: OPTIMIZED_AT, w: json.new.w });

    // From now on a card's next interval is the one the new weights give (the replay cache made
    // before the params event, by optimize itself, is not used for it).
    const fitted = fuzzRangeAfterGood(tutorEngine(json.new.w), 'mirrors/angle');
    const standard = fuzzRangeAfterGood(tutorEngine(), 'mirrors/angle');
    expect(fitted.max < standard.min || standard.max < fitted.min).toBe(true);
    const interval = await intervalAfterGood(copyOf(home));
    expect(interval).toBeGreaterThanOrEqual(fitted.min);
    expect(interval).toBeLessThanOrEqual(fitted.max);

    // Run again: the current weights are now the saved ones.
    const again = JSON.parse(cli(home, ['optimize', '--json']).stdout) as OptimizeJson;
    expect(again.old.w).toEqual(json.new.w);
    expect(again.old.log_loss).toBeCloseTo(json.new.log_loss, 12);

    // progress undo takes the weights back: the card is scheduled with the defaults again.
    const undone = cli(home, ['progress', 'undo']);
    const params = readEvents(home).find((event) => event.type === 'params')!;
    expect(undone.stdout).toBe("Undid the FSRS weights fitted on 2026-03-01 12:00; scheduling uses FSRS-6's default weights again.\n");
    expect(readEvents(home).at(-1)).toMatchObject({ type: 'undo', target: params.id });
    const before = await intervalAfterGood(home);
    expect(before).toBeGreaterThanOrEqual(standard.min);
    expect(before).toBeLessThanOrEqual(standard.max);
  });

  it('with sync on, writes the new weights to the sync folder like any answer, and starts from them next time', () => {
    const home = copyOf(learnerHome);
    const folder = tempDir();
    expect(cli(home, ['config', 'sync_dir', folder]).code).toBe(0);
    const result = cli(home, ['optimize', '--json']);
    expect(result.code).toBe(0);
    const fitted = (JSON.parse(result.stdout) as OptimizeJson).new.w;
    const deviceFiles = readdirSync(folder).filter((name) => name.endsWith('.jsonl'));
    expect(deviceFiles).toHaveLength(1);
    const lines = readFileSync(join(folder, deviceFiles[0]!), 'utf8').trim().split('\n');
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ type: 'params', w: fitted });
    const again = JSON.parse(cli(home, ['optimize', '--json', '--dry-run']).stdout) as OptimizeJson;
    expect(again.old.w).toEqual(fitted);
  });

  it('shows old and new weights and their log loss without saving them (--dry-run), in English and Chinese', () => {
    const home = copyOf(learnerHome);
    const log = readFileSync(join(home, 'events.jsonl'), 'utf8');
    const json = JSON.parse(cli(home, ['optimize', '--dry-run', '--json']).stdout) as OptimizeJson;
    expect(json).toMatchObject({ better: true, saved: false, dry_run: true });

    const english = cli(home, ['optimize', '--dry-run']);
    expect(english.code).toBe(0);
    const lines = english.stdout.split('\n');
    expect(lines.slice(0, 4)).toEqual([
      `FSRS weights fitted to your history: ${json.reviews} reviews made on a later day than the card's previous one.`,
      "current: FSRS-6's default weights",
      '',
      '  weight   current   fitted',
    ]);
    expect(lines[4]).toBe(`  w0        0.2120   ${json.new.w[0]!.toFixed(4)}`);
    expect(lines[24]).toBe(`  w20       0.1542   ${json.new.w[20]!.toFixed(4)}`);
    expect(lines.slice(26)).toEqual([
      'Log loss on your history (how well the weights predict what you recalled; lower is better):',
      `  current   ${json.old.log_loss.toFixed(4)}`,
      `  fitted    ${json.new.log_loss.toFixed(4)}`,
      '',
      'Not saved (--dry-run).',
      '',
    ]);

    const chinese = cli(home, ['optimize', '--dry-run', '--lang', 'zh']).stdout.split('\n');
    expect(chinese.slice(0, 4)).toEqual([
      `已根据你的复习记录拟合出 FSRS 参数：共用到 ${json.reviews} 次与这张卡上次复习不在同一天的复习。`,
      '当前：FSRS-6 的默认参数',
      '',
      '  参数     当前     拟合',
    ]);
    expect(chinese.slice(27, 30)).toEqual([`  当前   ${json.old.log_loss.toFixed(4)}`, `  拟合   ${json.new.log_loss.toFixed(4)}`, '']);
    expect(chinese[30]).toBe('没有保存（--dry-run）。');
    expect(readFileSync(join(home, 'events.jsonl'), 'utf8')).toBe(log);
  });

  it('refuses with the number of reviews needed when there are too few (cram practice does not count)', () => {
    const home = tempDir();
    const reviews = simulatedHistory({ cards: ['a/1', 'a/2', 'a/3'], days: 30, start: Date.parse('2026-01-01T09:00:00Z'), newPerDay: 3, seed: 1 });
    const cram = reviews.map((review, index) => ({ ...review, id: `cram-${index}`, cram: true }));
    writeFileSync(join(home, 'events.jsonl'), [...reviews, ...cram].sort((a, b) => a.at.localeCompare(b.at)).map((event) => `${JSON.stringify(event)}\n`).join(''));
    const later = byCard(reviews);
    const count = [...later.values()].reduce((sum, card) => sum + card.filter((review, index) => index > 0 && utcDay(review.at) > utcDay(card[index - 1]!.at)).length, 0);
    expect(count).toBeLessThan(64);
    const english = cli(home, ['optimize']);
    expect(english.code).toBe(1);
    expect(english.stdout).toBe('');
    expect(english.stderr).toBe(
      `ml-tutor: optimize needs at least 64 reviews made on a later day than the card's previous review (cram practice does not count); you have ${count}. Keep quizzing and try again later\n`,
    );
    expect(cli(home, ['optimize', '--lang', 'zh']).stderr).toBe(`ml-tutor: optimize 至少需要 64 次“与这张卡上次复习不在同一天”的复习（突击练习不算），你目前有 ${count} 次。请继续练习，过些日子再试\n`);
    expect(readEvents(home).some((event) => event.type === 'params')).toBe(false);
  });

  it('says in one line that the optimizer cannot be loaded, saves nothing, and leaves every other command working', () => {
    const home = copyOf(learnerHome);
    const log = readFileSync(join(home, 'events.jsonl'), 'utf8');
    const missing = { ML_TUTOR_OPTIMIZER: '/nonexistent/fsrs-binding.js' };
    const result = cli(home, ['optimize'], OPTIMIZED_AT, missing);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'ml-tutor: optimize: the FSRS optimizer (/nonexistent/fsrs-binding.js) could not be loaded: there is no such module. Nothing else is affected: scheduling keeps its current weights\n',
    );
    expect(cli(home, ['optimize', '--lang', 'zh'], OPTIMIZED_AT, missing).stderr).toBe(
      'ml-tutor: optimize：无法加载 FSRS 优化器（/nonexistent/fsrs-binding.js）：找不到这个模块。其他功能都不受影响，复习计划继续使用当前参数\n',
    );
    expect(readFileSync(join(home, 'events.jsonl'), 'utf8')).toBe(log);
    for (const args of [['stats', '--json'], ['list'], ['progress', 'export']]) expect(cli(home, args, OPTIMIZED_AT, missing).code).toBe(0);
  });

  it('refuses what an optimizer returns that is not 21 finite numbers, and saves nothing', () => {
    const home = copyOf(learnerHome);
    const log = readFileSync(join(home, 'events.jsonl'), 'utf8');
    const module = join(tempDir(), 'short-binding.cjs');
    writeFileSync(module, 'class Item {} class Review {} module.exports = { FSRSBindingItem: Item, FSRSBindingReview: Review, computeParameters: async () => [1, 2, 3] };\n');
    const result = cli(home, ['optimize'], OPTIMIZED_AT, { ML_TUTOR_OPTIMIZER: module });
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n')).toHaveLength(2);
    expect(result.stderr).toContain('not 21 finite numbers');
    expect(readFileSync(join(home, 'events.jsonl'), 'utf8')).toBe(log);
  });

  it('skips a params line that does not hold 21 finite numbers, with a warning naming it', () => {
    const home = tempDir();
    const reviews = history.slice(0, 40).map((event) => `${JSON.stringify(event)}\n`);
    reviews.splice(1, 0, `${JSON.stringify({ v: 1, id: 'bad', at: '2025-11-21T09:00:30.000Z', type: 'params', w: [1, 2, 3] })}\n`);
    writeFileSync(join(home, 'events.jsonl'), reviews.join(''));
    const result = cli(home, ['stats', '--json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`warning: ${join(home, 'events.jsonl')}:2: "w" must be a list of 21 finite numbers (FSRS weights), got 3, skipped\n`);
  });

  it('says in Chinese which weights progress undo brings back', () => {
    const home = tempDir();
    const w = (first: number): number[] => [first, ...default_w.slice(1)];
    const events = [
      { v: 1, id: 'p1', at: '2026-02-01T10:00:00.000Z', type: 'params', w: w(0.3) },
      { v: 1, id: 'p2', at: '2026-02-20T10:00:00.000Z', type: 'params', w: w(0.4) },
    ];
    writeFileSync(join(home, 'events.jsonl'), events.map((event) => `${JSON.stringify(event)}\n`).join(''));
    expect(cli(home, ['progress', 'undo', '--lang', 'zh']).stdout).toBe('已撤销 2026-02-20 10:00 拟合的 FSRS 参数，复习计划重新使用 2026-02-01 10:00 拟合的参数。\n');
    expect(cli(home, ['progress', 'undo']).stdout).toBe("Undid the FSRS weights fitted on 2026-02-01 10:00; scheduling uses FSRS-6's default weights again.\n");
  });
});
