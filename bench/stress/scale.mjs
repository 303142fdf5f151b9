// 7. Scale: two years of reviews (200,000 of them) on every card. Start-up of the everyday commands
//    as ratios to bare `node -e 0`, cold (no derived cache) and warm, the time to save one answer,
//    the log's size and the peak memory.
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, builtinCardIds, cliEnv, createRng, median, mkdirp, run, sandbox, uuid } from './lib.mjs';
import { drivePorcelain } from './porcelain.mjs';

const DAY = 86_400_000;
const RSS_PRELOAD = join(import.meta.dirname, 'rss.cjs');


/**
 * A log in the documented format (README "Your data"): `reviews` review events spread over `days`
 * days before `end`, in time order, on every card; a read event for each lesson early on; a few
 * suspensions, undos and one topic reset, as a real learner's log has.
 */
export function writeHistory(path, { reviews, days, end, seed }) {
  const rng = createRng(seed);
  const cards = builtinCardIds();
  const start = end - days * DAY;
  const lines = [];
  const times = Array.from({ length: reviews }, () => start + Math.floor(rng() * (days * DAY - 60_000))).sort((a, b) => a - b);
  const lessons = [...new Set(cards.map((card) => card.split('/')[0]))];
  lessons.forEach((topic, index) => lines.push({ v: 1, id: uuid(rng), at: new Date(start + index * 3_600_000).toISOString(), type: 'read', lesson: `${topic}/1`, lang: 'en' }));
  let lastReview;
  times.forEach((at, index) => {
    const rating = rng.chance(0.12) ? 1 : rng.chance(0.15) ? 2 : rng.chance(0.85) ? 3 : 4;
    const event = { v: 1, id: uuid(rng), at: new Date(at).toISOString(), type: 'review', card: cards[index % cards.length], rating, correct: rating > 1, ms: rng.int(800, 25_000) };
    lines.push(event);
    lastReview = event;
    if (index % 20_000 === 7) lines.push({ v: 1, id: uuid(rng), at: new Date(at).toISOString(), type: 'suspend', card: event.card });
    if (index % 20_000 === 9) lines.push({ v: 1, id: uuid(rng), at: new Date(at).toISOString(), type: 'unsuspend', card: event.card });
    if (index % 50_000 === 11) lines.push({ v: 1, id: uuid(rng), at: new Date(at + 1000).toISOString(), type: 'undo', target: lastReview.id });
  });
  lines.push({ v: 1, id: uuid(rng), at: new Date(start + (days / 2) * DAY).toISOString(), type: 'reset', scope: 'nlp' });
  lines.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  writeFileSync(path, lines.map((line) => `${JSON.stringify(line)}\n`).join(''));
}

async function timed(args, env, runs) {
  const times = [];
  for (let index = 0; index < runs; index++) {
    const result = await run(args, { env, timeoutMs: 120_000 });
    if (result.code !== 0) throw new Error(`${args.join(' ')} exited ${result.code}: ${result.stderr.slice(0, 300)}`);
    times.push(result.ms);
  }
  return median(times);
}

async function firstQuestion(env, runs, before = () => {}) {
  const times = [];
  for (let index = 0; index < runs; index++) {
    before();
    const outcome = await drivePorcelain({ env, args: ['--seed', '1'], rng: createRng(index), maxAnswers: 0 });
    if (outcome.firstQuestionMs === undefined) throw new Error(`quiz asked no question: ${outcome.stderr.slice(0, 300)}`);
    times.push(outcome.firstQuestionMs);
  }
  return median(times);
}

export async function scaleTrial({ reviews = 200_000, days = 730, runs = 7, seed = 1, checkTargets = true } = {}) {
  const home = mkdirp(join(sandbox('scale'), 'data'));
  const log = join(home, 'events.jsonl');
  const end = Date.parse('2026-03-01T09:00:00Z');
  writeHistory(log, { reviews, days, end, seed });
  const env = cliEnv(home);
  const cache = join(home, 'cache');
  const cold = () => rmSync(cache, { recursive: true, force: true });
  const failures = [];

  const node = [];
  for (let index = 0; index < runs * 2; index++) node.push((await run(['-e', '0'], { env, command: [process.execPath] })).ms);
  const baseline = median(node);

  const measure = async (args) => {
    const coldTimes = [];
    for (let index = 0; index < runs; index++) {
      cold();
      coldTimes.push((await run(args, { env, timeoutMs: 120_000 })).ms);
    }
    await run(args, { env });
    return { cold: median(coldTimes), warm: await timed(args, env, runs) };
  };
  const stats = await measure(['stats', '--json']);
  const list = await measure(['list']);
  const questionCold = await firstQuestion(env, runs, cold);
  await firstQuestion(env, 1);
  const questionWarm = await firstQuestion(env, runs);

  // Saving: the time from sending an answer to reading its result line (the answer is fsynced in
  // between), over a session of 30 answers on the long log.
  const session = await drivePorcelain({ env, args: ['--cram', '--seed', '2'], rng: createRng(seed), maxAnswers: 30 });
  const save = median(session.saveMs);

  // Peak memory of the heaviest command: stats with no cache, replaying all of it.
  cold();
  const rssFile = join(home, '..', 'rss.txt');
  const rss = await run(['-r', RSS_PRELOAD, BIN, 'stats', '--json'], { env: { ...env, STRESS_RSS_FILE: rssFile }, command: [process.execPath], timeoutMs: 120_000 });
  const peakMb = rss.code === 0 ? Number(readFileSync(rssFile, 'utf8')) / 1024 : NaN;
  const logMb = statSync(log).size / 1024 / 1024;

  const ratio = (ms) => ms / baseline;
  const check = (label, value, target) => {
    if (checkTargets && !(value <= target)) failures.push(`${label}: ${value.toFixed(2)} over the target ${target}`);
    return `${value.toFixed(2)}x`;
  };
  return {
    name: `scale: ${reviews.toLocaleString('en')} reviews over ${days} days`,
    figures: [
      ['log size', `${logMb.toFixed(1)} MB`],
      ['bare node -e 0', `${baseline.toFixed(0)} ms`],
      ['stats --json, warm (target ≤ 3x)', check('stats warm', ratio(stats.warm), 3)],
      ['stats --json, cold (target ≤ 10x)', check('stats cold', ratio(stats.cold), 10)],
      ['list, warm (target ≤ 3x)', check('list warm', ratio(list.warm), 3)],
      ['list, cold (target ≤ 10x)', check('list cold', ratio(list.cold), 10)],
      ['first porcelain question, warm (target ≤ 3x)', check('first question warm', ratio(questionWarm), 3)],
      ['first porcelain question, cold (target ≤ 10x)', check('first question cold', ratio(questionCold), 10)],
      ['one answer saved, median ms (target ≤ 2)', (() => {
        if (checkTargets && !(save <= 2)) failures.push(`saving one answer: ${save.toFixed(2)} ms over the target 2 ms`);
        return save.toFixed(2);
      })()],
      ['peak RSS, stats cold (target ≤ 150 MB)', (() => {
        if (checkTargets && !(peakMb <= 150)) failures.push(`peak RSS ${peakMb.toFixed(0)} MB over the target 150 MB`);
        return `${peakMb.toFixed(0)} MB`;
      })()],
    ],
    failures,
  };
}
