#!/usr/bin/env node
// Start-up benchmark: medians of whole-process runs, each as a ratio to bare `node -e 0`.
// Targets (issue 2): --help and list <= 1.3x, read (piped) <= 2.0x; search <= 2x list (2.6x node),
// completion at each Tab about as fast as list (1.5x: it also walks the command tree). Run with `npm run bench`
// (BENCH_RUNS=N for more rounds; ML_TUTOR_TRACE_LOAD=1 on one command shows where its time goes).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'ml-tutor.js');
const runs = Number(process.env.BENCH_RUNS ?? 25);
const env = { ...process.env, ML_TUTOR_HOME: mkdtempSync(join(tmpdir(), 'ml-tutor-bench-')), NO_COLOR: '1', LANG: 'C.UTF-8' };
const coldHome = mkdtempSync(join(tmpdir(), 'ml-tutor-bench-'));

// `read` keeps rendered pages (src/io/page-cache.ts), so the target line is a page read before, as
// in the benchmark's repeated runs; the last line, without a target, shows a first reading.
const cases = [
  { name: 'node -e 0', args: ['-e', '0'] },
  { name: 'ml-tutor --help', args: [bin, '--help'], target: 1.3 },
  { name: 'ml-tutor list', args: [bin, 'list'], target: 1.3 },
  // Search reads every lesson's lines (from cache/search-en.json once made): at most about 2x `list`.
  { name: 'ml-tutor search attention', args: [bin, 'search', 'attention'], target: 2.6 },
  { name: 'ml-tutor __complete -- read rn', args: [bin, '__complete', '--', 'read', 'rn'], target: 1.5 },
  { name: 'ml-tutor read deep-learning/1 | cat', args: [bin, 'read', 'deep-learning/1', '--no-pager'], target: 2.0 },
  {
    name: '  (the same, page not cached)',
    args: [bin, 'read', 'deep-learning/1', '--no-pager'],
    env: { ...env, ML_TUTOR_HOME: coldHome },
    before: () => rmSync(join(coldHome, 'cache', 'pages'), { recursive: true, force: true }),
  },
];

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function time({ args, before, env: caseEnv = env }) {
  before?.();
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { env: caseEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return elapsed;
}

// Every round runs each case once, in a shuffled order: a case never always follows the same one,
// and a slow moment of the machine hits the whole round. The "paired" column is the median over
// rounds of (case / node -e 0 in the same round), which such moments disturb least.
let seed = 20261129;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
for (const testCase of cases) time(testCase); // warm the file cache (and the lesson and page caches)
const samples = cases.map(() => []);
const paired = cases.map(() => []);
for (let run = 0; run < runs; run += 1) {
  const order = cases.map((_, index) => index).sort(() => random() - 0.5);
  const round = [];
  for (const index of order) round[index] = time(cases[index]);
  round.forEach((ms, index) => {
    samples[index].push(ms);
    paired[index].push(ms / round[0]);
  });
}

const baseline = median(samples[0]);
let failed = false;
console.log(`median of ${runs} runs each (Node ${process.version})${process.env.NODE_EXTRA_CA_CERTS ? '; NODE_EXTRA_CA_CERTS is set, which slows every Node start alike' : ''}`);
console.log(`${''.padEnd(38)} ${'median'.padStart(10)}  ratio  paired`);
cases.forEach((testCase, index) => {
  const ms = median(samples[index]);
  const ratio = ms / baseline;
  const verdict = testCase.target === undefined ? '' : ratio <= testCase.target ? `ok (target ≤ ${testCase.target}x)` : `OVER target ${testCase.target}x`;
  if (testCase.target !== undefined && ratio > testCase.target) failed = true;
  console.log(`${testCase.name.padEnd(38)} ${ms.toFixed(1).padStart(7)} ms  ${ratio.toFixed(2)}x  ${median(paired[index]).toFixed(2)}x  ${verdict}`);
});
process.exitCode = failed ? 1 : 0;
