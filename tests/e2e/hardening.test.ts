import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, lessonFile, ROOT, runCli, tempDir, topicFile, writeTree } from '../helpers.js';
import { cliEnv, DAY, readEvents } from './quiz-helpers.js';

// Regression tests for each class of defect the stress suite (npm run stress, issue 9) found.

const T0 = Date.parse('2026-03-01T09:00:00Z');
const iso = (ms: number): string => new Date(ms).toISOString();

function review(id: string, at: number, card: string, rating = 3): string {
  return `${JSON.stringify({ v: 1, id, at: iso(at), type: 'review', card, rating, correct: rating > 1, ms: 900 })}\n`;
}

function run(args: string[], env: Record<string, string>, input = ''): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { env, input, encoding: 'utf8', cwd: ROOT });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Answer every question with "1" (or a number), `count` times, at time `now`. */
function answer(home: string, now: number, count: number, args: string[] = []): ReturnType<typeof run> {
  const input = Array.from({ length: count }, (_, index) => (index % 3 === 0 ? '1' : '0.5')).join('\n');
  return run(['quiz', '--porcelain', '--seed', String(now % 1000), ...args], cliEnv(home, iso(now)), `${input}\nquit\n`);
}

describe('the derived progress cache (a long history is not re-read)', () => {
  it('gives the same stats, list and quiz as a full replay, after answers over several days', () => {
    const home = tempDir();
    for (let day = 0; day < 6; day++) {
      const now = T0 + day * DAY + day * 3_600_000;
      answer(home, now, 8, ['--new', '6']);
      run(['read', `rnn/${(day % 4) + 1}`], cliEnv(home, iso(now)));
      const cached = ['stats --json', 'list --json'].map((command) => run(command.split(' '), cliEnv(home, iso(now + 60_000))).stdout);
      rmSync(join(home, 'cache'), { recursive: true, force: true });
      const fresh = ['stats --json', 'list --json'].map((command) => run(command.split(' '), cliEnv(home, iso(now + 60_000))).stdout);
      expect(cached).toEqual(fresh);
    }
    expect(readEvents(home).filter((event) => event.type === 'review').length).toBeGreaterThanOrEqual(30);
  });

  it('replays in full when an imported event is older than the cache, or an answer is undone', () => {
    const home = tempDir();
    answer(home, T0 + 5 * DAY, 5, ['--new', '5']);
    run(['stats'], cliEnv(home, iso(T0 + 5 * DAY)));
    const other = join(tempDir(), 'old.jsonl');
    writeFileSync(other, review('0b5e1c1e-0000-4000-8000-000000000001', T0, 'rnn/vanishing', 4));
    expect(run(['progress', 'import', other], cliEnv(home, iso(T0 + 5 * DAY))).code).toBe(0);
    expect(run(['progress', 'undo'], cliEnv(home, iso(T0 + 5 * DAY))).code).toBe(0);
    const cached = run(['stats', '--json'], cliEnv(home, iso(T0 + 5 * DAY))).stdout;
    rmSync(join(home, 'cache'), { recursive: true, force: true });
    expect(run(['stats', '--json'], cliEnv(home, iso(T0 + 5 * DAY))).stdout).toBe(cached);
  });
});

describe('damaged logs', () => {
  it('keeps every valid event around garbage, a BOM and invalid UTF-8, with one warning line', () => {
    const home = tempDir();
    const good = [review('a1', T0, 'rnn/vanishing'), review('a2', T0 + 1000, 'rnn/vanishing')];
    writeFileSync(
      join(home, 'events.jsonl'),
      Buffer.concat([Buffer.from('\uFEFF'), Buffer.from(good[0]!), Buffer.from('garbage\n\u0000\u0000\n'), Buffer.from([0xff, 0x0a]), Buffer.from(good[1]!)]),
    );
    const exported = run(['progress', 'export'], cliEnv(home, iso(T0 + DAY)));
    expect(exported.code).toBe(0);
    expect(exported.stdout).toBe(good.join(''));
    expect(exported.stderr).toBe(`warning: ${join(home, 'events.jsonl')}:2: not valid JSON, skipped (and 2 more unusable lines: 3, 4)\n`);
  });

  it('warns about unusable lines in Chinese for a Chinese reader', () => {
    const home = tempDir();
    writeFileSync(join(home, 'events.jsonl'), `${review('a1', T0, 'rnn/vanishing')}garbage\n{"v":1}\n`);
    const exported = run(['progress', 'export', '--lang', 'zh'], cliEnv(home, iso(T0 + DAY)));
    expect(exported.code).toBe(0);
    expect(exported.stderr).toBe(`警告：${join(home, 'events.jsonl')}:2：不是有效的 JSON，已跳过（另有 1 行无法使用：第 3 行）\n`);
  });

  it('warns once per command, even where two things are derived from the log (home)', () => {
    const home = tempDir();
    writeFileSync(join(home, 'events.jsonl'), `${review('h1', T0, 'rnn/vanishing')}garbage\n`);
    const result = run([], cliEnv(home, iso(T0 + DAY)));
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`warning: ${join(home, 'events.jsonl')}:2: not valid JSON, skipped\n`);
  });

  it('refuses an import whose event id is already in the log with other content, and changes nothing', () => {
    const home = tempDir();
    const log = review('c0ffee00-0000-4000-8000-000000000001', T0, 'rnn/vanishing', 3) + review('c0ffee00-0000-4000-8000-000000000002', T0 + 1000, 'rnn/vanishing', 3);
    writeFileSync(join(home, 'events.jsonl'), log);
    const incoming = join(tempDir(), 'in.jsonl');
    writeFileSync(incoming, review('c0ffee00-0000-4000-8000-000000000003', T0 + 2000, 'rnn/vanishing') + review('c0ffee00-0000-4000-8000-000000000002', T0 + 1000, 'rnn/vanishing', 1));
    const result = run(['progress', 'import', incoming], cliEnv(home, iso(T0 + DAY)));
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toBe(`ml-tutor: ${incoming}:2: event c0ffee00-0000-4000-8000-000000000002 is already in your progress with different content; nothing was imported\n`);
    expect(readFileSync(join(home, 'events.jsonl'), 'utf8')).toBe(log);
    // The same event again (same content) is simply already there.
    writeFileSync(incoming, review('c0ffee00-0000-4000-8000-000000000002', T0 + 1000, 'rnn/vanishing', 3));
    expect(run(['progress', 'import', incoming], cliEnv(home, iso(T0 + DAY))).code).toBe(0);
  });
});

