#!/usr/bin/env node
// The stress suite (issue 9): crash, concurrency, damaged-log, fuzzing, fault and scale trials of the
// built binary. Prints a table of figures per section and exits 1 if any trial failed.
//   npm run stress                      everything, at full size (about half an hour on 2 cores)
//   npm run stress -- --quick           every section, small (what npm test runs)
//   npm run stress -- kill fuzz-args    only these sections
//   STRESS_SEED=7 npm run stress        another seed (every trial is reproducible from it)
import { cleanup } from './stress/lib.mjs';
import { killTrials } from './stress/kill.mjs';
import { concurrentWriters } from './stress/concurrent.mjs';
import { damagedLogs } from './stress/damaged.mjs';
import { fuzzArguments } from './stress/fuzz-args.mjs';
import { fuzzPacks } from './stress/fuzz-packs.mjs';
import { dataDirFaults } from './stress/faults.mjs';
import { scaleTrial } from './stress/scale.mjs';

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const only = argv.filter((arg) => !arg.startsWith('--'));
const seed = Number(process.env.STRESS_SEED ?? 1);

const sections = {
  // Timing targets are checked only at full size: a quick run is for correctness (npm test runs it).
  kill: () => killTrials({ trials: quick ? 6 : 200, seed }),
  concurrent: () => concurrentWriters({ rounds: quick ? 1 : 10, answers: quick ? 10 : 50, seed }),
  damaged: () => damagedLogs({ seed }),
  'fuzz-args': () => fuzzArguments({ runs: quick ? 60 : 5000, seed }),
  'fuzz-packs': () => fuzzPacks({ packs: quick ? 20 : 2000, seed, bigLesson: !quick }),
  faults: () => dataDirFaults({ fullDiskTrials: quick ? 3 : 20, seed }),
  scale: () => scaleTrial({ reviews: quick ? 20_000 : 200_000, runs: quick ? 3 : 9, seed, checkTargets: !quick }),
};

const unknown = only.filter((name) => !(name in sections));
if (unknown.length > 0) {
  console.error(`stress: unknown section ${unknown.join(', ')} (sections: ${Object.keys(sections).join(', ')})`);
  process.exit(2);
}

let failed = 0;
console.log(`ml-tutor stress suite (${quick ? 'quick' : 'full'}, seed ${seed}, Node ${process.version})`);
for (const [name, section] of Object.entries(sections)) {
  if (only.length > 0 && !only.includes(name)) continue;
  const started = performance.now();
  const report = await section();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`\n${report.name}  (${seconds} s)`);
  for (const [label, value] of report.figures) console.log(`  ${label.padEnd(52)} ${String(value).padStart(12)}`);
  if (report.failures.length > 0) {
    failed += report.failures.length;
    console.log(`  FAILED: ${report.failures.length}`);
    for (const failure of report.failures.slice(0, 20)) console.log(`    - ${failure}`);
    if (report.failures.length > 20) console.log(`    … and ${report.failures.length - 20} more`);
  } else {
    console.log('  ok');
  }
}
cleanup();
console.log(failed === 0 ? '\nstress: all sections passed' : `\nstress: ${failed} failure${failed === 1 ? '' : 's'}`);
process.exitCode = failed === 0 ? 0 : 1;
