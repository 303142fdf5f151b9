// 6. Data dir faults: read-only, missing parent, full disk. An answer that cannot be saved is never
//    acknowledged, the quiz stops with exit 1 and a clear line, and nothing saved before is lost.
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { cliEnv, createRng, hasStackTrace, mkdirp, readLog, run, sandbox } from './lib.mjs';
import { validLines } from './damaged.mjs';
import { drivePorcelain } from './porcelain.mjs';

const isRoot = process.getuid?.() === 0;
// Root writes through any permission bits, so the read-only trials run the CLI as "nobody".
const unprivileged = isRoot ? { uid: 65534, gid: 65534 } : {};

/** Mount a tiny tmpfs (root only); undefined where that is not allowed. */
function tinyDisk(dir, kilobytes) {
  mkdirSync(dir, { recursive: true });
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${kilobytes}k`, 'tmpfs', dir], { stdio: 'ignore' });
  return mounted.status === 0 ? dir : undefined;
}

function unmount(dir) {
  spawnSync('umount', [dir], { stdio: 'ignore' });
}

/** Fill the file system holding `dir` until it refuses another byte. */
function fillDisk(dir) {
  const fd = openSync(join(dir, 'filler'), 'w');
  const block = Buffer.alloc(4096, 120);
  try {
    for (;;) writeSync(fd, block);
  } catch {
    // full
  } finally {
    closeSync(fd);
  }
  const byte = Buffer.alloc(1, 120);
  const tail = openSync(join(dir, 'filler'), 'a');
  try {
    for (;;) writeSync(tail, byte);
  } catch {
    // full to the byte
  } finally {
    closeSync(tail);
  }
}

/** A quiz that must stop at the first answer it cannot save: checks every promise of issue 9 §6. */
function checkRefusedAnswer(label, outcome, logBefore, logAfter, failures) {
  if (outcome.code !== 1) failures.push(`${label}: quiz exited ${outcome.code} (expected 1): ${outcome.stderr.slice(0, 200)}`);
  if (!/not saved/.test(outcome.stderr)) failures.push(`${label}: no "not saved" message: ${JSON.stringify(outcome.stderr.slice(0, 200))}`);
  if (hasStackTrace(outcome.stderr)) failures.push(`${label}: stack trace`);
  const acked = outcome.acked.length;
  const added = logAfter.reviews.length - logBefore.reviews.length;
  if (added !== acked) failures.push(`${label}: ${acked} answers acknowledged but ${added} saved`);
  if (logAfter.badLines.length > 0 || logAfter.tornLast) failures.push(`${label}: the log was left with a torn line`);
  const keptIds = new Set(logAfter.events.map((event) => event.id));
  const lostBefore = logBefore.events.filter((event) => !keptIds.has(event.id)).length;
  if (lostBefore > 0) failures.push(`${label}: ${lostBefore} events saved before were lost`);
}

export async function dataDirFaults({ fullDiskTrials = 10, seed = 1 } = {}) {
  const root = sandbox('faults');
  const rng = createRng(seed);
  const failures = [];
  const rows = [];

  // Read-only data dir, holding a log (as left by an earlier session).
  {
    const home = mkdirp(join(root, 'readonly', 'data'));
    mkdirp(join(root, 'readonly', 'fake-home'));
    const existing = validLines(rng, 10).join('');
    writeFileSync(join(home, 'events.jsonl'), existing);
    chmodSync(home, 0o555);
    chmodSync(join(home, 'events.jsonl'), 0o444);
    const env = cliEnv(home);
    const before = readLog(join(home, 'events.jsonl'));
    const outcome = await drivePorcelain({ env, args: ['--new', '5', '--seed', '1'], rng, ...unprivileged });
    checkRefusedAnswer('read-only data dir', outcome, before, readLog(join(home, 'events.jsonl')), failures);
    const reading = [];
    for (const args of [['list'], ['stats', '--json'], ['read', 'rnn/1', '--no-pager']]) {
      const result = await run(args, { env, ...unprivileged });
      reading.push(result.code === 0);
      if (result.code !== 0 || hasStackTrace(result.stderr)) failures.push(`read-only data dir: ${args.join(' ')} exited ${result.code}: ${result.stderr.slice(0, 200)}`);
    }
    if (readFileSync(join(home, 'events.jsonl'), 'utf8') !== existing) failures.push('read-only data dir: the log changed');
    chmodSync(home, 0o755);
    rows.push(['read-only dir: quiz refused, reading commands working', `${outcome.code === 1 ? 'yes' : 'NO'}, ${reading.filter(Boolean).length}/${reading.length}`]);
  }

  // A data dir whose parent is missing and cannot be made (a file stands where a folder should).
  {
    const parent = mkdirp(join(root, 'missing'));
    writeFileSync(join(parent, 'not-a-folder'), 'x');
    const home = join(parent, 'not-a-folder', 'ml-tutor');
    const env = cliEnv(home);
    const outcome = await drivePorcelain({ env, args: ['--new', '5'], rng });
    checkRefusedAnswer('missing parent', outcome, { reviews: [], events: [] }, { reviews: [], events: [], badLines: [] }, failures);
    const list = await run(['list'], { env });
    if (list.code !== 0) failures.push(`missing parent: list exited ${list.code}: ${list.stderr.slice(0, 200)}`);
    // A parent that is simply missing is created, as mkdir -p would.
    const fresh = join(root, 'missing', 'a', 'b', 'ml-tutor');
    const created = await drivePorcelain({ env: cliEnv(fresh), args: ['--new', '2'], rng, maxAnswers: 2 });
    const saved = readLog(join(fresh, 'events.jsonl')).reviews.length;
    if (created.code !== 0 || saved !== 2) failures.push(`missing parent that can be made: exit ${created.code}, ${saved} answers saved`);
    rows.push(['missing parent: refused when it cannot be made, made when it can', `${outcome.code === 1 ? 'yes' : 'NO'}, ${saved === 2 ? 'yes' : 'NO'}`]);
  }

  // A full disk: a tiny tmpfs (as root), else a file size limit (ulimit -f) on the quiz process.
  let method = 'none';
  let refused = 0;
  let ackedTotal = 0;
  for (let trial = 0; trial < fullDiskTrials; trial++) {
    const dir = join(root, `full-${trial}`);
    const mount = isRoot ? tinyDisk(join(dir, 'disk'), 128) : undefined;
    const home = mount ? mkdirp(join(mount, 'data')) : mkdirp(join(dir, 'data'));
    mkdirp(join(dir, 'fake-home'));
    const log = join(home, 'events.jsonl');
    writeFileSync(log, validLines(rng, rng.int(1, 40)).join(''));
    const before = readLog(log);
    const env = cliEnv(home);
    let outcome;
    if (mount) {
      method = 'tmpfs';
      // Warm the caches first, so that the quiz's own writes are only its answers.
      await run(['list'], { env });
      fillDisk(mount);
      // Free a little, so that a few answers fit and a later one does not.
      const filler = join(mount, 'filler');
      const size = readFileSync(filler).length;
      writeFileSync(filler, Buffer.alloc(Math.max(0, size - rng.int(0, 1500)), 120));
      outcome = await drivePorcelain({ env, args: ['--new', '30', '--seed', String(trial)], rng });
    } else {
      method = 'ulimit -f';
      const limitKb = Math.ceil((readFileSync(log).length + rng.int(0, 1500)) / 1024);
      outcome = await drivePorcelain({ env, args: ['--new', '30', '--seed', String(trial)], rng, shell: `ulimit -f ${limitKb};` });
    }
    ackedTotal += outcome.acked.length;
    const after = readLog(log);
    if (outcome.code === 1) {
      refused++;
      checkRefusedAnswer(`full disk trial ${trial}`, outcome, before, after, failures);
    } else if (outcome.code !== 0) failures.push(`full disk trial ${trial}: exit ${outcome.code}: ${outcome.stderr.slice(0, 200)}`);
    else if (after.reviews.length - before.reviews.length !== outcome.acked.length) failures.push(`full disk trial ${trial}: acknowledged and saved differ`);
    // Every command still reads what was saved.
    const stats = await run(['stats', '--json'], { env });
    if (stats.code !== 0) failures.push(`full disk trial ${trial}: stats exited ${stats.code}: ${stats.stderr.slice(0, 200)}`);
    if (mount) unmount(mount);
    rmSync(dir, { recursive: true, force: true });
  }
  rows.push([`full disk (${method}): trials, answers refused, answers kept`, `${fullDiskTrials}, ${refused}, ${ackedTotal}`]);
  return { name: 'data dir faults', figures: rows, failures };
}
