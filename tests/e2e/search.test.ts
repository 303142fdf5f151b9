import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ShownHit } from '../../src/ui/search-view.js';
import { lessonFile, ROOT, runCli, tempDir, topicFile, writeTree } from '../helpers.js';

// `ml-tutor search`, end to end: hits in both languages, the section numbers `read --section` uses,
// and the command each hit names, run to check that it shows the line.

/** A hit as --json prints it. */
type Hit = Omit<ShownHit, 'spans'>;

const ESC = '\u001b';

function searchJson(args: string[], env: Record<string, string> = {}): Hit[] {
  const result = runCli(['search', ...args, '--json'], { env });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Hit[];
}

/** Run a hit's command (`ml-tutor read rnn/2 --section 3 …`) as printed, into a pipe, unwrapped. */
function openHit(hit: Hit): string {
  const words = hit.command.split(' ').slice(1);
  const result = runCli([...words, '--no-pager', '--width', '1000']);
  expect(result.code).toBe(0);
  return result.stdout;
}

/** The 1-based line of a lesson file that reads `text` (lessons change; their headings are found, not counted). */
function lineOf(path: string, text: string): number {
  return readFileSync(join(ROOT, path), 'utf8').split('\n').indexOf(text) + 1;
}

describe('ml-tutor search', () => {
  it('finds English words by their start, in any case, headings above body lines, and names the section to read', () => {
    const hits = searchJson(['Vanishing', 'GRADIENT', '--limit', '5']);
    expect(hits).toHaveLength(5);
    expect(hits[0]).toEqual({
      lesson: 'rnn/2',
      id: 'rnn/backpropagation-through-time',
      section: 3,
      title: 'Backpropagation through time',
      line: lineOf('lessons/rnn/02-backpropagation-through-time.en.md', '## Vanishing and exploding gradients'),
      text: 'Vanishing and exploding gradients',
      command: 'ml-tutor read rnn/2 --section 3',
      score: 10,
      lang: 'en',
    });
    expect(hits.map((hit) => hit.score)).toEqual([...hits.map((hit) => hit.score)].sort((a, b) => b - a));
    const page = openHit(hits[0]!);
    expect(page).toContain('3. Vanishing and exploding gradients');
    for (const hit of hits) {
      expect(hit.command).toBe(`ml-tutor read ${hit.lesson}${hit.section === null ? '' : ` --section ${hit.section}`}`);
      expect(openHit(hit).toLowerCase()).toContain('vanishing');
    }
  });

  it('prints each hit as "rnn/2 §3", the line, and the read command; plain in a pipe, highlighted with colour', () => {
    const plain = runCli(['search', 'vanishing', 'gradient', '--limit', '2']);
    expect(plain.code).toBe(0);
    expect(plain.stdout).not.toContain(ESC);
    expect(plain.stdout.split('\n').slice(0, 3)).toEqual([
      'rnn/2 §3  Backpropagation through time',
      '    Vanishing and exploding gradients',
      '    ml-tutor read rnn/2 --section 3',
    ]);
    expect(plain.stdout).toMatch(/\n2 of \d+ hits shown; --limit \d+ shows them all\.\n$/);
    const colored = runCli(['search', 'vanishing', '--limit', '1'], { env: { FORCE_COLOR: '1' } });
    expect(colored.stdout).toContain(`${ESC}[1m`);
    expect(colored.stdout).toMatch(/\u001b\[[0-9;]*m\s*Vanishing\u001b\[/);
  });

  it('finds Chinese without spaces, by bigrams: 梯度消失 and 注意力 (in 注意力机制)', () => {
    const hits = searchJson(['梯度消失', '--lang', 'zh', '--limit', '3']);
    expect(hits[0]).toMatchObject({ lesson: 'rnn/2', section: 3, text: '梯度消失与梯度爆炸', lang: 'zh', command: 'ml-tutor read rnn/2 --section 3 --lang zh' });
    expect(openHit(hits[0]!)).toContain('梯度消失与梯度爆炸');
    const attention = searchJson(['注意力', '--limit', '200'], { ML_TUTOR_LANG: 'zh' });
    expect(attention.every((hit) => hit.lang === 'zh')).toBe(true);
    expect(attention.some((hit) => hit.text.includes('注意力机制'))).toBe(true);
    // The reader's language came from the environment, so `read` picks it without --lang.
    expect(attention[0]!.command).not.toContain('--lang');
    for (const hit of attention.slice(0, 3)) expect(openHit({ ...hit, command: `${hit.command} --lang zh` })).toContain('注意力');
  });

  it('searches the other language too with --all-langs, and says which', () => {
    const hits = searchJson(['softmax', '--all-langs', '--limit', '400']);
    const langs = new Set(hits.map((hit) => hit.lang));
    expect([...langs].sort()).toEqual(['en', 'zh']);
    const zh = hits.find((hit) => hit.lang === 'zh')!;
    expect(zh.command).toMatch(/ --lang zh$/);
    const text = runCli(['search', '梯度消失', '--all-langs', '--limit', '1']);
    expect(text.stdout.split('\n')[0]).toBe('rnn/2 §3  时间反向传播 [zh]');
  });

  it('searches the Chinese lessons by itself for a query in Chinese characters, unless --lang names English', () => {
    const hits = searchJson(['梯度消失', '--limit', '2']);
    expect(hits[0]).toMatchObject({ lesson: 'rnn/2', section: 3, text: '梯度消失与梯度爆炸', lang: 'zh', command: 'ml-tutor read rnn/2 --section 3 --lang zh' });
    expect(openHit(hits[0]!)).toContain('梯度消失与梯度爆炸');
    expect(searchJson(['梯度消失', '--lang', 'en'])).toEqual([]);
    // An English query in an English session stays with the English lessons.
    expect(new Set(searchJson(['softmax', '--limit', '400']).map((hit) => hit.lang))).toEqual(new Set(['en']));
  });

  it('searches a --lessons pack, and the cache follows an edited lesson', () => {
    const pack = writeTree({
      'optics/topic.en.md': topicFile('optics', 'Optics'),
      'optics/01-lenses.en.md': lessonFile({ id: 'optics/lenses', title: 'Lenses', body: 'Before.\n\n## Focus\n\nLight bends at a prism.\n' }),
    });
    const home = tempDir();
    const env = { ML_TUTOR_HOME: home };
    expect(runCli(['--lessons', pack, 'search', 'prism', '--json'], { env }).stdout).toContain('"command": "ml-tutor read optics/1 --section 1"');
    writeTree({ 'optics/01-lenses.en.md': lessonFile({ id: 'optics/lenses', title: 'Lenses', body: '## Focus\n\nNo glass here, a mirror.\n' }) }, pack);
    const again = JSON.parse(runCli(['--lessons', pack, 'search', 'prism', 'mirror', '--json'], { env }).stdout) as Hit[];
    expect(again.map((hit) => hit.text)).toEqual(['No glass here, a mirror.']);
  });

  it('says so when nothing matches (exit 0; --json prints []), and refuses a bad --limit or an empty query', () => {
    const none = runCli(['search', 'zzyzx']);
    expect(none).toMatchObject({ code: 0, stderr: '' });
    expect(none.stdout).toBe('No lesson or question mentions "zzyzx". Try fewer words, a word\'s beginning, or --all-langs.\n');
    expect(runCli(['search', 'zzyzx', '--lang', 'zh']).stdout).toContain('没有哪篇课程或哪道题提到“zzyzx”');
    expect(runCli(['search', 'zzyzx', '--json'])).toMatchObject({ code: 0, stdout: '[]\n' });
    expect(runCli(['search', 'attention', '--limit', 'many'])).toMatchObject({ code: 2, stderr: 'ml-tutor: --limit: expected a whole number from 0 to 100000, got "many"\n' });
    expect(runCli(['search', '?!'])).toMatchObject({ code: 2, stderr: 'ml-tutor: search: "?!" has no letters or digits to look for\n' });
    expect(runCli(['search']).code).toBe(2);
  });

  it('has help in both languages, listed by ml-tutor --help', () => {
    expect(runCli(['--help']).stdout).toMatch(/\n {2}search \[options\] <words\.\.\.> +find the lessons/);
    const help = runCli(['search', '--help']);
    expect(help.stdout).toContain('--all-langs');
    expect(help.stdout).toContain('Ranking: a line is a hit when it matches at least half of the words');
    const zh = runCli(['search', '--help', '--lang', 'zh']);
    expect(zh.stdout).toContain('排序：一行至少匹配一半的查询词');
    expect(zh.stdout).toContain('$ ml-tutor search 梯度消失 --lang zh');
  });
});
