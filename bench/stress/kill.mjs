// 1. kill -9 in the middle of a quiz: every acknowledged answer must be on disk, and the log must
//    stay loadable by every command that comes after.
import { join } from 'node:path';
import { cliEnv, createRng, hasStackTrace, mkdirp, pool, readLog, run, sandbox } from './lib.mjs';
import { drivePorcelain } from './porcelain.mjs';

export async function killTrials({ trials = 200, seed = 1 } = {}) {
  const root = sandbox('kill');
  const failures = [];
  let lost = 0;
  let unloadable = 0;
  let acknowledged = 0;
  let tornLines = 0;
  // Two learners at a time, each on its own data dir, each living through trials/2 kills.
  const lanes = [0, 1].map((lane) => {
    const home = mkdirp(join(root, `lane-${lane}`, 'data'));
    return async () => {
      for (let trial = lane; trial < trials; trial += 2) {
        const rng = createRng(seed * 1000 + trial);
        const env = cliEnv(home);
        const before = readLog(join(home, 'events.jsonl')).reviews.length;
        const byResult = rng.chance(0.5);
        const outcome = await drivePorcelain({
          env,
          args: ['--new', '40', '--seed', String(trial)],
          rng,
          ...(byResult ? { killAfterResults: rng.int(1, 6) } : { killAfterMs: rng.int(0, 300) }),
        });
        acknowledged += outcome.acked.length;
        const log = readLog(join(home, 'events.jsonl'));
        if (log.tornLast) tornLines++;
        const onDisk = log.reviews.length - before;
        if (onDisk < outcome.acked.length) {
          lost += outcome.acked.length - onDisk;
          failures.push(`trial ${trial}: ${outcome.acked.length} answers acknowledged, ${onDisk} on disk`);
        }
        if (log.badLines.length > 0) failures.push(`trial ${trial}: lines ${log.badLines.join(', ')} of the log are not JSON (only a last line may be torn)`);
        if (hasStackTrace(outcome.stderr)) failures.push(`trial ${trial}: stack trace: ${outcome.stderr.slice(0, 300)}`);
        const after = await pool(
          [['stats', '--json'], ['list'], ['quiz', '--porcelain', '--limit', '1']].map((args) => () => run(args, { env, input: '1\n' })),
          1,
        );
        let broken = false;
        for (const [index, result] of after.entries()) {
          if (result.code !== 0 || hasStackTrace(result.stderr)) {
            broken = true;
            failures.push(`trial ${trial}: ${['stats --json', 'list', 'quiz'][index]} exited ${result.code} after the kill: ${result.stderr.trim().slice(0, 200)}`);
          }
        }
        if (broken) unloadable++;
      }
    };
  });
  await Promise.all(lanes.map((lane) => lane()));
  return {
    name: 'kill -9 during quiz',
    figures: [
      ['trials', trials],
      ['answers acknowledged', acknowledged],
      ['answers lost (target 0)', lost],
      ['torn last lines left by a kill', tornLines],
      ['unloadable logs (target 0)', unloadable],
    ],
    failures,
  };
}
