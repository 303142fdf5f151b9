// 4. Fuzzed command lines: real commands and flags with hostile values. No stack trace, only the
//    documented exit codes, no hang, and nothing written outside the sandbox but the data dir (and
//    the file a successful `progress export` was asked to write, and the device's file in a folder
//    `config sync_dir` was given).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { cliEnv, createRng, hasStackTrace, mkdirp, OK_EXIT_CODES, pool, run, sandbox, snapshotTree, treeChanges } from './lib.mjs';

const HOSTILE = [
  '', ' ', '0', '-1', '-0', '1e309', '-1e309', 'NaN', 'Infinity', '0x10', '1.5', '99999999999999999999', '2147483648',
  '1,2,3', '1;2;3', '1,0;0,1', ',,,', ';;', '1,a', '１,２', '1e-400', '3.0000000000000004',
  'x'.repeat(10_000), '9'.repeat(400), '注意力', '😀', 'e\u0301', '\u202eevil', 'a\u0001b', '\u001b[2J', '\u001b]0;pwned\u0007',
  // Paths: relative ones resolve inside the sandbox (the working directory is deep in it); system
  // paths appear only as the sandbox's own decoys (SANDBOX is replaced), never as the real ones.
  '../../etc/passwd', '../../../../../../../../etc/shadow', 'SANDBOX/etc/passwd', 'SANDBOX/dev/zero', 'SANDBOX/fifo', '.', '..', '~', '$HOME',
  '`touch pwned`', '$(touch pwned)', '; rm -rf /', '| cat', '&& echo hi', "'", '"', '\\', '%s%n', '{"a":1}', '[]', 'null', '--', '-', '--help', '-h',
  'attention', 'rnn', 'nlp', 'deep-learning', 'attention/2', 'rnn/1', 'rnn/lstm', 'attention/why-scale', 'softmax', 'glossary', 'zh', 'en', 'fr',
];

const COMMANDS = {
  list: { positional: 1, flags: ['--json'] },
  read: { positional: 1, flags: ['--width', '--no-pager', '--outline', '--section', '--json'], valued: ['--width', '--section'] },
  next: { positional: 0, flags: ['--width', '--no-pager'], valued: ['--width'] },
  quiz: { positional: 1, flags: ['--new', '--limit', '--cram', '--seed', '--porcelain'], valued: ['--new', '--limit', '--seed'] },
  stats: { positional: 0, flags: ['--json'] },
  optimize: { positional: 0, flags: ['--dry-run', '--json'] },
  validate: { positional: 1, flags: ['--json'] },
  config: { positional: 2, flags: ['--unset', '--json'], words: ['lang', 'new_per_day', 'desired_retention', 'sync_dir', 'nosuch'] },
  help: { positional: 1, words: ['read', 'quiz', 'demo', 'nosuch'] },
  'progress undo': { positional: 0 },
  'progress suspend': { positional: 1 },
  'progress unsuspend': { positional: 1 },
  'progress export': { positional: 1, flags: ['--force'] },
  'progress import': { positional: 1 },
  'progress reset': { positional: 0, flags: ['--topic', '--yes'], valued: ['--topic'] },
  progress: { positional: 1 },
  demo: { positional: 1 },
  '': { positional: 1 },
};
const GLOBAL = ['--lang', '--lessons', '--no-color', '--version', '--help'];

/** Each demo's flags, as its --help lists them. */
async function demoFlags(env) {
  const listing = await run(['demo'], { env });
  const names = [...listing.stdout.matchAll(/^ {2}([a-z0-9-]+) {2,}/gm)].map((match) => match[1]);
  const flags = {};
  for (const name of names) {
    const help = await run(['demo', name, '--help'], { env });
    flags[name] = [...new Set([...help.stdout.matchAll(/^ {2}(--[a-z-]+)/gm)].map((match) => match[1]))];
  }
  return flags;
}

