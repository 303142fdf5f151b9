import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

// Chinese typography in the zh tables, read from their sources (a template's `${…}` is checked as
// written): full-width quotes take no spaces around them, and Chinese prose uses the full-width
// colon and comma (：，), never ASCII ones after a Chinese character.

/** Characters that end Chinese prose: ideographs, CJK and full-width punctuation, curly quotes. */
const CHINESE = '[\\u3400-\\u9fff\\u3000-\\u303f\\uff00-\\uffef“”]';

/** What a line may hold legitimately, and why; each is removed before the checks. */
const ALLOWED: ReadonlyArray<[RegExp, string]> = [
  // The matrix syntax quotes the separators a learner types: “;” and “,”, and “1,0;0,1”.
  [/“[-\d.,;]+”/g, 'ASCII separators quoted as typed'],
];

function zhTables(): string[] {
  const dir = join(ROOT, 'src/i18n/zh');
  return [join(ROOT, 'src/i18n/zh.ts'), join(ROOT, 'src/i18n/help-zh.ts'), ...readdirSync(dir).map((name) => join(dir, name))];
}

/** Each line of a table's code (comments blanked), with where it is. */
function codeLines(file: string): Array<{ where: string; text: string }> {
  const source = readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '))
    .replace(/^\s*\/\/.*$/gm, '');
  return source.split('\n').map((text, index) => ({ where: `${relative(ROOT, file)}:${index + 1}`, text }));
}

function punctuationProblems(text: string): string[] {
  const line = ALLOWED.reduce((current, [pattern]) => current.replace(pattern, '“”'), text);
  const problems: string[] = [];
  if (/ “|” /.test(line)) problems.push('space around a full-width quote');
  if (new RegExp(`${CHINESE}[:,]`, 'u').test(line)) problems.push('ASCII : or , after Chinese');
  return problems;
}

describe('Chinese punctuation in the zh tables', () => {
  it('the check finds what it looks for', () => {
    expect(punctuationProblems('已撤销对 “${card}” 的复习')).toEqual(['space around a full-width quote']);
    expect(punctuationProblems('警告:跳过')).toEqual(['ASCII : or , after Chinese']);
    expect(punctuationProblems('跳过 “${card}”, 已停用')).toEqual(['space around a full-width quote', 'ASCII : or , after Chinese']);
    expect(punctuationProblems('已撤销对“${card}”的复习（${rating}，${at}）。')).toEqual([]);
    expect(punctuationProblems('行用“;”分隔，元素用“,”分隔（“1,0;0,1”）')).toEqual([]);
    expect(punctuationProblems('${path}:${line}：不是有效的 JSON')).toEqual([]);
  });

  it('has no spaces around “” and no ASCII colon or comma after a Chinese character', () => {
    const found = zhTables()
      .flatMap(codeLines)
      .flatMap(({ where, text }) => punctuationProblems(text).map((problem) => `${where}: ${problem}: ${text.trim()}`));
    expect(found).toEqual([]);
  });
});
