import { readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lessonFile, runCli, tempDir, topicFile, writeTree } from '../helpers.js';

// read keeps the pages it rendered in $ML_TUTOR_HOME/cache/pages (src/io/page-cache.ts), and uses one
// only when everything it was made from is unchanged.

const rendererLoaded = (stderr: string): boolean => /^(lesson-page|demo-embed)-\w+\.cjs: compiled/m.test(stderr);

function pack(body: string): string {
  return writeTree({
    'optics/topic.en.md': topicFile('optics', 'Optics'),
    'optics/01-lenses.en.md': lessonFile({ id: 'optics/lenses', title: 'Lenses', body }),
  });
}

describe('the rendered-page cache', () => {
  it('a second read prints the same page without loading the renderer, and still logs the read', () => {
    const home = tempDir('ml-tutor-data-');
    const env = { ML_TUTOR_HOME: home, ML_TUTOR_TRACE_LOAD: '1' };
    const first = runCli(['read', 'attention/2', '--no-pager'], { env });
    const second = runCli(['read', 'attention/2', '--no-pager'], { env });
    expect(first.code).toBe(0);
    expect(rendererLoaded(first.stderr)).toBe(true);
    expect(second.stdout).toBe(first.stdout);
    expect(rendererLoaded(second.stderr)).toBe(false);
    expect(readdirSync(join(home, 'cache', 'pages'))).toEqual(['attention_scaled-dot-product.en.txt']);
    const reads = readFileSync(join(home, 'events.jsonl'), 'utf8').trim().split('\n');
    expect(reads).toHaveLength(2);

    // The Chinese page is a page of its own.
    const chinese = runCli(['read', 'attention/2', '--no-pager', '--lang', 'zh'], { env });
    expect(rendererLoaded(chinese.stderr)).toBe(true);
    expect(chinese.stdout).toContain('缩放点积注意力');
    expect(readdirSync(join(home, 'cache', 'pages')).sort()).toEqual(['attention_scaled-dot-product.en.txt', 'attention_scaled-dot-product.zh.txt']);
  });

  it('renders again for another width or colour, and for a changed lesson file', () => {
    const home = tempDir('ml-tutor-data-');
    const lessons = pack('## Focus\n\nLight bends.\n');
    const env = { ML_TUTOR_HOME: home, ML_TUTOR_TRACE_LOAD: '1' };
    const read = (...extra: string[]) => runCli(['--lessons', lessons, 'read', 'optics/lenses', '--no-pager', ...extra], { env });

    const plain = read();
    expect(plain.stdout).toContain('Light bends.');
    const narrow = read('--width', '30');
    expect(rendererLoaded(narrow.stderr)).toBe(true);
    expect(runCli(['--lessons', lessons, 'read', 'optics/lenses', '--no-pager'], { env: { ...env, FORCE_COLOR: '1' } }).stdout).toContain('\u001b[');

    // Same size, new time: the edit is seen even though the length did not change.
    const file = join(lessons, 'optics', '01-lenses.en.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Light bends.', 'Light turns.'));
    utimesSync(file, new Date('2030-01-01T00:00:00Z'), new Date('2030-01-01T00:00:00Z'));
    const edited = read();
    expect(rendererLoaded(edited.stderr)).toBe(true);
    expect(edited.stdout).toContain('Light turns.');
    expect(edited.stdout).not.toContain('Light bends.');
  });

  it('a damaged cache file is ignored and replaced', () => {
    const home = tempDir('ml-tutor-data-');
    const env = { ML_TUTOR_HOME: home, ML_TUTOR_TRACE_LOAD: '1' };
    const good = runCli(['read', 'rnn/1', '--no-pager'], { env });
    const [name] = readdirSync(join(home, 'cache', 'pages'));
    writeFileSync(join(home, 'cache', 'pages', name!), 'garbage without a key line');
    const again = runCli(['read', 'rnn/1', '--no-pager'], { env });
    expect(again.stdout).toBe(good.stdout);
    expect(rendererLoaded(again.stderr)).toBe(true);
    expect(readFileSync(join(home, 'cache', 'pages', name!), 'utf8').endsWith(good.stdout)).toBe(true);
  });
});
