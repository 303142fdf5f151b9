import { describe, expect, it } from 'vitest';
import {
  describeExpected,
  gradeAnswer,
  wrongPicks,
  presentQuestion,
  shownOptionTexts,
  shuffleOptions,
  type GradeResult,
  type PresentedQuestion,
} from '../../src/core/grade.js';
import { normalizeText, parseNumberInput, withinTolerance } from '../../src/core/answer-input.js';
import type { NumericQuestion, Question, TextQuestion, TrueFalseQuestion } from '../../src/core/question.js';
import { choice, lcg, multi } from './helpers.js';

const base = { explain: 'why', section: 1, path: 'lessons/x.en.md', line: 1, lessonId: 'attention/scaled-dot-product' };

/** Options presented in file order, so option numbers in the tables are predictable. */
const identityRng = (): number => 0.999999;

function shown(question: Question): PresentedQuestion {
  return presentQuestion(question, identityRng);
}

/** 'right' / 'wrong' for a grade, or the English message for unusable input. */
function outcome(result: GradeResult): string {
  return result.kind === 'graded' ? (result.correct ? 'right' : 'wrong') : `invalid: ${result.message.en}`;
}

describe('the identity rng presents options in file order', () => {
  it('keeps the order', () => {
    const presented = shown(choice([{ text: 'a', correct: true }, { text: 'b', correct: false }, { text: 'c', correct: false }]));
    expect(shownOptionTexts(presented, 'en')).toEqual(['a', 'b', 'c']);
  });
});

describe('choice', () => {
  // Option 2 is right.
  const question = choice([
    { text: 'It makes the weights sum to 1', correct: false },
    { text: 'It keeps the variance near 1', correct: true },
    { text: 'It is needed by the mask', correct: false },
  ]);
  const presented = shown(question);

  it.each([
    ['2', 'right'],
    [' 2 ', 'right'],
    ['２', 'right'], // full-width digit from a Chinese input method
    ['1', 'wrong'],
    ['3', 'wrong'],
    ['02', 'right'],
    ['0', 'invalid: expected an option number from 1 to 3, got "0"'],
    ['4', 'invalid: expected an option number from 1 to 3, got "4"'],
    ['b', 'invalid: expected an option number from 1 to 3, got "b"'],
    ['1,2', 'invalid: expected an option number from 1 to 3, got "1,2"'],
    ['', 'invalid: type an answer'],
    ['   ', 'invalid: type an answer'],
  ])('%j → %s', (input, expected) => {
    expect(outcome(gradeAnswer(presented, input))).toBe(expected);
  });

  it('reports the expected option by its shown number', () => {
    expect(gradeAnswer(presented, '1')).toEqual({ kind: 'graded', correct: false, expected: { type: 'choice', option: 2 }, picked: [1] });
    expect(describeExpected(presented, 'en')).toBe('2. It keeps the variance near 1');
  });

  it('gives the message in Chinese too', () => {
    const result = gradeAnswer(presented, '五');
    expect(result.kind === 'invalid' && result.message.zh).toBe('请输入 1 到 3 之间的选项编号；收到“五”');
  });

  it('maps a shuffled answer back to the right option', () => {
    const shuffled = presentQuestion(question, lcg(3));
    if (shuffled.type !== 'choice') throw new Error('expected a choice');
    const shownNumber = shuffled.options.findIndex((option) => option.correct) + 1;
    expect(shuffled.options[shownNumber - 1]?.sourceIndex).toBe(1);
    expect(outcome(gradeAnswer(shuffled, String(shownNumber)))).toBe('right');
    for (let n = 1; n <= 3; n++) {
      if (n !== shownNumber) expect(outcome(gradeAnswer(shuffled, String(n)))).toBe('wrong');
    }
    expect(gradeAnswer(shuffled, '1')).toMatchObject({ expected: { type: 'choice', option: shownNumber } });
  });
});

