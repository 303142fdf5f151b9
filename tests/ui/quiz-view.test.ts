import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.js';
import { zh } from '../../src/i18n/zh.js';
import { formatCard, formatInterval, formatResult, inlineCode } from '../../src/ui/quiz-view.js';
import { displayWidth } from '../../src/core/width.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('formatInterval', () => {
  it.each([
    [0, '1m', '1 分钟'],
    [30_000, '1m', '1 分钟'],
    [10 * MINUTE, '10m', '10 分钟'],
    [5 * HOUR, '5h', '5 小时'],
    [DAY, '1d', '1 天'],
    [3.4 * DAY, '3d', '3 天'],
    [45 * DAY, '1.5mo', '1.5 个月'],
    [400 * DAY, '1.1y', '1.1 年'],
  ])('%d ms → %s / %s', (ms, english, chinese) => {
    expect(formatInterval(ms, en)).toBe(english);
    expect(formatInterval(ms, zh)).toBe(chinese);
  });
});

describe('formatResult and formatCard', () => {
  const result = {
    correct: false,
    ratingName: 'Again',
    interval: '10m',
    expected: '2. It keeps the variance of the scores near one so softmax does not saturate',
    explain: 'Dot products of d_k independent unit-variance terms have variance d_k.',
    reread: 'ml-tutor read attention/2 --section 3',
  };

  it('says right or wrong, the answer, the explanation and where to reread, in plain text without colour', () => {
    const text = formatResult(result, { t: en, color: false, width: 40 });
    expect(text).not.toContain('\u001b');
    expect(text).toMatch(/^✗ Not quite {2}Again · next review in 10m\nAnswer: 2\. It keeps/);
    expect(text).toContain('Reread:\nml-tutor read attention/2 --section 3\n');
    for (const line of text.split('\n')) if (!line.startsWith('ml-tutor')) expect(displayWidth(line)).toBeLessThanOrEqual(40);
    expect(formatResult(result, { t: en, color: false, width: 80 })).toContain('Reread: ml-tutor read attention/2 --section 3\n');
    expect(formatResult({ ...result, correct: true, reread: undefined }, { t: en, color: false, width: 40 })).not.toContain('Reread');
    expect(formatResult({ ...result, interval: undefined, ratingName: undefined }, { t: en, color: false, width: 80 })).toContain('practice: the schedule is unchanged');
  });

  it('wraps Chinese by display width and suggests the section for a leech', () => {
    const text = formatResult(
      { ...result, expected: '2. 让打分的方差保持在 1 附近，softmax 就不会饱和', explain: '点积的方差等于 d_k。', leech: { card: 'attention/why-scale' } },
      { t: zh, color: true, width: 30 },
    );
    const plain = stripVTControlCharacters(text);
    expect(plain).toContain('✗ 不对  Again · 10m后复习');
    expect(plain).toContain('答案：2. 让打分的方差');
    expect(plain).toContain('已经忘记');
    expect(plain).toContain('重读：\nml-tutor read attention/2 --section 3\n');
    for (const line of plain.split('\n')) if (!line.startsWith('ml-tutor')) expect(displayWidth(line)).toBeLessThanOrEqual(30);
    const card = stripVTControlCharacters(formatCard({ number: 2, left: 3, again: 0, where: '透镜 §1', prompt: '什么能让光弯折？' }, { t: zh, color: true, width: 30 }));
    expect(card).toBe('\n第 2 张 · 还剩 3 张 · 透镜 §1\n什么能让光弯折？\n');
  });

  it('says why each picked wrong option is wrong, after the answer and before the explanation', () => {
    const whys = [
      { option: 1, why: 'Softmax already makes the weights sum to 1, with or without the scale.' },
      { option: 3, why: 'The mask adds −∞ before softmax; it works at any scale.' },
    ];
    const text = formatResult({ ...result, whys }, { t: en, color: true, width: 50 });
    expect(stripVTControlCharacters(text)).toBe(
      [
        '✗ Not quite  Again · next review in 10m',
        'Answer: 2. It keeps the variance of the scores',
        'near one so softmax does not saturate',
        'Why not 1: Softmax already makes the weights sum',
        'to 1, with or without the scale.',
        'Why not 3: The mask adds −∞ before softmax; it',
        'works at any scale.',
        'Dot products of d_k independent unit-variance',
        'terms have variance d_k.',
        'Reread: ml-tutor read attention/2 --section 3',
        '',
      ].join('\n'),
    );
    const chinese = stripVTControlCharacters(
      formatResult(
        { ...result, expected: '2. 让打分的方差保持在 1 附近', explain: '点积的方差等于 d_k。', whys: [{ option: 1, why: '不缩放时 softmax 的输出同样加起来等于 1，缩放与此无关。' }] },
        { t: zh, color: false, width: 30 },
      ),
    );
    expect(chinese).toContain('答案：2. 让打分的方差保持在 1\n附近\n为什么不选 1：不缩放时 softmax\n的输出同样加起来等于 1，缩放与\n此无关。\n点积的方差等于 d_k。\n');
    expect(formatResult(result, { t: en, color: false, width: 80 })).not.toContain('Why not');
  });

  it('counts the cards to repeat apart from those left, and says when a card comes back this session', () => {
    const card = stripVTControlCharacters(formatCard({ number: 4, left: 1, again: 2, where: 'Lenses §1', prompt: 'Which bends light?' }, { t: en, color: false, width: 80 }));
    expect(card).toBe('\nCard 4 · 1 left + 2 to repeat · Lenses §1\nWhich bends light?\n');
    const zhCard = stripVTControlCharacters(formatCard({ number: 4, left: 1, again: 2, where: '透镜 §1', prompt: '？' }, { t: zh, color: false, width: 80 }));
    expect(zhCard).toContain('第 4 张 · 还剩 1 张，另有 2 张要重做 · 透镜 §1');
    const again = formatResult({ correct: false, ratingName: 'Again', interval: '1m', againInSession: true, expected: '1. A lens', explain: '' }, { t: en, color: false, width: 80 });
    expect(again.split('\n')[0]).toBe('✗ Not quite  Again · again later in this session');
    expect(again).not.toContain('next review');
  });

  it('names what a wrong multi answer missed and wrongly picked, and a near miss', () => {
    const multi = formatResult({ correct: false, ratingName: 'Again', interval: '1m', missed: [1, 3], wronglyPicked: [2], expected: '1. a; 3. c', explain: '' }, { t: en, color: false, width: 80 });
    expect(multi).toContain('You missed: 1, 3\nShould not be picked: 2\nAnswer: 1. a; 3. c');
    const zhMulti = formatResult({ correct: false, missed: [1, 3], wronglyPicked: [], expected: '1；3', explain: '' }, { t: zh, color: false, width: 80 });
    expect(zhMulti).toContain('漏选了：1、3\n答案');
    expect(zhMulti).not.toContain('不该选');
    const near = formatResult({ correct: false, near: true, expected: 'focus', explain: '' }, { t: en, color: false, width: 80 });
    expect(near).toContain('Close: one letter away from the answer.\nAnswer: focus');
  });
});

describe('inline code in a question', () => {
  const prompt = 'A tool answers `--analogy a,b,c` with the word closest to a − b + c. Which query returns `tokyo`?';

  it('is drawn as code (yellow) without its backticks, and plain without colour', () => {
    expect(inlineCode(prompt, false)).toBe('A tool answers --analogy a,b,c with the word closest to a − b + c. Which query returns tokyo?');
    expect(inlineCode('`x`', true)).toBe('\u001b[33mx\u001b[39m');
    expect(inlineCode('a ` b', false)).toBe('a ` b');
  });

  it('shows no backticks in the card, the answer or the explanation', () => {
    const card = formatCard({ number: 1, left: 0, again: 0, where: 'Word vectors §4', prompt }, { t: en, color: false, width: 40 });
    expect(card).not.toContain('`');
    expect(card).toContain('--analogy a,b,c');
    const text = formatResult({ correct: true, expected: '1. `paris,france,japan`', explain: 'Use `--analogy`.' }, { t: en, color: false, width: 40 });
    expect(text).toContain('Answer: 1. paris,france,japan\nUse --analogy.\n');
  });
});
