import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers.js';
import { cliEnv, DAY, MINUTE, Porcelain, quizPack, readEvents, rightAnswer, type QuizLine } from './quiz-helpers.js';

// Sync through a shared folder, end to end: two data dirs (two devices) and one folder between them,
// as Dropbox, Syncthing or a git checkout would keep it.

const pack = quizPack();
const T0 = '2026-03-01T09:00:00.000Z';
const at = (ms: number): string => new Date(Date.parse(T0) + ms).toISOString();

function cli(home: string, args: string[], now = T0, env: Record<string, string> = {}): ReturnType<typeof runCli> {
  return runCli([...args, '--lessons', pack], { env: cliEnv(home, now, env) });
}

/** A porcelain quiz that answers every question right; its result lines and what it said on stderr. */
async function answerRight(home: string, now: string, scope: string): Promise<{ results: QuizLine[]; stderr: string }> {
  const session = new Porcelain([scope, '--lessons', pack], cliEnv(home, now));
  const results: QuizLine[] = [];
  for (let line = await session.next(); line.event !== 'summary'; line = await session.next()) {
    // A generated question has no answer known here: skipped.
    if (line.event === 'question') session.send(line.id === 'optics/gen' ? 'skip' : rightAnswer(line));
    if (line.event === 'result') results.push(line);
  }
  session.end();
  expect(await session.exited).toBe(0);
  return { results, stderr: session.stderr };
}

interface Stats {
  topics: Array<{ topic: string; seen: number; due_now: number }>;
  reviews_today: number;
  forecast: number[];
}

function stats(home: string, now: string): Stats & { stderr: string } {
  const result = cli(home, ['stats', '--json'], now);
  expect(result.code).toBe(0);
  return { ...(JSON.parse(result.stdout) as Stats), stderr: result.stderr };
}

const mirrors = (value: Stats) => value.topics.find((topic) => topic.topic === 'mirrors');

/** Two devices with sync on through one folder. */
function twoDevices(): { a: string; b: string; shared: string; fileOf: (home: string) => string } {
  const shared = tempDir('ml-tutor-shared-');
  const [a, b] = [tempDir(), tempDir()];
  for (const home of [a, b]) expect(cli(home, ['config', 'sync_dir', shared]).code).toBe(0);
  const fileOf = (home: string): string => join(shared, `${readFileSync(join(home, 'device-id'), 'utf8').trim()}.jsonl`);
  return { a, b, shared, fileOf };
}

/** The ids of a log file's events (each line must be one). */
function ids(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { id: string }).id);
}