describe('multi', () => {
  // Options 1 and 3 are right (of 4).
  const presented = shown(
    multi([
      { text: 'queries', correct: true },
      { text: 'labels', correct: false },
      { text: 'keys', correct: true },
      { text: 'losses', correct: false },
    ]),
  );

  it.each([
    ['1,3', 'right'],
    ['3,1', 'right'], // any order
    ['1, 3', 'right'],
    ['1 3', 'right'],
    ['1,3,3,1', 'right'], // duplicates are fine
    ['１，３', 'right'], // full-width digits and comma
    ['1、3', 'right'], // the Chinese enumeration comma
    ['1；3', 'right'],
    ['1,3,', 'right'],
    ['1', 'wrong'], // all-or-nothing: a subset is wrong
    ['1,2,3', 'wrong'], // a superset is wrong
    ['2,4', 'wrong'],
    ['1,5', 'invalid: expected option numbers from 1 to 4 separated by commas, such as "1,3"; got "1,5"'],
    ['1,x', 'invalid: expected option numbers from 1 to 4 separated by commas, such as "1,3"; got "1,x"'],
    [' , ', 'invalid: type an answer'],
  ])('%j → %s', (input, expected) => {
    expect(outcome(gradeAnswer(presented, input))).toBe(expected);
  });

  it.each([
    ['1', [3], []],
    ['1,2,3', [], [2]],
    ['4,2', [1, 3], [2, 4]],
  ])('a wrong %j names what was missed (%j) and wrongly picked (%j)', (input, missed, wronglyPicked) => {
    expect(gradeAnswer(presented, input)).toMatchObject({ correct: false, missed, wronglyPicked });
  });

  it('a right answer carries no lists', () => {
    expect(gradeAnswer(presented, '3,1')).not.toHaveProperty('missed');
  });

  it('expects the shown numbers, in order', () => {
    expect(gradeAnswer(presented, '2')).toMatchObject({ expected: { type: 'multi', options: [1, 3] } });
    expect(describeExpected(presented, 'en')).toBe('1. queries; 3. keys');
  });

  it('maps shuffled answers back', () => {
    const shuffled = presentQuestion(
      multi([
        { text: 'queries', correct: true },
        { text: 'labels', correct: false },
        { text: 'keys', correct: true },
        { text: 'losses', correct: false },
      ]),
      lcg(11),
    );
    if (shuffled.type !== 'multi') throw new Error('expected multi');
    const right = shuffled.options.flatMap((option, i) => (option.correct ? [i + 1] : []));
    expect(shuffled.options.filter((option) => option.correct).map((option) => option.sourceIndex).sort()).toEqual([0, 2]);
    expect(outcome(gradeAnswer(shuffled, right.reverse().join(',')))).toBe('right');
  });
});

describe('wrongPicks: the why of each wrong option picked', () => {
  // In file order: 1 right, 2 wrong with a why, 3 right (multi only), 4 wrong without a why.
  const options = [
    { text: 'queries', correct: true },
    { text: 'labels', correct: false, why: 'Labels are targets, not inputs to attention.' },
    { text: 'keys', correct: false },
    { text: 'losses', correct: false },
  ];
  const single = shown(choice(options));
  const several = shown(multi([options[0]!, options[1]!, { text: 'keys', correct: true }, { text: 'losses', correct: false, why: 'The loss comes after attention.' }]));
  const pick = (presented: PresentedQuestion, input: string): string[] => {
    const grade = gradeAnswer(presented, input);
    return grade.kind === 'graded' ? wrongPicks(presented, grade.picked).map((entry) => `${entry.option}: ${entry.why}`) : ['invalid'];
  };

  it.each([
    ['choice, the right option', single, '1', []],
    ['choice, a wrong option with a why', single, '2', ['2: Labels are targets, not inputs to attention.']],
    ['choice, a wrong option without one', single, '4', []],
    ['multi, right', several, '1,3', []],
    ['multi, one wrong pick beside right ones', several, '1,2,3', ['2: Labels are targets, not inputs to attention.']],
    ['multi, two wrong picks, in shown order', several, '4,2', ['2: Labels are targets, not inputs to attention.', '4: The loss comes after attention.']],
    ['multi, a right option missed but nothing wrong picked', several, '1', []],
  ])('%s', (_name, presented, input, expected) => {
    expect(pick(presented, input)).toEqual(expected);
  });

  it('follows the options when they are shuffled', () => {
    const shuffled = presentQuestion(choice(options), lcg(11));
    if (shuffled.type !== 'choice') throw new Error('expected choice');
    const labels = shuffled.options.findIndex((option) => option.text === 'labels') + 1;
    expect(pick(shuffled, String(labels))).toEqual([`${labels}: Labels are targets, not inputs to attention.`]);
  });

  it('is empty for a question without options', () => {
    const question: TrueFalseQuestion = { ...base, id: 'tf/x', type: 'truefalse', prompt: 'P', answer: true };
    expect(wrongPicks(shown(question), [1])).toEqual([]);
  });
});

