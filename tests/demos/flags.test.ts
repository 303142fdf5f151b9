import { describe, expect, it } from 'vitest';
import { UsageError, UserError } from '../../src/core/errors.js';
import { parseChoice, parseMatrix, parseNumberText, parseScalar, parseVector, splitFlags, type FlagSpec } from '../../src/demos/flags.js';

const specs: FlagSpec[] = [
  { name: 'keys', value: 'MATRIX', help: { en: '', zh: '' } },
  { name: 'lr', value: 'RATE', help: { en: '', zh: '' } },
  { name: 'list', value: '', help: { en: '', zh: '' } },
];

describe('splitFlags', () => {
  it.each([
    [[], {}],
    [['--keys', '1,0;0,1'], { keys: '1,0;0,1' }],
    [['--keys=1,2'], { keys: '1,2' }],
    [['--lr', '-0.5'], { lr: '-0.5' }],
    [['--keys', '-1,2', '--list'], { keys: '-1,2', list: 'true' }],
    [['--json', '--seed', '7'], { json: 'true', seed: '7' }],
  ])('%j → %j', (argv, expected) => {
    expect(splitFlags(argv, specs)).toEqual(expected);
  });

  it.each([
    [['--kyes', '1'], 'unknown flag --kyes (did you mean --keys?)'],
    [['--keys'], '--keys: missing value (expected MATRIX)'],
    [['--keys', '--lr', '1'], '--keys: missing value (expected MATRIX)'],
    [['--lr', '1', '--lr', '2'], '--lr: given more than once'],
    [['stray'], 'unexpected argument "stray" (flags start with --)'],
    [['--list=yes'], '--list: takes no value'],
  ])('%j → %s', (argv, message) => {
    expect(() => splitFlags(argv, specs)).toThrow(UsageError);
    expect(() => splitFlags(argv, specs)).toThrow(message);
  });
});

describe('value parsers', () => {
  it.each([
    ['1', 1],
    [' -2.5 ', -2.5],
    ['1e3', 1000],
    ['.5', 0.5],
    ['−3', -3],
    ['', undefined],
    ['abc', undefined],
    ['0x10', undefined],
    ['NaN', undefined],
    ['Infinity', undefined],
    ['1e400', undefined],
  ])('parseNumberText(%j) = %j', (text, expected) => {
    expect(parseNumberText(text)).toBe(expected);
  });

  it.each([
    ['1,0;0,1', [[1, 0], [0, 1]]],
    [' 1 , 2 ; 3 , 4 ', [[1, 2], [3, 4]]],
    ['5', [[5]]],
  ])('parseMatrix(%j)', (text, expected) => {
    expect(parseMatrix('keys', text)).toEqual(expected);
  });

  it.each([
    ['1,0;0,1,1', '--keys: row 2 has 3 entries, expected 2'],
    ['', '--keys: empty matrix'],
    ['1,0;', '--keys: row 2 is empty'],
    ['1,a', '--keys: entry 2 is "a", not a number'],
    ['1,0;0,x', '--keys: row 2 entry 2 is "x", not a number'],
    ['1,NaN', '--keys: entry 2 is "NaN", not a finite number'],
    ['1,,2', '--keys: entry 2 is empty'],
    [Array.from({ length: 65 }, () => '1').join(';'), '--keys: 65 rows, at most 64 allowed'],
    [Array.from({ length: 65 }, () => '1').join(','), '--keys: 65 columns, at most 64 allowed'],
  ])('parseMatrix(%j) fails: %s', (text, message) => {
    expect(() => parseMatrix('keys', text)).toThrow(UserError);
    expect(() => parseMatrix('keys', text)).toThrow(message);
  });

  it('parseVector wants one row', () => {
    expect(parseVector('scores', '1, 2, 3')).toEqual([1, 2, 3]);
    expect(() => parseVector('scores', '1;2')).toThrow('--scores: expected one row (a vector), got 2 rows');
  });

  it('parseScalar checks ranges', () => {
    expect(parseScalar('steps', '5', { integer: true, min: 1 })).toBe(5);
    expect(() => parseScalar('steps', '2.5', { integer: true, min: 1 })).toThrow('--steps: expected an integer ≥ 1, got "2.5"');
    expect(() => parseScalar('lr', '0', { min: 0, exclusiveMin: true })).toThrow('--lr: expected a number > 0, got "0"');
    expect(() => parseScalar('lr', 'fast')).toThrow('--lr: expected a number, got "fast"');
  });

  it('parseChoice suggests a near miss', () => {
    expect(parseChoice('mask', 'Causal', ['none', 'causal'])).toBe('causal');
    expect(() => parseChoice('mask', 'casual', ['none', 'causal'])).toThrow('--mask: expected none, causal; got "casual" (did you mean causal?)');
  });
});