describe('sync through a shared folder', () => {
  it('shows answers made on each device on the other, in stats and in the schedule, each once', async () => {
    const { a, b, shared, fileOf } = twoDevices();
    expect(readdirSync(shared).sort()).toEqual([fileOf(a), fileOf(b)].map((path) => path.slice(shared.length + 1)).sort());

    // A learns the card: right, so its 10-minute learning step.
    const onA = (await answerRight(a, T0, 'mirrors')).results;
    expect(onA).toEqual([expect.objectContaining({ id: 'mirrors/angle', correct: true, due: at(10 * MINUTE) })]);
    expect(ids(fileOf(a))).toEqual(readEvents(a).map((event) => event.id));

    // B sees it: seen, not due before the step is over, so B's quiz has nothing to ask yet.
    const early = stats(b, at(MINUTE));
    expect(mirrors(early)).toMatchObject({ seen: 1, due_now: 0 });
    expect(early.reviews_today).toBe(1);
    expect((await answerRight(b, at(MINUTE), 'mirrors')).results).toEqual([]);
    expect((await answerRight(tempDir(), at(MINUTE), 'mirrors')).results).toHaveLength(1); // a device without A's answer

    // At 09:10 B is asked it and it graduates; A then sees B's answer, and its due day.
    const onB = (await answerRight(b, at(10 * MINUTE), 'mirrors')).results;
    expect(onB).toEqual([expect.objectContaining({ id: 'mirrors/angle', correct: true })]);
    const dueDay = Math.floor(Date.parse(onB[0]!.due as string) / DAY) - Math.floor(Date.parse(T0) / DAY);
    expect(dueDay).toBeGreaterThanOrEqual(1);
    const onAAfter = stats(a, at(11 * MINUTE));
    expect(onAAfter.reviews_today).toBe(2);
    expect(mirrors(onAAfter)).toMatchObject({ seen: 1, due_now: 0 });
    expect(onAAfter.forecast[dueDay]).toBe(1);
    expect(onAAfter.forecast.reduce((sum, count) => sum + count, 0)).toBe(1);
    expect(stats(b, at(11 * MINUTE))).toEqual(onAAfter);

    // The status: each device's file with its events, the union counted once.
    const status = JSON.parse(cli(a, ['config', 'sync_dir', '--json']).stdout) as Record<string, unknown>;
    const deviceA = readFileSync(join(a, 'device-id'), 'utf8').trim();
    const deviceB = readFileSync(join(b, 'device-id'), 'utf8').trim();
    expect(status).toEqual({
      sync_dir: shared,
      device: deviceA,
      file: `${deviceA}.jsonl`,
      devices: [
        { file: `${deviceA}.jsonl`, device: deviceA, events: 1, this_device: true },
        { file: `${deviceB}.jsonl`, device: deviceB, events: 1, this_device: false },
      ].sort((x, y) => (x.file < y.file ? -1 : 1)),
      local_events: 1,
      events: 2,
      behind: 0,
    });
    const text = cli(a, ['config', 'sync_dir']);
    expect(text.stdout).toContain(`sync_dir = ${shared}\nthis device: ${deviceA} (writes ${deviceA}.jsonl)\n`);
    expect(text.stdout).toMatch(new RegExp(`^  ${deviceA}\\.jsonl  1 event  this device$`, 'm'));
    expect(text.stdout).toContain("this device's log: 1 event; 2 in all, each counted once\n");
    const zh = cli(a, ['config', 'sync_dir', '--lang', 'zh']);
    expect(zh.stdout).toContain(`本设备：${deviceA}（写入 ${deviceA}.jsonl）`);
    expect(zh.stdout).toContain('本设备的记录：1 条；合计 2 条，每条只计一次');
  });

  it('never counts an answer twice: sync turned off and on again, the other device’s export imported', async () => {
    const { a, b, fileOf } = twoDevices();
    await answerRight(a, T0, 'mirrors');
    await answerRight(b, at(10 * MINUTE), 'mirrors');
    const later = at(11 * MINUTE);
    const before = stats(b, later);
    expect(before.reviews_today).toBe(2);

    // Off: A counts its own log alone. On again: nothing copied twice, the union as before.
    expect(cli(a, ['config', 'sync_dir', 'off']).stdout).toMatch(/^sync_dir unset: this device no longer writes to or reads from .+ \(its file there is kept\)\.\n$/);
    expect(stats(a, later).reviews_today).toBe(1);
    const shared = JSON.parse(cli(b, ['config', 'sync_dir', '--json']).stdout).sync_dir as string;
    expect(cli(a, ['config', 'sync_dir', shared]).stdout).toContain(`This device writes its events to ${fileOf(a)}; 0 events of its history copied there.`);
    expect(stats(a, later).reviews_today).toBe(2);

    // B's export holds the union; imported on A with sync on, it adds nothing.
    const exported = join(tempDir(), 'b.jsonl');
    expect(cli(b, ['progress', 'export', exported]).stdout).toContain('Exported 2 lines');
    expect(cli(a, ['progress', 'import', exported]).stdout).toBe('Imported 0 new events (2 already present).\n');

    // Imported with sync off, B's answer is in A's own log, then copied to A's file: in two files now.
    cli(a, ['config', 'sync_dir', 'off']);
    expect(cli(a, ['progress', 'import', exported]).stdout).toBe('Imported 1 new event (1 already present).\n');
    expect(cli(a, ['config', 'sync_dir', shared]).stdout).toContain('1 event of its history copied there.');
    expect(ids(fileOf(a))).toHaveLength(2);
    for (const home of [a, b]) {
      const { stderr, ...now } = stats(home, later);
      expect(stderr).toBe('');
      const { stderr: _ignored, ...expected } = before;
      expect(now).toEqual(expected);
    }
  });

  it('undoes on one device an answer made on the other', async () => {
    const { a, b } = twoDevices();
    await answerRight(a, T0, 'mirrors');
    const undo = cli(b, ['progress', 'undo'], at(MINUTE));
    expect(undo).toMatchObject({ code: 0, stdout: 'Undid your review of "mirrors/angle" (Good, 2026-03-01 09:00).\n' });
    expect(readEvents(b)).toEqual([expect.objectContaining({ type: 'undo', target: readEvents(a)[0]!.id })]);
    for (const home of [a, b]) expect(mirrors(stats(home, at(2 * MINUTE)))).toMatchObject({ seen: 0 });
    // The card is new again on A: asked at once, where a counted answer would wait its 10 minutes.
    expect((await answerRight(a, at(2 * MINUTE), 'mirrors')).results).toEqual([expect.objectContaining({ id: 'mirrors/angle', due: at(12 * MINUTE) })]);
  });

  it('reads past a half-synced last line in silence, warns once about damage inside a device file', async () => {
    const { a, b, fileOf } = twoDevices();
    await answerRight(a, T0, 'mirrors');
    const fileA = fileOf(a);
    appendFileSync(fileA, '{"v":1,"id":"0000-half","at":"2026-03-01T09:05:00.000Z","type":"revi');
    const torn = stats(b, at(MINUTE));
    expect(torn.stderr).toBe('');
    expect(torn.reviews_today).toBe(1);

    // A's next save cuts its own torn line off: its file holds every line whole, and all its events.
    await answerRight(a, at(10 * MINUTE), 'mirrors');
    expect(ids(fileA)).toEqual(readEvents(a).map((event) => event.id));

    // Garbage in the middle of a device file: one warning naming the file and line, then quiet.
    appendFileSync(fileA, 'not an event\n');
    await answerRight(a, at(10 * DAY), 'mirrors');
    const warned = stats(b, at(10 * DAY));
    expect(warned.stderr).toBe(`warning: ${fileA}:3: not valid JSON, skipped\n`);
    expect(warned.reviews_today).toBe(1);
    expect(mirrors(warned)).toMatchObject({ seen: 1 });
    expect(stats(b, at(10 * DAY)).stderr).toBe('');
  });

  it('keeps saving while the folder is away, says so once, and catches up by id when it is back', async () => {
    const { a, shared, fileOf } = twoDevices();
    await answerRight(a, T0, 'mirrors');
    renameSync(shared, `${shared}-away`);
    const away = await answerRight(a, at(10 * MINUTE), 'optics');
    expect(away.results.length).toBeGreaterThan(1);
    // Once when the quiz reads, once when it first saves.
    expect(away.stderr).toBe(
      `warning: ${shared}: cannot read the sync folder (no such file or directory); showing the progress saved on this device\n` +
        `warning: sync is behind: cannot write ${fileOf(a)} (no such file or directory). Your progress is saved on this device and is copied there at the next save that can reach it\n`,
    );
    const reading = stats(a, at(11 * MINUTE));
    expect(reading.stderr).toBe('');
    expect(reading.reviews_today).toBe(1 + away.results.length);
    expect(cli(a, ['read', 'optics/1', '--no-pager'], at(12 * MINUTE)).stderr).toBe(''); // told once
    expect(existsSync(shared)).toBe(false);

    renameSync(`${shared}-away`, shared);
    const status = JSON.parse(cli(a, ['config', 'sync_dir', '--json']).stdout) as { behind: number };
    expect(status.behind).toBe(away.results.length + 1);
    const back = await answerRight(a, at(10 * DAY), 'mirrors');
    expect(back.stderr).toBe(`note: sync caught up: ${away.results.length + 2} events copied to ${fileOf(a)}\n`);
    expect(new Set(ids(fileOf(a)))).toEqual(new Set(readEvents(a).map((event) => event.id)));
  });

  it('reads *.jsonl files of the folder, not hidden ones or those in subfolders', () => {
    const { a, shared } = twoDevices();
    const line = (id: string): string => `${JSON.stringify({ v: 1, id, at: T0, type: 'review', card: 'mirrors/angle', rating: 3, correct: true })}\n`;
    writeFileSync(join(shared, 'laptop (conflicted copy 2026-03-01).jsonl'), line('from-a-conflict-copy'));
    writeFileSync(join(shared, '.syncthing.laptop.jsonl.tmp'), line('in-transit'));
    mkdirSync(join(shared, '.stversions'));
    writeFileSync(join(shared, '.stversions', 'laptop.jsonl'), line('old-version'));
    writeFileSync(join(shared, 'notes.txt'), line('not-a-log'));
    expect(stats(a, at(MINUTE)).reviews_today).toBe(1);
  });
});

