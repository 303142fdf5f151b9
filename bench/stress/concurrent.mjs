// 2. Several terminals quizzing on one data dir at once: every acknowledged answer is on disk, once,
//    on a line of its own.
import { join } from 'node:path';
import { cliEnv, createRng, mkdirp, readLog, sandbox } from './lib.mjs';
import { drivePorcelain } from './porcelain.mjs';

export async function concurrentWriters({ rounds = 10, writers = 4, answers = 50, seed = 1 } = {}) {
  const home = mkdirp(join(sandbox('concurrent'), 'data'));
  const env = cliEnv(home);
  const failures = [];
  let acknowledged = 0;
  for (let round = 0; round < rounds; round++) {
    const before = readLog(join(home, 'events.jsonl'));
    const outcomes = await Promise.all(
      Array.from({ length: writers }, (_, writer) =>
        drivePorcelain({ env, args: ['--cram', '--seed', String(round * writers + writer)], rng: createRng(seed * 7919 + round * writers + writer), maxAnswers: answers }),
      ),
    );
    const after = readLog(join(home, 'events.jsonl'));
    const acked = outcomes.reduce((sum, outcome) => sum + outcome.acked.length, 0);
    acknowledged += acked;
    const added = after.reviews.length - before.reviews.length;
    if (added !== acked) failures.push(`round ${round}: ${acked} answers acknowledged, ${added} reviews added to the log`);
    if (after.badLines.length > 0 || after.tornLast) failures.push(`round ${round}: torn or interleaved lines ${after.badLines.join(', ')}${after.tornLast ? ' (last)' : ''}`);
    const ids = new Set(after.events.map((event) => event.id));
    if (ids.size !== after.events.length) failures.push(`round ${round}: ${after.events.length - ids.size} event ids appear twice`);
    for (const [index, outcome] of outcomes.entries()) {
      if (outcome.code !== 0) failures.push(`round ${round} writer ${index}: exit ${outcome.code}: ${outcome.stderr.slice(0, 200)}`);
      if (outcome.acked.length < answers) failures.push(`round ${round} writer ${index}: only ${outcome.acked.length} of ${answers} answers`);
    }
  }
  const final = readLog(join(home, 'events.jsonl'));
  return {
    name: `${writers} concurrent writers on one data dir`,
    figures: [
      ['rounds', rounds],
      ['answers acknowledged', acknowledged],
      ['reviews on disk', final.reviews.length],
      ['torn or interleaved lines (target 0)', final.badLines.length + (final.tornLast ? 1 : 0)],
    ],
    failures,
  };
}
