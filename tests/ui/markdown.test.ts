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