function argvFor(rng, demos, packDir, root) {
  const value = () => (rng.chance(0.8) ? rng.pick(HOSTILE).replace('SANDBOX', root) : String(rng.int(-5, 5000)));
  const name = rng.pick(Object.keys(COMMANDS));
  const spec = COMMANDS[name];
  const argv = name ? name.split(' ') : [];
  if (name === 'demo') {
    const demo = rng.chance(0.9) ? rng.pick(Object.keys(demos)) : value();
    argv.push(demo);
    for (let index = rng.int(0, 4); index > 0; index--) {
      argv.push(rng.pick(demos[demo] ?? ['--json', '--seed']));
      if (rng.chance(0.85)) argv.push(value());
    }
  } else {
    for (let index = rng.int(0, spec.positional); index > 0; index--) argv.push(spec.words && rng.chance(0.5) ? rng.pick(spec.words) : value());
    for (const flag of spec.flags ?? []) {
      if (!rng.chance(0.35)) continue;
      argv.push(flag);
      if ((spec.valued ?? []).includes(flag) || rng.chance(0.05)) argv.push(value());
    }
  }
  for (const flag of GLOBAL) {
    if (!rng.chance(0.08)) continue;
    argv.push(flag);
    if (flag === '--lang') argv.push(rng.chance(0.5) ? rng.pick(['zh', 'en']) : value());
    if (flag === '--lessons') argv.push(rng.chance(0.5) ? packDir : value());
  }
  if (rng.chance(0.05)) argv.splice(rng.int(0, argv.length), 0, `--${rng.pick(['jsno', 'x', 'porcelain', 'lang=zh', ''])}`);
  // Never a value that names the real root for a written file (the sandbox cannot cover /etc).
  return argv;
}

/** A word commander takes as a (negative number) argument, not a flag: -0, -1.5, -1e309. */
const NEGATIVE_NUMBER = /^-(\d+|\d*\.\d+)(e[+-]?\d+)?$/;
/** Global flags whose value may be the next word (`--lang zh`). */
const FLAGS_WITH_VALUES = new Set(['--lang', '--lessons']);

/**
 * The file `progress export` was asked to write, read from the words as the command line reads them:
 * flags may come anywhere (a value flag takes the next word), a negative number is an argument, and
 * after `--` every word is one, even one that starts with dashes (`-- progress export --force`
 * exports to "--force").
 */
function exportTarget(argv) {
  const words = [];
  let optionsEnded = false;
  for (let index = 0; index < argv.length; index++) {
    const word = argv[index];
    if (!optionsEnded && word === '--') optionsEnded = true;
    else if (!optionsEnded && word.length > 1 && word.startsWith('-') && !NEGATIVE_NUMBER.test(word)) {
      if (FLAGS_WITH_VALUES.has(word)) index++;
    } else words.push(word);
  }
  return words[0] === 'progress' && words[1] === 'export' ? words[2] : undefined;
}

