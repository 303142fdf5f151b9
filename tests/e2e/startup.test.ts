import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, runCli, tempDir } from '../helpers.js';

// How the built binary starts (src/boot.ts, src/build/bundle.mjs): CommonJS files loaded with the
// code cache the build saved per command. These tests check what is loaded, not how fast (bench/ does).

/** The files a run loaded, from ML_TUTOR_TRACE_LOAD's lines ("cli.cjs: compiled in … (from cache) …"). */
function loadedFiles(stderr: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const match of stderr.matchAll(/^(\S+\.cjs): compiled in [\d.]+ ms \(([^;)]+)/gm)) files.set(match[1]!, match[2]!);
  return files;
}

/** A copy of the package (bin, dist, lessons) whose dist/ a test may break. */
function copyOfPackage(): string {
  const root = tempDir('ml-tutor-package-');
  for (const part of ['bin', 'dist', 'lessons', 'package.json']) cpSync(join(ROOT, part), join(root, part), { recursive: true });
  return root;
}

/** runCli's environment, for running a copy of the package, with the load trace on. */
function packageEnv(): Record<string, string> {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: tempDir('ml-tutor-home-'), LANG: 'C.UTF-8', ML_TUTOR_HOME: tempDir('ml-tutor-data-'), ML_TUTOR_NOW: '2026-03-01T09:00:00Z', ML_TUTOR_SIMULATE: '1', ML_TUTOR_TRACE_LOAD: '1' };
}

