import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { renderMarkdown } from '../../src/ui/markdown.js';

describe('renderMarkdown', () => {
  it('renders inline formatting inside list items (marked-terminal issues #304/#371)', () => {
    const coloured = renderMarkdown('- **bold** and `code`\n- plain item', { width: 40, color: true });
    expect(coloured).toContain('\u001b[1mbold\u001b[22m');
    expect(coloured).toContain('\u001b[33mcode\u001b[39m');
    expect(coloured).not.toContain('**');
    expect(renderMarkdown('- **bold** and `code`\n- plain item', { width: 40, color: false })).toBe('  * bold and code\n  * plain item');
  });

  it('aligns table columns by display width, Chinese included', () => {
    const lines = renderMarkdown('| name | 值 |\n|---|---|\n| 注意力 | 1.5 |\n| softmax | 22 |\n', { width: 40, color: false }).split('\n');
    expect(lines).toContain('│ 注意力  │ 1.5 │');
    expect(lines).toContain('│ softmax │ 22  │');
    expect(new Set(lines.map((line) => stringWidth(line))).size).toBe(1);
  });

  it('wraps paragraphs to the width and keeps plain code blocks as written', () => {
    const text = renderMarkdown('one two three four five six seven eight nine ten\n\n```\n  x -> [h] -> y\n```', { width: 20, color: false });
    expect(text).toBe('one two three four\nfive six seven eight\nnine ten\n\n    x -> [h] -> y');
  });

  it.each([40, 50])('cuts a code block too wide for %i columns with "…", never wrapping it onto the next line', (width) => {
    const diagram = ['x_1 -> [h_1] -> [h_2] -> [h_3] -> [h_4] -> [h_5] -> y', '        |        |        |        |        |', 'W = | 0.5  -0.3  0.25  0.125  -0.0625  0.03125 |', '注意力：查询 · 键 → 权重 → 对值加权求和，得到输出向量'].join('\n');
    const text = renderMarkdown(`Some prose that is long enough to be wrapped at forty columns, as prose should be.\n\n\`\`\`\n${diagram}\n\`\`\`\n\nAfter.`, { width, color: false });
    const lines = text.split('\n');
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(width);
    // The block keeps its four lines, each cut where it goes on; the prose around it is wrapped.
    const block = lines.slice(lines.indexOf('') + 1, lines.lastIndexOf(''));
    expect(block).toHaveLength(4);
    expect(block[0]).toBe(`  ${diagram.split('\n')[0]!.slice(0, width - 3)}…`);
    const ticks = `  ${diagram.split('\n')[1]!}`; // 47 columns: cut at 40, whole at 50
    expect(block[1]).toBe(width === 40 ? `${ticks.slice(0, 39)}…` : ticks);
    expect(block[3]!.endsWith('…')).toBe(true);
    expect(stringWidth(block[3]!)).toBeGreaterThanOrEqual(width - 1);
    expect(lines.at(-1)).toBe('After.');
    expect(lines[0]!.length).toBeLessThanOrEqual(width);
    expect(lines.indexOf('')).toBeGreaterThan(1);
  });

  it('cuts a coloured code block too, and ends the cut line\'s colour', () => {
    const text = renderMarkdown(`\`\`\`\n${'0123456789 '.repeat(8)}\n\`\`\``, { width: 40, color: true });
    expect(stringWidth(text)).toBe(40);
    expect(text.endsWith('…\u001b[0m')).toBe(true);
  });

  it('has no escape codes at all without colour', () => {
    const text = renderMarkdown('# Title\n\n> quote **b**\n\n---\n\n*em* [link](http://example.com)\n\n```python\nprint(1)\n```', { width: 40, color: false });
    expect(text).not.toContain('\u001b');
    expect(text).toContain('# Title');
    expect(text).toContain('link (http://example.com)');
  });
});

describe('tables wider than the page', () => {
  it('wrap inside their cells and stay within the width, Chinese included', () => {
    const markdown = '| task | input | output |\n|---|---|---|\n| text classification | a text | one label from a fixed set (spam / not spam; sports / politics) |\n| 机器翻译 | 一种语言里的一句话 | 另一种语言里意思相同的一句话，长度可以不同 |\n';
    for (const width of [40, 60]) {
      const lines = renderMarkdown(markdown, { width, color: false }).split('\n');
      expect(Math.max(...lines.map((line) => stringWidth(line))), `width ${width}`).toBeLessThanOrEqual(width);
      expect(new Set(lines.map((line) => stringWidth(line))).size).toBe(1);
      expect(lines.join('\n')).toContain('politics');
    }
  });
});

describe('pages nested deeper than the renderer can follow (issue 9)', () => {
  it.each([
    ['quotes', `${'> '.repeat(8000)}deep\n`],
    ['list items', Array.from({ length: 3000 }, (_, index) => `${'  '.repeat(index)}- item ${index}`).join('\n')],
  ])('shows thousands of nested %s as written instead of overflowing the stack', (_name, markdown) => {
    const page = renderMarkdown(`## Before\n\n${markdown}\n`, { width: 80, color: false });
    expect(page).toContain('Before');
    expect(page).toContain(_name === 'quotes' ? 'deep' : 'item 2999');
  });
});