describe('config sync_dir', () => {
  it('resolves ~ and relative paths, and refuses a folder that cannot serve with one line', () => {
    const home = tempDir();
    const user = tempDir('ml-tutor-user-');
    mkdirSync(join(user, 'Dropbox', 'ml-tutor'), { recursive: true });
    const run = (args: string[], cwd?: string): ReturnType<typeof runCli> => runCli(['config', 'sync_dir', ...args], { env: { ML_TUTOR_HOME: home, HOME: user }, ...(cwd ? { cwd } : {}) });

    expect(run(['~/Dropbox/ml-tutor']).code).toBe(0);
    expect(JSON.parse(readFileSync(join(home, 'config.json'), 'utf8'))).toEqual({ sync_dir: join(user, 'Dropbox', 'ml-tutor') });
    expect(run(['ml-tutor'], join(user, 'Dropbox')).code).toBe(0);
    expect(JSON.parse(readFileSync(join(home, 'config.json'), 'utf8'))).toEqual({ sync_dir: join(user, 'Dropbox', 'ml-tutor') });

    writeFileSync(join(user, 'a-file'), '');
    expect(run([join(user, 'missing')])).toMatchObject({ code: 1, stdout: '', stderr: `ml-tutor: config sync_dir: no such folder: ${join(user, 'missing')} (create it first, or check the path)\n` });
    expect(run([join(user, 'a-file')])).toMatchObject({ code: 1, stderr: `ml-tutor: config sync_dir: ${join(user, 'a-file')} is not a folder\n` });
    expect(run([home]).stderr).toBe(`ml-tutor: config sync_dir: ${home} is the data directory itself; use a folder of its own, shared with your other devices\n`);
    expect(run(['/nope', '--lang', 'zh']).stderr).toBe('ml-tutor: config sync_dir：文件夹不存在：/nope（请先创建它，或检查路径）\n');
    expect(run(['x', '--unset']).code).toBe(1);
    expect(run(['', '--lang', 'zh'])).toMatchObject({ code: 1, stderr: 'ml-tutor: config sync_dir：应为一个文件夹路径，或 off\n' });
    // Refused: the setting is as it was.
    expect(JSON.parse(readFileSync(join(home, 'config.json'), 'utf8'))).toEqual({ sync_dir: join(user, 'Dropbox', 'ml-tutor') });

    expect(run(['--unset']).code).toBe(0);
    expect(run([])).toMatchObject({ code: 0, stdout: '(not set)\n' });
    expect(run(['--json']).stdout).toBe('{"sync_dir":null}\n');
    expect(run(['off']).stdout).toBe('sync_dir = (not set)\n');
    expect(runCli(['config'], { env: { ML_TUTOR_HOME: home } }).stdout).toMatch(/^sync_dir +\(not set\)\n {2}a folder shared with your other devices/m);
  });

  it('refuses a hand-edited relative sync_dir in config.json, and works without it', () => {
    const home = tempDir();
    writeFileSync(join(home, 'config.json'), '{"sync_dir": "relative/dir"}\n');
    const result = runCli(['stats', '--json'], { env: { ML_TUTOR_HOME: home } });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`warning: ${join(home, 'config.json')}: config sync_dir: expected an absolute folder path, got "relative/dir"; using the default\n`);
  });
});