describe('start-up', () => {
  it('--help loads the command line and commander with their saved code, and no command', () => {
    const result = runCli(['--help'], { env: { ML_TUTOR_TRACE_LOAD: '1' } });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: ml-tutor [options] [command]');
    const files = loadedFiles(result.stderr);
    expect(files.get('cli.cjs')).toBe('from cache');
    expect([...files.keys()].filter((file) => /^(list|read|quiz|home)-|vendor\//.test(file))).toEqual([]);
  });

  it('loads the Chinese messages only for a Chinese run, and then from the saved code', () => {
    const env = { ML_TUTOR_HOME: tempDir('ml-tutor-data-'), ML_TUTOR_TRACE_LOAD: '1' };
    // read shows generated questions, whose texts core builds in both languages (localize).
    for (const args of [['list'], ['read', 'rnn/1', '--no-pager']]) {
      const english = runCli(args, { env });
      expect(english.code).toBe(0);
      expect(loadedFiles(english.stderr).has('i18n-zh.cjs'), args.join(' ')).toBe(false);
    }
    for (const args of [['list', '--lang', 'zh'], ['--lang', 'zh', 'stats'], ['read', 'rnn/1', '--no-pager', '--lang', 'zh']]) {
      const chinese = runCli(args, { env });
      expect(chinese.code, args.join(' ')).toBe(0);
      expect(chinese.stdout).toMatch(/[\u4e00-\u9fff]/);
      expect(loadedFiles(chinese.stderr).get('i18n-zh.cjs'), args.join(' ')).toBe('from cache');
    }
  });

  it('list with an unchanged lesson cache does not load the YAML parsers', () => {
    // A copy of the package: its lessons are not at the paths the build's seed (below) knows.
    const bin = join(copyOfPackage(), 'bin', 'ml-tutor.js');
    const home = tempDir('ml-tutor-data-');
    const list = () => spawnSync(process.execPath, [bin, 'list'], { env: { ...packageEnv(), ML_TUTOR_HOME: home }, encoding: 'utf8' });
    const first = list();
    expect(loadedFiles(first.stderr).has('vendor/js-yaml.cjs')).toBe(true); // first run: parsed the lessons
    const second = list();
    expect(second.stdout).toBe(first.stdout);
    const files = loadedFiles(second.stderr);
    expect(files.has('vendor/js-yaml.cjs')).toBe(false);
    expect(files.has('vendor/gray-matter.cjs')).toBe(false);
    expect([...files.values()].every((state) => state === 'from cache')).toBe(true);
  });

  it('a new data dir starts from the built-in lessons the build parsed (dist/seed), with the same output as parsing them', () => {
    const seeded = ['list', 'stats --json', 'stats --lang zh'].map((command) => runCli(command.split(' '), { env: { ML_TUTOR_HOME: tempDir('ml-tutor-data-'), ML_TUTOR_TRACE_LOAD: '1' } }));
    for (const result of seeded) {
      expect(result.code).toBe(0);
      expect(loadedFiles(result.stderr).has('vendor/js-yaml.cjs')).toBe(false);
    }
    // A copy of the package has its lessons at other paths: the seed's entries do not apply, so it parses.
    const root = copyOfPackage();
    const parsed = ['list', 'stats --json', 'stats --lang zh'].map((command) =>
      spawnSync(process.execPath, [join(root, 'bin', 'ml-tutor.js'), ...command.split(' ')], { env: packageEnv(), encoding: 'utf8' }),
    );
    parsed.forEach((result, index) => {
      expect(loadedFiles(result.stderr).has('vendor/js-yaml.cjs')).toBe(true);
      expect(result.stdout).toBe(seeded[index]!.stdout);
    });
    // A lesson edited since the build is parsed again, and shows as edited.
    const lesson = join(root, 'lessons', 'rnn', '01-recurrent-units.en.md');
    writeFileSync(lesson, readFileSync(lesson, 'utf8').replace(/^title: .*$/m, 'title: Edited after the build'));
    const edited = spawnSync(process.execPath, [join(root, 'bin', 'ml-tutor.js'), 'list', 'rnn'], { env: packageEnv(), encoding: 'utf8' });
    expect(edited.stdout).toContain('Edited after the build');
  });

  it('a broken or foreign code cache only costs speed: the output is the same', () => {
    const expected = runCli(['list', '--lang', 'zh']);
    const root = copyOfPackage();
    const bin = join(root, 'bin', 'ml-tutor.js');
    const run = (): { stdout: string; files: Map<string, string> } => {
      const result = spawnSync(process.execPath, [bin, 'list', '--lang', 'zh'], {
        env: { PATH: process.env.PATH, LANG: 'C.UTF-8', ML_TUTOR_HOME: tempDir('ml-tutor-data-'), ML_TUTOR_NOW: '2026-03-01T09:00:00Z', ML_TUTOR_SIMULATE: '1', ML_TUTOR_TRACE_LOAD: '1' },
        encoding: 'utf8',
      });
      expect(result.status).toBe(0);
      return { stdout: result.stdout, files: loadedFiles(result.stderr) };
    };
    const cache = join(root, 'dist', 'code-cache', 'list.bin');

    // Garbage where the index should be: no cache at all.
    writeFileSync(cache, 'not a code cache');
    const garbage = run();
    expect(garbage.stdout).toBe(expected.stdout);
    expect(new Set(garbage.files.values())).toEqual(new Set(['no cache']));

    // Another command's pack: what it has is used, the rest is read from dist/ and compiled.
    writeFileSync(cache, readFileSync(join(ROOT, 'dist', 'code-cache', 'help.bin')));
    const foreign = run();
    expect(foreign.stdout).toBe(expected.stdout);
    expect(foreign.files.get('cli.cjs')).toBe('from cache');
    expect([...foreign.files.values()]).toContain('no cache');

    // A cache V8 does not recognise (its header overwritten): refused, and the file compiled as usual.
    const pack = readFileSync(join(ROOT, 'dist', 'code-cache', 'list.bin'));
    const indexEnd = 4 + pack.readUInt32LE(0);
    const [offset, sourceLength] = (JSON.parse(pack.toString('latin1', 4, indexEnd)) as Record<string, number[]>)['cli.cjs']!;
    pack.fill(0xff, indexEnd + offset! + sourceLength!, indexEnd + offset! + sourceLength! + 16);
    writeFileSync(cache, pack);
    const refused = run();
    expect(refused.stdout).toBe(expected.stdout);
    expect(refused.files.get('cli.cjs')).toBe('cache rejected');
  });

  it('every command the build ran left a code cache', () => {
    const caches = readdirSync(join(ROOT, 'dist', 'code-cache')).sort();
    expect(caches).toEqual(['__complete.bin', 'completion.bin', 'config.bin', 'demo.bin', 'help.bin', 'home.bin', 'list.bin', 'next.bin', 'progress.bin', 'quiz.bin', 'read.bin', 'search.bin', 'stats.bin', 'validate.bin']);
  });

  it('a reader that has gone away (| true) is not an error, and the lesson, not shown whole, stays unread', () => {
    const home = tempDir('ml-tutor-data-');
    // `true` exits without reading, so the lesson is written into a pipe with no reader (EPIPE).
    const result = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${BIN}" read deep-learning/1 --no-pager | true`], {
      env: { PATH: process.env.PATH, LANG: 'C.UTF-8', ML_TUTOR_HOME: home, ML_TUTOR_NOW: '2026-03-01T09:00:00Z', ML_TUTOR_SIMULATE: '1' },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'], // (bash reads ~/.bashrc when its stdin is a socket)
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(existsSync(join(home, 'events.jsonl'))).toBe(false);
  });
});