export async function fuzzArguments({ runs = 5000, seed = 1, concurrency = 3 } = {}) {
  const root = sandbox('fuzz-args');
  // Deep enough that "../../etc/passwd" from the working directory stays inside the sandbox.
  const cwd = mkdirp(join(root, 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'work'));
  const home = mkdirp(join(root, 'data'));
  const packDir = mkdirp(join(root, 'pack', 'extra'));
  mkdirSync(join(root, 'fake-home'), { recursive: true });
  writeFileSync(join(packDir, 'topic.en.md'), '---\nid: extra\ntitle: Extra\n---\nAn extra topic.\n');
  writeFileSync(join(packDir, '01-one.en.md'), '---\nid: extra/one\ntitle: One\nminutes: 1\nobjectives: [a]\nprerequisites: []\n---\n## One\n\nText.\n');
  mkdirSync(join(root, 'etc'), { recursive: true });
  writeFileSync(join(root, 'etc', 'passwd'), 'root:x:0:0:decoy\n');
  mkdirSync(join(root, 'dev'), { recursive: true });
  writeFileSync(join(root, 'dev', 'zero'), '');
  spawnSync('mkfifo', [join(root, 'fifo')]);
  // As root, every fuzzed command runs as "nobody", owning only the sandbox: whatever a command line
  // asks for, it cannot write anywhere else (an early version of this fuzzer, run as root, had
  // \`progress export /etc/passwd\` replace the machine's /etc/passwd).
  const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  if (asNobody.uid !== undefined) spawnSync('chown', ['-R', '65534:65534', root]);
  const env = cliEnv(home);
  const demos = await demoFlags(env);
  const rng = createRng(seed);
  const failures = [];
  let stackTraces = 0;
  let badExits = 0;
  let hangs = 0;
  let strayFiles = 0;
  let slowest = 0;
  const codes = new Map();
  // /etc/passwd and friends are outside the sandbox: check that nothing touched them.
  const watched = ['/etc/passwd', '/etc/shadow', '/etc/group'].filter(existsSync);
  const watchedBefore = new Map(watched.map((path) => [path, snapshotTree('/etc', new Set()).get(path)]));

  // Each batch runs in parallel; the tree is compared after each batch, and a stray file is traced
  // back to its batch's command lines.
  const batches = [];
  for (let start = 0; start < runs; start += concurrency) batches.push(Array.from({ length: Math.min(concurrency, runs - start) }, () => argvFor(rng, demos, packDir, root)));
  const skip = new Set([home]);
  for (const batch of batches) {
    const before = snapshotTree(root, skip);
    const results = await pool(
      batch.map((argv) => () => run(argv, { env, cwd, input: rng.chance(0.3) ? '1\n2\nskip\nquit\n' : '', timeoutMs: 10_000, ...asNobody })),
      concurrency,
    );
    const changed = treeChanges(before, snapshotTree(root, skip));
    for (const [index, result] of results.entries()) {
      const argv = batch[index];
      const shown = JSON.stringify(argv).slice(0, 200);
      slowest = Math.max(slowest, result.ms);
      codes.set(result.code, (codes.get(result.code) ?? 0) + 1);
      if (result.timedOut) {
        hangs++;
        failures.push(`hang over 10 s: ${shown}`);
      } else if (!OK_EXIT_CODES.has(result.code)) {
        badExits++;
        failures.push(`exit ${result.code}${result.signal ? ` (${result.signal})` : ''}: ${shown}: ${result.stderr.trim().slice(0, 200)}`);
      }
      if (hasStackTrace(result.stderr) || hasStackTrace(result.stdout)) {
        stackTraces++;
        failures.push(`stack trace: ${shown}: ${result.stderr.trim().slice(0, 300)}`);
      }
    }
    // A successful export may write the file it names; nothing else may appear outside the data dir.
    const allowed = new Set(
      batch.flatMap((argv, index) => {
        const file = exportTarget(argv);
        return file !== undefined && results[index].code === 0 ? [resolve(cwd, file)] : [];
      }),
    );
    // With `config sync_dir DIR` (a folder in the sandbox), this device's file there is written too.
    const deviceFile = existsSync(join(home, 'device-id')) ? `${readFileSync(join(home, 'device-id'), 'utf8').trim()}.jsonl` : undefined;
    const stray = changed.filter((path) => !allowed.has(path) && basename(path) !== deviceFile);
    if (stray.length > 0) {
      strayFiles += stray.length;
      failures.push(`files written outside the data dir: ${stray.slice(0, 3).join(', ')} by one of ${batch.map((argv) => JSON.stringify(argv).slice(0, 120)).join(' | ')}`);
    }
  }
  for (const path of watched) if (snapshotTree('/etc', new Set()).get(path) !== watchedBefore.get(path)) failures.push(`${path} changed`);

  return {
    name: 'fuzzed command lines',
    figures: [
      ['runs', runs],
      ['exit codes seen', [...codes.entries()].sort().map(([code, count]) => `${code}:${count}`).join(' ')],
      ['stack traces (target 0)', stackTraces],
      ['other exit codes (target 0)', badExits],
      ['hangs over 10 s (target 0)', hangs],
      ['slowest run (ms)', Math.round(slowest)],
      ['files written outside the data dir (target 0)', strayFiles],
    ],
    failures,
  };
}