describe('truefalse', () => {
  const isTrue: TrueFalseQuestion = { ...base, id: 'tf/t', type: 'truefalse', prompt: 'Softmax outputs sum to 1.', answer: true };
  const isFalse: TrueFalseQuestion = { ...isTrue, id: 'tf/f', answer: false };

  it.each([
    ['1', true],
    ['2', false],
    ['true', true],
    ['TRUE', true],
    ['False', false],
    ['t', true],
    ['f', false],
    ['yes', true],
    ['no', false],
    ['Y', true],
    ['n', false],
    ['对', true],
    ['错', false],
    ['是', true],
    ['否', false],
    ['正确', true],
    ['错误', false],
    ['１', true], // full-width
    ['２', false],
    ['  yes  ', true],
  ])('%j means %s', (input, meaning) => {
    expect(outcome(gradeAnswer(shown(isTrue), input))).toBe(meaning ? 'right' : 'wrong');
    expect(outcome(gradeAnswer(shown(isFalse), input))).toBe(meaning ? 'wrong' : 'right');
  });

  it.each(['3', 'maybe', '不知道', ''])('%j is not an answer', (input) => {
    const result = gradeAnswer(shown(isTrue), input);
    expect(result.kind).toBe('invalid');
  });

  it('explains what it expected, in both languages', () => {
    const result = gradeAnswer(shown(isTrue), 'maybe');
    expect(result.kind === 'invalid' && result.message).toEqual({
      en: 'expected true or false (or 1 or 2), got "maybe"',
      zh: '请输入“对”或“错”（或 1、2）；收到“maybe”',
    });
  });

  it('shows True / False (对 / 错) as options 1 and 2', () => {
    expect(shownOptionTexts(shown(isTrue), 'en')).toEqual(['True', 'False']);
    expect(shownOptionTexts(shown(isTrue), 'zh')).toEqual(['对', '错']);
    expect(describeExpected(shown(isFalse), 'zh')).toBe('错');
    expect(gradeAnswer(shown(isFalse), '1')).toMatchObject({ expected: { type: 'truefalse', answer: false } });
  });
});

