import { appendFileSync, existsSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { lessonFile, ROOT, runCli, tempDir, topicFile, writeTree } from '../helpers.js';

// End to end: the built bin/ml-tutor.js, run as a learner would, with a temp data dir.

const ESC = '\u001b';

function readEvents(home: string): Array<Record<string, unknown>> {
  const path = join(home, 'events.jsonl');
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** A small lesson pack with a topic that the built-in lessons do not have. */
function pack(extra: Record<string, string | Buffer> = {}): string {
  return writeTree({
    'optics/topic.en.md': topicFile('optics', 'Optics'),
    'optics/topic.zh.md': topicFile('optics', '光学'),
    'optics/01-lenses.en.md': lessonFile({ id: 'optics/lenses', title: 'Lenses', body: '## Focus\n\nLight bends.\n\n## Images\n\nReal and virtual.\n' }),
    'optics/01-lenses.zh.md': lessonFile({ id: 'optics/lenses', title: '透镜', body: '## 焦点\n\n光会弯折。\n\n## 成像\n\n实像与虚像。\n' }),
    ...extra,
  });
}

describe('ml-tutor (built binary)', () => {
  it('prints its version and help', () => {
    const version = runCli(['--version']);
    expect(version).toMatchObject({ code: 0, stdout: `${JSON.parse(readFileSync('package.json', 'utf8')).version}\n` });
    const help = runCli(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['list', 'read', 'next', 'demo', 'validate', 'config']) expect(help.stdout).toContain(`  ${command} `);
    const readHelp = runCli(['read', '--help']);
    expect(readHelp.stdout).toContain('--section <n>');
    expect(readHelp.stdout).toContain('$ ml-tutor read rnn/2 --outline');
  });

  it('reads a lesson into a pipe as plain text and logs it as read (the "done means" check)', () => {
    const home = tempDir();
    const result = runCli(['read', 'deep-learning/1'], { env: { ML_TUTOR_HOME: home } });
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain(ESC);
    expect(result.stdout).toMatch(/^# What is deep learning\?\n/);
    expect(result.stdout).toContain('## 1. ');
    expect(result.stdout).toContain('ml-tutor quiz deep-learning/what-is-deep-learning');
    expect(readEvents(home)).toEqual([
      { v: 1, id: expect.stringMatching(/^[0-9a-f-]{36}$/), at: '2026-03-01T09:00:00.000Z', type: 'read', lesson: 'deep-learning/what-is-deep-learning', lang: 'en' },
    ]);
    const list = runCli(['list', '--json'], { env: { ML_TUTOR_HOME: home } });
    const topics = JSON.parse(list.stdout).topics as Array<{ id: string; read: number; lessons: Array<{ id: string; read: boolean; last_read_at: string | null }> }>;
    const deepLearning = topics.find((topic) => topic.id === 'deep-learning')!;
    expect(deepLearning.read).toBe(1);
    expect(deepLearning.lessons[0]).toMatchObject({ id: 'deep-learning/what-is-deep-learning', read: true, last_read_at: '2026-03-01T09:00:00.000Z' });
    expect(deepLearning.lessons[1]!.read).toBe(false);
    expect(topics.map((topic) => topic.id)).toEqual(['deep-learning', 'nlp', 'rnn', 'attention']);
  });

  it('keeps titles whole in a pipe, and shortens them to fit a width asked for with COLUMNS', () => {
    const piped = runCli(['list'], { env: { ML_TUTOR_HOME: tempDir() } });
    expect(piped.stdout).toMatch(/deep-learning\/5 +Network families: convolutional, recurrent, autoencoder +18 min\n/);
    expect(piped.stdout).not.toContain('…');
    const narrow = runCli(['list'], { env: { ML_TUTOR_HOME: tempDir(), COLUMNS: '60' } });
    expect(narrow.stdout).toContain('Network families: convolutiona…');
    for (const line of narrow.stdout.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(60);
  });

  it('lists lessons with read marks and the home screen suggests the next one', () => {
    const home = tempDir();
    runCli(['read', 'deep-learning/1'], { env: { ML_TUTOR_HOME: home } });
    const list = runCli(['list', 'deep'], { env: { ML_TUTOR_HOME: home } });
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^Deep learning .*1\/\d+ read/);
    expect(list.stdout).toMatch(/\n {2}✓ deep-learning\/1 {2}What is deep learning\? +\d+ min\n/);
    expect(list.stdout).toMatch(/\n {4}deep-learning\/2 {2}Neurons/);
    const homeScreen = runCli([], { env: { ML_TUTOR_HOME: home } });
    expect(homeScreen.code).toBe(0);
    expect(homeScreen.stdout).toContain('→ ml-tutor read deep-learning/2');
    expect(homeScreen.stdout).not.toContain(ESC);
  });

  it('works from inside a topic folder, and what it caches there is right everywhere', () => {
    const home = tempDir();
    const inside = runCli(['list', 'rnn', '--json'], { env: { ML_TUTOR_HOME: home }, cwd: join(ROOT, 'lessons', 'rnn') });
    expect(inside.code).toBe(0);
    expect(JSON.parse(inside.stdout).topics[0].lessons[0].id).toBe('rnn/recurrent-units');
    expect(runCli(['validate'], { env: { ML_TUTOR_HOME: home }, cwd: join(ROOT, 'lessons', 'rnn') }).code).toBe(0);
    const outside = runCli(['read', 'rnn/1'], { env: { ML_TUTOR_HOME: home } });
    expect(outside.code).toBe(0);
    expect(outside.stdout).toContain('# The recurrent unit');
  });

  it('next reads the first unread lesson', () => {
    const home = tempDir();
    runCli(['read', 'deep-learning/1'], { env: { ML_TUTOR_HOME: home } });
    const next = runCli(['next'], { env: { ML_TUTOR_HOME: home } });
    expect(next.code).toBe(0);
    expect(readEvents(home).map((event) => event.lesson)).toEqual(['deep-learning/what-is-deep-learning', 'deep-learning/neurons-and-perceptrons']);
  });

  it('reads Chinese and never goes past the width, counting display columns', () => {
    const result = runCli(['read', 'attention/1', '--lang', 'zh', '--width', '50']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/[\u4e00-\u9fff]/);
    const widths = result.stdout.split('\n').map((line) => stringWidth(line));
    expect(Math.max(...widths)).toBeLessThanOrEqual(50);
  });

  it('prints an outline and a single section', () => {
    const lessons = pack();
    const outline = runCli(['--lessons', lessons, 'read', 'optics/1', '--outline']);
    expect(outline).toMatchObject({ code: 0, stdout: 'Outline of "Lenses"\n1. Focus\n2. Images\n' });
    const section = runCli(['--lessons', lessons, 'read', 'optics/lenses', '--section', '2']);
    expect(section.code).toBe(0);
    expect(section.stdout).toContain('## 2. Images');
    expect(section.stdout).toContain('Real and virtual.');
    expect(section.stdout).not.toContain('Light bends.');
    const missing = runCli(['--lessons', lessons, 'read', 'optics/lenses', '--section', '5']);
    expect(missing).toMatchObject({ code: 1, stderr: 'ml-tutor: --section: "optics/lenses" has no section 5 (it has sections 1-2; see --outline)\n' });
  });

  it('numbers a pack lesson by its place in the merged topic, not by its file number', () => {
    const lessons = writeTree({ 'attention/99-extra.en.md': lessonFile({ id: 'attention/extra', title: 'Extra' }) });
    const size = readdirSync(join(ROOT, 'lessons', 'attention')).filter((name) => /^\d+-.*\.en\.md$/.test(name)).length + 1;
    const extra = runCli(['--lessons', lessons, 'read', 'attention/extra', '--no-pager']);
    expect(extra.code).toBe(0);
    expect(extra.stdout).toContain(`lesson ${size} of ${size}`);
    expect(extra.stdout).not.toContain('lesson 99');
    const first = runCli(['--lessons', lessons, 'read', 'attention/1', '--no-pager']);
    expect(first.stdout).toContain(`lesson 1 of ${size}`);
  });

  it('colours only when asked: FORCE_COLOR gives ANSI, NO_COLOR wins over it', () => {
    expect(runCli(['list'], { env: { FORCE_COLOR: '1' } }).stdout).toContain(ESC);
    expect(runCli(['list'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toContain(ESC);
    expect(runCli(['--no-color', 'read', 'rnn/1'], { env: { FORCE_COLOR: '1' } }).stdout).not.toContain(ESC);
  });

  it('strips escape sequences that a lesson pack contains', () => {
    const lessons = pack({
      'optics/02-evil.en.md': lessonFile({ id: 'optics/evil', body: `## Hi\n\nText ${ESC}]0;pwned\u0007with ${ESC}[2Jtricks.\n` }),
      'optics/02-evil.zh.md': lessonFile({ id: 'optics/evil', body: '## 你好\n\n文字。\n' }),
    });
    const result = runCli(['--lessons', lessons, 'read', 'optics/evil'], { env: { FORCE_COLOR: '1' } });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('with tricks.');
    expect(result.stdout).not.toContain(']0;');
    expect(result.stdout).not.toContain('[2J');
    const validate = runCli(['--lessons', lessons, 'validate']);
    expect(validate.code).toBe(1);
    expect(validate.stdout).toContain('02-evil.en.md:10: contains terminal control characters or escape sequences (they are removed when shown)');
  });

  it('strips escape sequences that YAML escapes put in titles, everywhere they are shown', () => {
    const lessons = pack({
      'optics/topic.en.md': '---\nid: optics\ntitle: "Optics \\e]0;PWNED\\a\\e[41mX"\n---\nAn overview.\n',
      'optics/02-evil.en.md': lessonFile({ id: 'optics/evil', title: '"Evil \\e]0;PWNED\\a\\e[41mtitle"' }),
      'optics/02-evil.zh.md': lessonFile({ id: 'optics/evil', title: '坏' }),
    });
    for (const args of [['list', 'optics'], ['read', 'optics/evil', '--outline'], ['read', 'optics/evil'], []]) {
      const result = runCli(['--lessons', lessons, ...args]);
      expect(result.code, args.join(' ')).toBe(0);
      expect(result.stdout, args.join(' ')).not.toContain('PWNED');
      expect(result.stdout, args.join(' ')).not.toContain(ESC);
    }
  });

  it('falls back to English with a note when the language is implicit, fails when --lang is explicit', () => {
    const lessons = writeTree({
      'optics/topic.en.md': topicFile('optics'),
      'optics/01-lenses.en.md': lessonFile({ id: 'optics/lenses', title: 'Lenses' }),
    });
    const implicit = runCli(['--lessons', lessons, 'read', 'optics/1'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(implicit.code).toBe(0);
    expect(implicit.stdout).toContain('# Lenses');
    expect(implicit.stderr).toBe('提示：optics/lenses 还没有中文版本，先显示英文版\n');
    const strict = runCli(['--lessons', lessons, 'read', 'optics/1', '--lang', 'zh']);
    expect(strict).toMatchObject({ code: 1, stdout: '', stderr: 'ml-tutor: --lang zh：“optics/lenses”还没有 zh 版本（现有：en）\n' });
  });

  it('suggests a lesson or command for a typo, with a non-zero exit', () => {
    const lesson = runCli(['read', 'atention/2']);
    expect(lesson.code).toBe(1);
    expect(lesson.stderr).toBe('ml-tutor: unknown lesson "atention/2"\nDid you mean "attention/2"?\nSee "ml-tutor list" for every lesson.\n');
    const command = runCli(['lst']);
    expect(command.code).toBe(2);
    expect(command.stderr).toBe('ml-tutor: unknown command "lst"\nDid you mean "list"?\n');
    const flag = runCli(['list', '--jsno']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toBe('ml-tutor: list: unknown option "--jsno"\nDid you mean "--json"?\n');
    const lang = runCli(['list', '--lang', 'fr']);
    expect(lang).toMatchObject({ code: 2, stderr: 'ml-tutor: --lang: expected one of en, zh, got "fr"\n' });
    const width = runCli(['read', 'rnn/1', '--width', 'wide']);
    expect(width).toMatchObject({ code: 2, stderr: 'ml-tutor: --width: expected a whole number from 20 to 1000, got "wide"\n' });
  });

  it('names the file and line of malformed YAML in a pack, without a stack trace, and goes on without that file', () => {
    const lessons = pack({ 'optics/02-broken.en.md': '---\nid: optics/broken\ntitle: [unclosed\nminutes: 3\n---\n## A\n' });
    const result = runCli(['--lessons', lessons, 'list']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Optics');
    expect(result.stdout).toContain('attention/2');
    expect(result.stdout).not.toContain('broken');
    expect(result.stderr.startsWith(`warning: ${join(lessons, 'optics/02-broken.en.md')}:4: invalid YAML in front matter: `)).toBe(true);
    expect(result.stderr.trim().endsWith('(file skipped)')).toBe(true);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    const validate = runCli(['validate', lessons]);
    expect(validate.code).toBe(1);
    expect(validate.stdout).toContain(`${join(lessons, 'optics/02-broken.en.md')}:4: invalid YAML in front matter: `);
  });

  it('refuses a lesson file that is not UTF-8, naming its line', () => {
    const lessons = pack({ 'optics/02-latin1.en.md': Buffer.concat([Buffer.from('---\nid: optics/latin1\ntitle: T\nminutes: 1\nobjectives: [x]\n---\n## A\n\ncaf'), Buffer.from([0xe9]), Buffer.from('\n')]) });
    const result = runCli(['--lessons', lessons, 'list']);
    expect(result).toMatchObject({ code: 0, stderr: `warning: ${join(lessons, 'optics/02-latin1.en.md')}:9: not valid UTF-8 text (save the file as UTF-8) (file skipped)\n` });
  });

  it('does not run JavaScript front matter from a pack', () => {
    const marker = join(tempDir(), 'ran');
    const lessons = pack({ 'optics/02-js.en.md': `---js\n{ title: (require('fs').writeFileSync(${JSON.stringify(marker)}, 'x'), 'x') }\n---\n## A\n` });
    const result = runCli(['--lessons', lessons, 'list']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('02-js.en.md:1: front matter in "js" is not allowed: lessons use YAML only');
    expect(existsSync(marker)).toBe(false);
  });

  it('reports a missing --lessons directory', () => {
    const result = runCli(['--lessons', '/nonexistent/pack', 'list']);
    expect(result).toMatchObject({ code: 1, stderr: 'ml-tutor: --lessons: no such lessons directory: /nonexistent/pack\n' });
  });

  it('reports an unwritable data dir: read still shows the lesson, quiz refuses to take an answer it cannot keep', () => {
    const parent = tempDir();
    writeFileSync(join(parent, 'file'), 'not a directory');
    const home = join(parent, 'file', 'data');
    const result = runCli(['read', 'rnn/1'], { env: { ML_TUTOR_HOME: home } });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('The recurrent unit');
    expect(result.stderr).toBe(`warning: cannot create the data directory ${home}: a part of the path is not a directory (set ML_TUTOR_HOME to a writable directory); the lesson is not marked read\n`);
    const quiz = runCli(['quiz', 'rnn', '--porcelain', '--seed', '1'], { env: { ML_TUTOR_HOME: home }, input: '1\n' });
    expect(quiz.code).toBe(1);
    expect(quiz.stdout).not.toContain('"event":"result"');
    expect(quiz.stderr).toContain('was not saved');
  });

  it('skips a torn last line of the log with a warning, and keeps every event', () => {
    const home = tempDir();
    const good = JSON.stringify({ v: 1, id: 'e1', at: '2026-02-01T09:00:00.000Z', type: 'read', lesson: 'rnn/recurrent-units' });
    writeFileSync(join(home, 'events.jsonl'), `${good}\n{"v":1,"id":"e2","at":"2026-02-0`);
    const list = runCli(['list', 'rnn', '--json'], { env: { ML_TUTOR_HOME: home } });
    expect(list.code).toBe(0);
    expect(list.stderr).toBe(`warning: ${join(home, 'events.jsonl')}:2: incomplete last line (an interrupted write?) skipped\n`);
    expect(JSON.parse(list.stdout).topics[0].lessons[0].read).toBe(true);
    runCli(['read', 'rnn/2'], { env: { ML_TUTOR_HOME: home } });
    const text = readFileSync(join(home, 'events.jsonl'), 'utf8');
    expect(text.startsWith(`${good}\n{"v":1,"id":"e2","at":"2026-02-0\n`)).toBe(true);
    expect(readEvents.length).toBeGreaterThanOrEqual(0);
    expect(text.trim().split('\n').slice(-1)[0]).toContain('"lesson":"rnn/backpropagation-through-time"');
  });

  it('warns about a damaged line once, not on every command; new damage is warned about again', () => {
    const home = tempDir();
    const path = join(home, 'events.jsonl');
    const good = JSON.stringify({ v: 1, id: 'e1', at: '2026-02-01T09:00:00.000Z', type: 'read', lesson: 'rnn/recurrent-units' });
    writeFileSync(path, `${good}\n{"v":1,"id":"e2","at":"2026-02-0`);
    const env = { ML_TUTOR_HOME: home };
    expect(runCli(['list'], { env }).stderr).toBe(`warning: ${path}:2: incomplete last line (an interrupted write?) skipped\n`);
    expect(runCli(['list'], { env }).stderr).toBe('');
    // The next append closes the torn line: it stays as one skipped line, already warned about.
    expect(runCli(['read', 'rnn/2'], { env })).toMatchObject({ code: 0, stderr: '' });
    expect(runCli(['stats'], { env }).stderr).toBe('');
    expect(runCli(['list'], { env }).stderr).toBe('');
    appendFileSync(path, 'garbage\n');
    expect(runCli(['list'], { env }).stderr).toBe(`warning: ${path}:2: not valid JSON, skipped (and 1 more unusable line: 4)\n`);
    expect(runCli(['list'], { env }).stderr).toBe('');
  });

  it('validates the built-in lessons cleanly', () => {
    const result = runCli(['validate']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^\d+ lessons and \d+ questions checked: no problems\.\n$/);
    expect(result.code).toBe(0);
  });

  it('validate prints every problem as path:line and exits 1', () => {
    const lessons = pack({
      'optics/02-quiz.en.md': lessonFile({ id: 'optics/quiz', body: '## A\n\n```quiz\nid: optics/q\ntype: numeric\nprompt: P\nanswer: 2\nexplain: E\n```\n' }),
      'optics/02-quiz.zh.md': lessonFile({ id: 'optics/quiz', lang: 'zh', body: '## A\n\n```demo\nsoftmx --scores 1\n```\n' }),
    });
    const result = runCli(['validate', lessons], { cwd: lessons });
    expect(result.code).toBe(1);
    expect(result.stdout.trim().split('\n')).toEqual([
      'optics/02-quiz.en.md:14: quiz "optics/q": a numeric question needs a "tolerance" (a positive number) beside its "answer"',
      'optics/02-quiz.zh.md:10: demo block 1 ("softmx --scores 1") is not in the en version (en: optics/02-quiz.en.md)',
      'optics/02-quiz.zh.md:11: demo "softmx --scores 1": unknown demo "softmx" (did you mean softmax?)',
    ]);
    expect(result.stderr).toBe('ml-tutor: 3 problems found.\n');
  });

  it('validate speaks the reader\'s language; --json stays English unless --lang asks', () => {
    const lessons = pack({
      'optics/02-quiz.en.md': lessonFile({ id: 'optics/quiz', body: '## A\n\n```quiz\nid: optics/q\ntype: numeric\nprompt: P\nanswer: 2\nexplain: E\n```\n' }),
      'optics/02-quiz.zh.md': lessonFile({ id: 'optics/quiz', lang: 'zh', body: '## A\n' }),
    });
    const zh = runCli(['validate', lessons, '--lang', 'zh'], { cwd: lessons });
    expect(zh.stdout).toBe('optics/02-quiz.en.md:14: quiz“optics/q”：数值题在“answer”之外还需要一个“tolerance”（正数）\n');
    const json = (args: string[]): unknown => JSON.parse(runCli(['validate', lessons, '--json', ...args], { cwd: lessons, env: { LANG: 'zh_CN.UTF-8' } }).stdout);
    expect(json([])).toMatchObject({ problems: [{ line: 14, message: 'quiz "optics/q": a numeric question needs a "tolerance" (a positive number) beside its "answer"' }] });
    expect(json(['--lang', 'zh'])).toMatchObject({ problems: [{ line: 14, message: 'quiz“optics/q”：数值题在“answer”之外还需要一个“tolerance”（正数）' }] });
  });

  it('names the lessons to read first by title in the reading language, with the id to type', () => {
    const zh = runCli(['read', 'attention/3', '--lang', 'zh', '--no-pager']).stdout;
    expect(zh).toContain('\n建议先读：缩放点积注意力（attention/2）\n');
    const en = runCli(['read', 'attention/3', '--no-pager']).stdout;
    expect(en).toContain('\nRead first: Scaled dot-product attention (attention/2)\n');
  });

  it('draws inline code in a lesson\'s questions as code, without the backticks', () => {
    const page = runCli(['read', 'nlp/3', '--lang', 'zh', '--no-pager']).stdout;
    expect(page).toContain('│ 某词向量工具的 --analogy a,b,c 会返回');
    expect(page).not.toContain('`');
  });

  it('validates a pack together with the built-in lessons, reporting only the pack', () => {
    const extension = writeTree({
      'rnn/05-extra.en.md': lessonFile({ id: 'rnn/extra', front: 'prerequisites: [rnn/lstm-and-gru]\n' }),
      'rnn/05-extra.zh.md': lessonFile({ id: 'rnn/extra', front: 'prerequisites: [rnn/lstm-and-gru]\n' }),
    });
    expect(runCli(['validate', extension])).toMatchObject({ code: 0, stdout: '2 lessons and 0 questions checked: no problems.\n' });
    const misnamed = writeTree({ 'rnn/first.en.md': '# not a lesson\n', 'rnn/05-extra.en.md': lessonFile({ id: 'rnn/extra' }), 'rnn/05-extra.zh.md': lessonFile({ id: 'rnn/extra' }) });
    const result = runCli(['validate', misnamed]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(`${join(misnamed, 'rnn/first.en.md')}:1: not a lesson file name: expected "NN-slug.<lang>.md" (e.g. 01-intro.en.md) or "topic.<lang>.md"\n`);
    const empty = tempDir();
    expect(runCli(['validate', empty])).toMatchObject({ code: 1, stdout: '' });
    expect(runCli(['validate', empty]).stderr).toContain(`ml-tutor: ${empty}: no lessons found`);
  });

  it('sets, shows and unsets config atomically', () => {
    const home = tempDir();
    expect(runCli(['config', 'lang', 'zh'], { env: { ML_TUTOR_HOME: home } })).toMatchObject({ code: 0, stdout: 'lang = zh\n' });
    expect(JSON.parse(readFileSync(join(home, 'config.json'), 'utf8'))).toEqual({ lang: 'zh' });
    expect(runCli(['config', 'lang'], { env: { ML_TUTOR_HOME: home } }).stdout).toBe('zh\n');
    // The configured language now applies to every command.
    expect(runCli(['list', '--json'], { env: { ML_TUTOR_HOME: home } }).stdout).toContain('"lang": "zh"');
    // Errors too: in Chinese for this learner, in English with --lang en.
    expect(runCli(['config', 'new_per_day', 'many'], { env: { ML_TUTOR_HOME: home } })).toMatchObject({
      code: 1,
      stderr: 'ml-tutor: config new_per_day：应为 0 到 1000 之间的整数，实际是“many”\n',
    });
    expect(runCli(['--lang', 'en', 'config', 'new_per_day', 'many'], { env: { ML_TUTOR_HOME: home } })).toMatchObject({
      code: 1,
      stderr: 'ml-tutor: config new_per_day: expected a whole number from 0 to 1000, got "many"\n',
    });
    expect(runCli(['config', 'colour', 'red'], { env: { ML_TUTOR_HOME: home } }).stderr).toContain('没有设置项“colour”');
    expect(runCli(['--lang', 'en', 'config', 'colour', 'red'], { env: { ML_TUTOR_HOME: home } }).stderr).toContain('unknown setting "colour"');
    expect(runCli(['config', 'lang', '--unset'], { env: { ML_TUTOR_HOME: home } }).code).toBe(0);
    expect(JSON.parse(readFileSync(join(home, 'config.json'), 'utf8'))).toEqual({});
  });

  it('refuses to overwrite a config.json that is not valid JSON', () => {
    const home = tempDir();
    mkdirSync(home, { recursive: true });
    writeFileSync(join(home, 'config.json'), '{\n  "lang": "zh",\n  oops\n}\n');
    const result = runCli(['config', 'lang', 'en'], { env: { ML_TUTOR_HOME: home } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`ml-tutor: ${join(home, 'config.json')}:3: not valid JSON; fix it or delete the file`);
    expect(readFileSync(join(home, 'config.json'), 'utf8')).toBe('{\n  "lang": "zh",\n  oops\n}\n');
  });
});

describe('command-line hygiene', () => {
  it('refuses extra arguments and a bare --unset, and answers `help`', () => {
    expect(runCli(['config', 'lang', 'zh', 'extra'])).toMatchObject({ code: 2, stderr: 'ml-tutor: config: too many arguments: it takes at most 2, got 3\n' });
    expect(runCli(['config', '--unset']).code).toBe(2);
    expect(runCli(['read', 'rnn/1', 'rnn/2']).code).toBe(2);
    const help = runCli(['help', 'read']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: ml-tutor read \[options\] <lesson>/);
    expect(runCli(['help']).stdout).toMatch(/^Usage: ml-tutor \[options\] \[command\]/);
    // Help for a command that does not exist is a usage error, like the command itself.
    expect(runCli(['help', 'quz'])).toMatchObject({ code: 2, stdout: '', stderr: 'ml-tutor: unknown command "quz"\nDid you mean "quiz"?\n' });
    expect(runCli(['help', 'quz', '--lang', 'zh']).code).toBe(2);
  });

  it('shows config in the learner language, with unset values named', () => {
    const home = tempDir();
    expect(runCli(['config', 'lang'], { env: { ML_TUTOR_HOME: home } }).stdout).toBe('(not set)\n');
    const chinese = runCli(['config', '--lang', 'zh'], { env: { ML_TUTOR_HOME: home } }).stdout;
    expect(chinese).toContain('每天引入的新测验卡片数');
    expect(chinese).toContain('10 （默认值）');
  });
});

describe('errors in the learner language', () => {
  it('are in Chinese for a Chinese reader, with the same "did you mean"', () => {
    expect(runCli(['read', 'atention/2', '--lang', 'zh'])).toMatchObject({
      code: 1,
      stderr: 'ml-tutor: 没有课程“atention/2”\n你是不是想输入“attention/2”？\n运行“ml-tutor list”查看全部课程。\n',
    });
    expect(runCli(['list', 'xyz'], { env: { LANG: 'zh_CN.UTF-8' } }).stderr).toBe('ml-tutor: 没有主题“xyz”（现有主题：deep-learning、nlp、rnn、attention）\n');
    expect(runCli(['lst'], { env: { ML_TUTOR_LANG: 'zh' } })).toMatchObject({ code: 2, stderr: 'ml-tutor: 没有命令“lst”\n你是不是想输入“list”？\n' });
  });
});

describe('narrow terminals (COLUMNS in a pipe, --width)', () => {
  it.each([40, 50])('home fits %i columns without breaking a word: rows move under their titles instead', (width) => {
    for (const lang of ['en', 'zh']) {
      const result = runCli(['--lang', lang], { env: { COLUMNS: String(width) } });
      expect(result.code).toBe(0);
      const lines = result.stdout.trimEnd().split('\n');
      for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(width);
      // Each topic's title, each command, on a line of its own (not split by the terminal).
      const titles = lang === 'en' ? ['Natural language processing', 'Deep learning foundations'] : ['自然语言处理', '深度学习基础'];
      for (const title of titles) expect(lines.some((line) => line.trim().startsWith(title))).toBe(true);
      expect(lines.some((line) => line.trim().startsWith('ml-tutor read <lesson>'))).toBe(true);
    }
  });

  it('reads a lesson at --width 40 with its diagrams cut, not wrapped', () => {
    const page = runCli(['read', 'rnn/1', '--width', '40', '--no-pager']).stdout;
    for (const line of page.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(40);
    expect(page).toMatch(/\n {4}\+->\[h\]--\+ {7}h_0 --W_h-->\[h_1\] -…\n/);
  });
});