describe('a full disk', () => {
  it('never acknowledges an answer it could not save, stops with exit 1, and leaves no half event', () => {
    const home = tempDir();
    const log = join(home, 'events.jsonl');
    writeFileSync(log, Array.from({ length: 9 }, (_, index) => review(`f${index}`, T0 - DAY + index * 1000, 'rnn/vanishing')).join(''));
    const before = readFileSync(log, 'utf8');
    // A file size limit of 3 KiB: the log (~1.6 KB) has room for a few answers, not for all.
    const result = spawnSync('/bin/sh', ['-c', 'ulimit -f 3; exec "$@"', 'sh', process.execPath, BIN, 'quiz', '--porcelain', '--new', '30', '--seed', '3'], {
      env: cliEnv(home, iso(T0)),
      input: `${Array(30).fill('1').join('\n')}\n`,
      encoding: 'utf8',
    });
    const acknowledged = result.stdout.split('\n').filter((line) => line.includes('"event":"result"')).length;
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^ml-tutor: your answer to \S+ was not saved: cannot write progress to .*events\.jsonl: file too large \(a file size limit was reached\)\. The session stopped; the \d+ answers? before it (is|are) saved\.\n$/);
    const after = readFileSync(log, 'utf8');
    expect(after.startsWith(before)).toBe(true);
    expect(after.endsWith('\n')).toBe(true);
    const added = after.slice(before.length).split('\n').filter(Boolean).map((line) => JSON.parse(line) as { type: string });
    expect(added.filter((event) => event.type === 'review')).toHaveLength(acknowledged);
    expect(acknowledged).toBeGreaterThan(0);
  });
});