describe('numeric', () => {
  const question: NumericQuestion = {
    ...base,
    id: 'num/half',
    type: 'numeric',
    prompt: 'softmax([0, 0])₁?',
    answer: 0.5,
    tolerance: 0.01,
  };
  const presented = shown(question);

  it.each([
    ['0.5', 'right'],
    ['.5', 'right'],
    ['0.50', 'right'],
    ['+0.5', 'right'],
    ['0.51', 'right'], // on the tolerance edge: |0.51 − 0.5| = 0.01
    ['0.49', 'right'],
    ['0.511', 'wrong'],
    ['0.4', 'wrong'],
    ['-0.5', 'wrong'],
    ['5e-1', 'right'],
    ['1/2', 'right'],
    [' 1 / 2 ', 'right'],
    ['2/4', 'right'],
    ['０．５', 'right'], // full-width digits and full stop
    ['０.５', 'right'],
    ['0。5', 'right'], // the Chinese full stop typed for "."
    ['１／２', 'right'], // full-width slash
    ['1/3', 'wrong'],
    ['1,5', 'invalid: expected a number with a dot for decimals and no thousands separator, such as 1.5; got "1,5"'],
    ['0,5', 'invalid: expected a number with a dot for decimals and no thousands separator, such as 1.5; got "0,5"'],
    ['０，５', 'invalid: expected a number with a dot for decimals and no thousands separator, such as 1.5; got "０，５"'],
    ['abc', 'invalid: expected a number such as 0.25 or 1/3, got "abc"'],
    ['50%', 'invalid: expected a number such as 0.25 or 1/3, got "50%"'],
    ['1/0', 'invalid: "1/0" divides by zero; expected a number such as 0.25 or 1/3'],
    ['Infinity', 'invalid: expected a number such as 0.25 or 1/3, got "Infinity"'],
    ['NaN', 'invalid: expected a number such as 0.25 or 1/3, got "NaN"'],
    ['0x1', 'invalid: expected a number such as 0.25 or 1/3, got "0x1"'],
    ['1 2', 'invalid: expected a number such as 0.25 or 1/3, got "1 2"'],
    ['', 'invalid: type an answer'],
  ])('%j → %s', (input, expected) => {
    expect(outcome(gradeAnswer(presented, input))).toBe(expected);
  });

  it.each([
    ['-1.5', -1.5],
    ['−1.5', -1.5], // U+2212 MINUS SIGN
    ['－１．５', -1.5], // full-width minus
    ['1e3', 1000],
    ['1E-2', 0.01],
    ['-2/-4', 0.5],
    ['3.', 3],
  ])('parseNumberInput(%j) is %d', (input, value) => {
    expect(parseNumberInput(input)).toEqual({ ok: true, value });
  });

  it('gives the decimal-comma message in Chinese too', () => {
    const result = gradeAnswer(presented, '1,5');
    expect(result.kind === 'invalid' && result.message.zh).toBe('请用小数点表示小数、不要用千位分隔符，例如 1.5；收到“1,5”');
  });

  it('exact answers survive floating-point rounding (tolerance 0)', () => {
    const exact = shown({ ...question, answer: 0.1 + 0.2, tolerance: 0 });
    expect(outcome(gradeAnswer(exact, '0.3'))).toBe('right');
    expect(outcome(gradeAnswer(exact, '0.3001'))).toBe('wrong');
  });

  it.each([
    [0.5, 0.5, 0, true],
    [0.3, 0.1 + 0.2, 0, true],
    [1e6 + 1, 1e6, 0.5, false],
    [-1.005, -1, 0.005, true],
    [-1.0051, -1, 0.005, false],
  ])('withinTolerance(%d, %d, %d) is %s', (value, answer, tolerance, expected) => {
    expect(withinTolerance(value, answer, tolerance)).toBe(expected);
  });

  it('reports the answer and tolerance', () => {
    expect(gradeAnswer(presented, '0.7')).toEqual({
      kind: 'graded',
      correct: false,
      expected: { type: 'numeric', answer: 0.5, tolerance: 0.01 },
    });
    expect(describeExpected(presented, 'en')).toBe('0.5 (± 0.01)');
    expect(describeExpected(shown({ ...question, answer: 2 / 3, tolerance: 0 }), 'en')).toBe('0.6667');
  });
});

describe('numeric with a generator', () => {
  const question: NumericQuestion = {
    ...base,
    id: 'gen/softmax',
    type: 'numeric',
    prompt: 'Compute it.',
    generator: 'softmax-prob',
  };

  it('draws a problem and grades against its answer', () => {
    const presented = presentQuestion(question, lcg(5));
    if (presented.type !== 'numeric' || !presented.generated) throw new Error('expected a generated problem');
    expect(presented.answer).toBe(presented.generated.answer);
    expect(presented.tolerance).toBe(0.01);
    expect(outcome(gradeAnswer(presented, presented.answer.toFixed(2)))).toBe('right');
    expect(outcome(gradeAnswer(presented, (presented.answer + 0.05).toFixed(2)))).toBe('wrong');
  });

  it("the question's own tolerance overrides the generator's", () => {
    const presented = presentQuestion({ ...question, tolerance: 0.1 }, lcg(5));
    expect(presented.type === 'numeric' && presented.tolerance).toBe(0.1);
  });

  it('the same seed draws the same numbers', () => {
    const first = presentQuestion(question, lcg(9));
    const second = presentQuestion(question, lcg(9));
    expect(first).toEqual(second);
  });
});

