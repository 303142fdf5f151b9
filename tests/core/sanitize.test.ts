import { describe, expect, it } from 'vitest';
import { sanitizeText } from '../../src/core/sanitize.js';

describe('sanitizeText', () => {
  it.each([
    ['colour codes', 'a\u001b[31mred\u001b[0m b', 'ared b'],
    ['cursor movement', 'x\u001b[2J\u001b[Hy', 'xy'],
    ['an OSC title change ended by BEL', 'a\u001b]0;pwned\u0007b', 'ab'],
    ['an OSC hyperlink ended by ST', '\u001b]8;;http://x\u001b\\link\u001b]8;;\u001b\\', 'link'],
    ['8-bit CSI', 'a\u009b31mb', 'ab'],
    ['bell and backspace', 'a\u0007b\u0008c', 'abc'],
    ['carriage returns', 'line\r\nnext', 'line\nnext'],
    ['tabs and newlines stay', 'a\tb\nc', 'a\tb\nc'],
    ['Chinese stays', '注意力（attention）', '注意力（attention）'],
  ])('removes %s', (_name, input, expected) => {
    expect(sanitizeText(input)).toBe(expected);
  });
});
