import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { cutLine, wrapLine, wrapText } from '../../src/core/wrap.js';
import { displayWidth } from '../../src/core/width.js';

const widest = (lines: string[]): number => Math.max(...lines.map((line) => stringWidth(line)));

describe('wrapLine', () => {
  it('leaves a line that fits alone', () => {
    expect(wrapLine('short line', 20)).toEqual(['short line']);
  });

  it('breaks English at spaces', () => {
    expect(wrapLine('the quick brown fox jumps over the lazy dog', 15)).toEqual(['the quick brown', 'fox jumps over', 'the lazy dog']);
  });

  it('counts a Chinese character as two columns and breaks between characters', () => {
    const line = '注意力机制让模型在生成每个词时都能回头看输入序列中的任意位置';
    const lines = wrapLine(line, 20);
    expect(widest(lines)).toBeLessThanOrEqual(20);
    expect(lines[0]).toBe('注意力机制让模型在生');
    expect(lines.join('')).toBe(line);
  });

  it('never starts a line with closing punctuation', () => {
    const lines = wrapLine('一二三四五六七八九，十一二三', 18);
    expect(lines[0]).toBe('一二三四五六七八');
    expect(lines[1]).toBe('九，十一二三');
    for (const line of lines) expect(line.startsWith('，')).toBe(false);
  });

  it('mixes Chinese and English words without splitting the English word', () => {
    const lines = wrapLine('我们用softmax函数把分数变成概率分布', 16);
    expect(widest(lines)).toBeLessThanOrEqual(16);
    expect(lines.join('')).toBe('我们用softmax函数把分数变成概率分布');
    expect(lines.some((line) => line.includes('softmax'))).toBe(true);
  });

  it('hangs wrapped list items under their text', () => {
    expect(wrapLine('  * alpha beta gamma delta', 16)).toEqual(['  * alpha beta', '    gamma delta']);
  });

  it('does not count ANSI colour codes as width', () => {
    const red = '\u001b[31mred\u001b[39m';
    expect(wrapLine(`${red} ${red} ${red}`, 7)).toEqual([`${red} ${red}`, red]);
  });

  it('splits a word longer than the width', () => {
    expect(wrapLine('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
  });
});

describe('wrapText', () => {
  it('wraps each line and keeps blank lines', () => {
    expect(wrapText('aa bb cc\n\ndd', 5)).toBe('aa bb\ncc\n\ndd');
  });
});

describe('displayWidth', () => {
  it.each(['plain ascii', '注意力机制', '全角，标点。', 'mixed 中文 and English', 'é combining e\u0301', '\u001b[31mred\u001b[0m', 'emoji 🙂 ok', 'σ′ ≤ 0.25 → ∞', 'Ｆｕｌｌ　ｗｉｄｔｈ'])(
    'agrees with string-width on %s',
    (text) => {
      expect(displayWidth(text)).toBe(stringWidth(text));
    },
  );
});

describe('opening brackets', () => {
  it('never end a line: they move down with what they open', () => {
    const lines = wrapLine('通过反向传播（backpropagation）来训练', 20);
    expect(lines).toEqual(['通过反向传播', '（backpropagation）', '来训练']);
    expect(wrapLine('一二三四五六「七八」', 14)).toEqual(['一二三四五六', '「七八」']);
  });
});

describe('cutLine', () => {
  it('leaves a line that fits, and cuts one that does not with a marker at the last column', () => {
    expect(cutLine('| 0.5 -0.3 |', 20)).toBe('| 0.5 -0.3 |');
    expect(cutLine('+->[h]--+       h_0 --W_h-->[h_1]', 20)).toBe('+->[h]--+       h_0…');
    expect(cutLine('abcdef', 4, '→')).toBe('abc→');
  });

  it('counts Chinese as two columns, and keeps escape codes (ending with a reset)', () => {
    expect(cutLine('查询·键→权重', 8)).toBe('查询·键…');
    expect(stringWidth(cutLine('查询·键→权重', 8))).toBeLessThanOrEqual(8);
    expect(cutLine('\u001b[33mabcdefgh\u001b[39m', 5)).toBe('\u001b[33mabcd…\u001b[0m');
  });
});