describe('text', () => {
  const question: TextQuestion = {
    ...base,
    id: 'text/attn',
    type: 'text',
    prompt: 'What mechanism lets a decoder look back at every encoder state?',
    accept: ['attention', 'attention mechanism', '注意力', '注意力机制', 'Self Attention'],
  };
  const presented = shown(question);

  it.each([
    ['attention', 'right'],
    ['Attention', 'right'],
    ['ATTENTION', 'right'],
    ['  attention  ', 'right'],
    ['attention   mechanism', 'right'], // runs of spaces collapse
    ['attention\tmechanism', 'right'],
    ['ａｔｔｅｎｔｉｏｎ', 'right'], // full-width Latin letters
    ['注意力', 'right'],
    ['注意力机制', 'right'],
    ['　注意力　', 'right'], // ideographic spaces
    ['self attention', 'right'], // accept entries are normalised too
    ['attentions', 'wrong'],
    ['注意', 'wrong'],
    ['recurrence', 'wrong'],
    ['', 'invalid: type an answer'],
  ])('%j → %s', (input, expected) => {
    expect(outcome(gradeAnswer(presented, input))).toBe(expected);
  });

  // One typo (Damerau-Levenshtein distance 1) from an accepted answer of 4+ letters: still wrong, but near.
  it.each([
    ['attentoin', true], // two neighbours swapped
    ['atention', true], // one dropped
    ['attentiion', true], // one added
    ['attemtion', true], // one changed
    ['attentions', true],
    ['注意力机器', true], // one character of 注意力机制 changed
    ['attenton mechanizm', false], // two typos
    ['atnetion', false],
    ['recurrence', false],
    ['注意', false], // 注意力 has three characters: too short for a typo hint
  ])('%j: near %s', (input, near) => {
    const grade = gradeAnswer(presented, input);
    expect(grade).toMatchObject({ kind: 'graded', correct: false });
    expect('near' in grade && grade.near === true).toBe(near);
  });

  it('never calls a right answer or a short one near', () => {
    expect(gradeAnswer(presented, 'attention')).not.toHaveProperty('near');
    expect(gradeAnswer(shown({ ...question, accept: ['rnn'] }), 'rnm')).not.toHaveProperty('near');
  });

  it('expects the first accepted answer', () => {
    expect(gradeAnswer(presented, 'x')).toMatchObject({ expected: { type: 'text', answer: 'attention' } });
    expect(describeExpected(presented, 'zh')).toBe('attention');
    expect(shownOptionTexts(presented, 'en')).toBeUndefined();
  });
});

describe('normalizeText', () => {
  it.each([
    ['  Hello   World ', 'hello world'],
    ['ＡＢＣ　１２３', 'abc 123'],
    ['Ｑ·Ｋ', 'q·k'],
    ['ﬁne', 'fine'], // NFKC expands the ligature
  ])('%j → %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});

describe('shuffleOptions', () => {
  const options = ['a', 'b', 'c', 'd', 'e'].map((text, i) => ({ text, correct: i === 0 }));

  it('is a permutation that remembers where each option came from', () => {
    const result = shuffleOptions(options, lcg(1));
    expect(result.map((option) => option.text).sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    for (const option of result) expect(options[option.sourceIndex]?.text).toBe(option.text);
  });

  it('is reproducible with the same seed and varies across seeds', () => {
    const order = (seed: number): string => shuffleOptions(options, lcg(seed)).map((option) => option.text).join('');
    expect(order(1)).toBe(order(1));
    const orders = new Set([1, 2, 3, 4, 5, 6, 7, 8].map(order));
    expect(orders.size).toBeGreaterThan(3);
  });

  it('puts the right option in every position over many reviews', () => {
    const rng = lcg(2024);
    const positions = new Set<number>();
    for (let i = 0; i < 200; i++) positions.add(shuffleOptions(options, rng).findIndex((option) => option.correct));
    expect([...positions].sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('does not touch its input', () => {
    const copy = structuredClone(options);
    shuffleOptions(options, lcg(1));
    expect(options).toEqual(copy);
  });
});
