import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { excerpt, formatHits, type ShownHit } from '../../src/ui/search-view.js';
import { en } from '../../src/i18n/en.js';

describe('excerpt', () => {
  it.each([
    { text: 'short line', spans: [[0, 5]], room: 20, expected: 'short line', shown: ['short'] },
    {
      text: 'one two three four five six seven eight nine ten attention eleven twelve thirteen',
      spans: [[49, 58]],
      room: 40,
      expected: '…nine ten attention eleven twelve thirt…',
      shown: ['attention'],
    },
    { text: '一二三四五六七八九十注意力机制十一十二十三', spans: [[10, 13]], room: 20, expected: '…五六七八九十注意力…', shown: ['注意力'] },
  ])('$text in $room columns', ({ text, spans, room, expected, shown }) => {
    const result = excerpt(text, spans as Array<[number, number]>, room);
    expect(result.text).toBe(expected);
    expect(result.spans.map(([from, to]) => result.text.slice(from, to))).toEqual(shown);
  });
});

describe('formatHits', () => {
  const hit: ShownHit = { lesson: 'rnn/2', id: 'rnn/bptt', section: 3, title: 'BPTT', line: 9, text: 'Vanishing gradients', command: 'ml-tutor read rnn/2 --section 3', score: 8, lang: 'zh', spans: [[0, 9]] };
  it('shows where, the line with its match highlighted, and the command; the language when not the reader\'s', () => {
    const colored = formatHits([hit], { t: en, color: true, width: 80, lang: 'en', total: 3 });
    expect(colored).toContain('\u001b[');
    expect(stripVTControlCharacters(colored)).toBe('rnn/2 §3  BPTT [zh]\n    Vanishing gradients\n    ml-tutor read rnn/2 --section 3\n\n1 of 3 hits shown; --limit 3 shows them all.\n');
    expect(formatHits([{ ...hit, section: null, lang: 'en' }], { t: en, color: false, width: 80, lang: 'en', total: 1 })).toBe('rnn/2  BPTT\n    Vanishing gradients\n    ml-tutor read rnn/2 --section 3\n');
  });
});
