// Shared pieces of the stress suite (bench/stress.mjs): running the built binary as a user would,
// sandboxes, a seeded random source, and the checks every section applies to what a run printed.
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = join(ROOT, 'bin', 'ml-tutor.js');

const made = [];
/** A new folder for one section's files, removed by cleanup(). Readable by all (see asNobody). */
export function sandbox(name) {
  const dir = mkdtempSync(join(tmpdir(), `ml-tutor-stress-${name}-`));
  chmodSync(dir, 0o755);
  made.push(dir);
  return dir;
}
export function cleanup() {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A clean environment: this data dir, a pinned clock, English, no colour unless asked. */
export function cliEnv(home, extra = {}) {
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: join(home, '..', 'fake-home'),
    LANG: 'C.UTF-8',
    ML_TUTOR_HOME: home,
    ML_TUTOR_NOW: '2026-03-01T09:00:00Z',
    ML_TUTOR_SIMULATE: '1', // a simulated clock may write to these temp data dirs
    NO_COLOR: '1',
  };
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

/**
 * Run the CLI (or any argv with `command`), feeding `input` on stdin, and resolve with what it did.
 * A run still alive after `timeoutMs` is killed and reported as timedOut.
 */
export function run(args, { env, input = '', cwd = ROOT, timeoutMs = 10_000, command = [process.execPath, BIN], uid, gid } = {}) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(command[0], [...command.slice(1), ...args], { env, cwd, stdio: ['pipe', 'pipe', 'pipe'], ...(uid === undefined ? {} : { uid, gid }) });
    const out = [];
    const err = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (chunk) => out.push(chunk));
    child.stderr.on('data', (chunk) => err.push(chunk));
    child.stdin.on('error', () => {}); // the CLI may exit before reading all of it
    child.stdin.end(input);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const stdoutBytes = Buffer.concat(out);
      resolve({ code, signal, timedOut, ms: performance.now() - started, stdoutBytes, stdout: stdoutBytes.toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}

/** Run `tasks` (functions returning promises) with at most `concurrency` at once; results in order. */
export async function pool(tasks, concurrency) {
  const results = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, tasks.length) }, worker));
  return results;
}

/** mulberry32: a small seeded generator, so a failing trial can be replayed from its seed. */
export function createRng(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  next.int = (min, max) => min + Math.floor(next() * (max - min + 1));
  next.pick = (items) => items[Math.floor(next() * items.length)];
  next.chance = (p) => next() < p;
  return next;
}

/** A random version 4 UUID from a seeded generator (event ids of generated logs). */
export function uuid(rng) {
  const hex = Array.from({ length: 32 }, () => Math.floor(rng() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[Math.floor(rng() * 4)]}${hex.slice(17, 20)}-${hex.slice(20)}`;
}

/** A JavaScript stack trace or our own "internal error" line: never acceptable on any input. */
export function hasStackTrace(text) {
  return /^\s+at .+:\d+:\d+\)?$/m.test(text) || /internal error|This is a bug in ml-tutor/.test(text) || /^(Type|Range|Reference|Syntax)Error\b/m.test(text);
}

/**
 * Terminal control bytes in output, other than the SGR colour codes we draw ourselves (ESC [ n;m m):
 * C0 controls but tab and newline, DEL, C1 controls (as code points), and any other ESC sequence.
 */
export function controlBytes(text) {
  const stripped = text.replace(/\u001b\[[0-9;]*m/g, '');
  const match = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.exec(stripped);
  return match ? `U+${match[0].codePointAt(0).toString(16).padStart(4, '0')} at ${JSON.stringify(stripped.slice(Math.max(0, match.index - 20), match.index + 20))}` : undefined;
}

export const OK_EXIT_CODES = new Set([0, 1, 2, 130]);

/** Review lines of a log file, and whether any line other than the last is not JSON. */
export function readLog(path) {
  let text;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return { reviews: [], events: [], badLines: [], tornLast: false };
  }
  const lines = text.split('\n');
  const events = [];
  const badLines = [];
  let tornLast = false;
  lines.forEach((line, index) => {
    if (line === '') return;
    try {
      events.push(JSON.parse(line));
    } catch {
      if (index === lines.length - 1) tornLast = true;
      else badLines.push(index + 1);
    }
  });
  return { events, reviews: events.filter((event) => event.type === 'review'), badLines, tornLast };
}

/** Every file under `dir` with its size and mtime, to see what a run wrote. */
export function snapshotTree(dir, skip = new Set()) {
  const files = new Map();
  const walk = (path) => {
    let entries;
    try {
      entries = readdirSync(path, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = join(path, entry.name);
      if (skip.has(full)) continue;
      if (entry.isDirectory()) walk(full);
      else {
        try {
          const stats = statSync(full);
          files.set(full, `${stats.size}:${stats.mtimeMs}`);
        } catch {
          files.set(full, 'gone');
        }
      }
    }
  };
  walk(dir);
  return files;
}

/** Files added or changed between two snapshots. */
export function treeChanges(before, after) {
  const changed = [];
  for (const [path, stamp] of after) if (before.get(path) !== stamp) changed.push(path);
  return changed;
}

export function mkdirp(path) {
  mkdirSync(path, { recursive: true });
  return path;
}

/** The quiz card ids of the built-in lessons (read from the English lesson files' quiz blocks). */
export function builtinCardIds() {
  const ids = [];
  const lessons = join(ROOT, 'lessons');
  for (const topic of readdirSync(lessons).sort()) {
    for (const file of readdirSync(join(lessons, topic)).sort()) {
      if (!/^\d\d-.*\.en\.md$/.test(file)) continue;
      const text = readFileSync(join(lessons, topic, file), 'utf8');
      for (const block of text.matchAll(/```quiz\n([\s\S]*?)```/g)) {
        const id = /^id:\s*(\S+)/m.exec(block[1]);
        if (id) ids.push(id[1]);
      }
    }
  }
  return ids;
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length === 0 ? NaN : sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** A scripted learner's answer to a porcelain question: sometimes right by luck, always gradable. */
export function answerFor(question, rng) {
  const options = question.options?.length ?? 2;
  switch (question.type) {
    case 'choice':
    case 'truefalse':
      return String(rng.int(1, options));
    case 'multi':
      return String(rng.int(1, options));
    case 'numeric':
      return String(Math.round(rng() * 400) / 100);
    case 'steps':
      // A step of a worked exercise: `size` numbers separated by spaces.
      return Array.from({ length: question.size ?? 1 }, () => String(Math.round(rng() * 400) / 100)).join(' ');
    default:
      return rng.pick(['tanh', 'softmax', 'attention', 'gradient', '词元']);
  }
}