describe('hostile lesson packs', () => {
  const escapes = 'title: "Optics\\e]0;PWNED\\a\\x9b2J\\e[2J"';
  const pack = (): string =>
    writeTree({
      'optics/topic.en.md': topicFile('optics', 'Optics'),
      'optics/01-lens.en.md': lessonFile({
        id: 'optics/lens',
        title: 'Lens',
        front: `prerequisites: []\n`,
        body: '## Focus\n\nText \u001b[31mred\u001b[0m and \u009b2J.\n\n```quiz\nid: optics/q\ntype: choice\nprompt: "Pick\\e[2J one"\noptions:\n  - {text: "A\\x9b6n", correct: true}\n  - {text: "B\\a"}\nexplain: "Because\\e]8;;http://x\\e\\\\."\n```\n',
      }).replace(/^title: .*$/m, escapes),
      'optics/02-broken.en.md': '---\nid: optics/broken\ntitle: [unclosed\n---\n## A\n',
    });

  it('lets no control byte through to the terminal, even with FORCE_COLOR', () => {
    const lessons = pack();
    const env = { FORCE_COLOR: '1', NO_COLOR: undefined };
    for (const args of [['list'], ['read', 'optics/1', '--no-pager'], ['quiz', 'optics', '--porcelain', '--new', '5']]) {
      const result = runCli(['--lessons', lessons, ...args], { env, input: '1\n' });
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
      const text = (result.stdout + result.stderr).replace(/\u001b\[[0-9;]*m/g, '');
      expect(text, args.join(' ')).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      expect(result.stderr).toContain('02-broken.en.md:4: invalid YAML in front matter');
    }
  });

  it('goes on without a broken file: the rest of the pack and the built-in lessons still read and quiz', () => {
    const lessons = pack();
    const read = runCli(['--lessons', lessons, 'read', 'optics/1', '--no-pager']);
    expect(read.code).toBe(0);
    expect(read.stdout).toContain('Focus');
    const builtIn = runCli(['--lessons', lessons, 'read', 'rnn/1', '--no-pager']);
    expect(builtIn.code).toBe(0);
    expect(builtIn.stderr).toBe(`warning: ${join(lessons, 'optics', '02-broken.en.md')}:4: invalid YAML in front matter: unexpected end of the stream within a flow collection (file skipped)\n`);
  });
});

describe('an oversized lesson file', () => {
  it('is skipped with a warning naming its size, without reading it', () => {
    const lessons = writeTree({ 'optics/topic.en.md': topicFile('optics', 'Optics'), 'optics/01-lens.en.md': lessonFile({ id: 'optics/lens', title: 'Lens' }) });
    writeFileSync(join(lessons, 'optics', '02-huge.en.md'), Buffer.alloc(17 * 1048576, 120));
    const result = runCli(['--lessons', lessons, 'list', 'optics']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Lens');
    expect(result.stderr).toBe(`warning: ${join(lessons, 'optics', '02-huge.en.md')}:1: file too large (17.0 MB; a lesson file may be at most 16 MB) (file skipped)\n`);
  });
});

describe('the stress suite, quick run', () => {
  it('passes every section (npm run stress -- --quick)', () => {
    const result = spawnSync(process.execPath, [join(ROOT, 'bench', 'stress.mjs'), '--quick'], { encoding: 'utf8', cwd: ROOT, env: { ...process.env, STRESS_SEED: '11' } });
    expect(result.stdout).toContain('stress: all sections passed');
    expect(result.stdout).toMatch(/answers lost \(target 0\) +0\n/);
    expect(result.stdout).toMatch(/stack traces \(target 0\) +0\n/);
    expect(result.status).toBe(0);
  }, 240_000);
});

describe('files a command is pointed at (found by the argument fuzzer)', () => {
  it('progress export refuses to replace an existing file without --force, and never writes over a non-file', () => {
    const home = tempDir();
    writeFileSync(join(home, 'events.jsonl'), review('e1', T0, 'rnn/vanishing'));
    const dir = tempDir();
    const target = join(dir, 'backup.jsonl');
    writeFileSync(target, 'precious\n');
    const refused = run(['progress', 'export', target], cliEnv(home, iso(T0)));
    expect(refused).toMatchObject({ code: 1, stderr: `ml-tutor: ${target} already exists; add --force to replace it\n` });
    expect(readFileSync(target, 'utf8')).toBe('precious\n');
    expect(run(['progress', 'export', target, '--force'], cliEnv(home, iso(T0))).code).toBe(0);
    expect(readFileSync(target, 'utf8')).toBe(review('e1', T0, 'rnn/vanishing'));
    const fifo = join(dir, 'fifo');
    spawnSync('mkfifo', [fifo]);
    expect(run(['progress', 'export', fifo, '--force'], cliEnv(home, iso(T0)))).toMatchObject({ code: 1, stderr: `ml-tutor: ${fifo} is not a regular file\n` });
    expect(run(['progress', 'export', join(dir, 'x'.repeat(5000))], cliEnv(home, iso(T0)))).toMatchObject({ code: 1, stderr: expect.stringContaining('file name too long') });
  });

  it('progress import refuses a pipe or a device instead of reading it forever', () => {
    const fifo = join(tempDir(), 'fifo');
    spawnSync('mkfifo', [fifo]);
    const result = run(['progress', 'import', fifo], cliEnv(tempDir(), iso(T0)));
    expect(result).toMatchObject({ code: 1, stderr: `ml-tutor: ${fifo} is not a regular file\n` });
  });
});

describe('a data dir that cannot be made', () => {
  it('does not spin: list under /proc answers at once (Node recursive mkdir loops there)', () => {
    if (!existsSync('/proc/self')) return;
    const started = Date.now();
    const result = runCli(['list'], { env: { ML_TUTOR_HOME: '/proc/ml-tutor-test' } });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('attention/2');
    // The commands that only read work, and say once that nothing will be saved.
    const note = 'warning: progress is not being saved: the data directory /proc/ml-tutor-test cannot be used (no such file or directory); set ML_TUTOR_HOME to a writable directory\n';
    expect(result.stderr).toBe(note);
    const stats = runCli(['stats', '--json'], { env: { ML_TUTOR_HOME: '/proc/ml-tutor-test' } });
    expect([stats.code, stats.stderr]).toEqual([0, note]);
    const topics = (JSON.parse(stats.stdout) as { topics: Array<{ topic: string; seen: number }> }).topics;
    expect(topics.map((topic) => [topic.topic, topic.seen])).toEqual([['deep-learning', 0], ['nlp', 0], ['rnn', 0], ['attention', 0]]);
    const quiz = runCli(['quiz', '--porcelain', '--new', '1'], { env: { ML_TUTOR_HOME: '/proc/ml-tutor-test' }, input: '1\n' });
    expect(quiz.code).toBe(1);
    expect(quiz.stderr).toContain('was not saved: cannot create the data directory /proc/ml-tutor-test');
  });
});
