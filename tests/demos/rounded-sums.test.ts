import { describe, expect, it } from 'vitest';
import { DEMOS, formatDemo, runDemo } from '../../src/demos/index.js';
import { roundedParts } from '../../src/demos/text.js';

// The boards' rule for rounded numbers: parts written beside their total add up to it as written.
// These tests read the printed text back, so they check what a learner would add up by hand.

const NUMBER = String.raw`\d+(?:\.\d+)?(?:e−?\d+)?`;
const TERM = String.raw`\(?−?${NUMBER}\)?`;
// The whole side of an equation, after a label ("q₁: ", "royalty   "): not the tail of "2 × (0 − 3)".
const SUM_AT_END = new RegExp(String.raw`(?:^|[:：]|\s{2})\s*(${TERM}(?:\s[+−]\s${TERM})+)$`);
const NUMBER_AT_START = new RegExp(String.raw`^(−?${NUMBER})(?=$|\s|,|；|。)`);

const value = (text: string): number => Number(text.replace(/[()]/g, '').replace(/−/g, '-'));
/** Digits after the point of a plain decimal; a number in scientific notation sets no precision. */
const decimalsOf = (text: string): number => (/e/.test(text) ? 0 : (/\.(\d+)/.exec(text)?.[1]?.length ?? 0));

interface WrittenSum {
  text: string;
  parts: string[];
  total: string;
}

/** Every "a + b − c = d" in a text whose terms are plain numbers (products and powers are not sums). */
export function writtenSums(text: string): WrittenSum[] {
  const found: WrittenSum[] = [];
  for (const line of text.split('\n')) {
    const sides = line.split(' = ');
    for (let i = 0; i + 1 < sides.length; i++) {
      const sum = SUM_AT_END.exec(sides[i] ?? '')?.[1];
      const total = NUMBER_AT_START.exec((sides[i + 1] ?? '').trim())?.[1];
      if (sum === undefined || total === undefined) continue;
      // "a − b" subtracts b: carry the operator into the part's sign.
      const parts = sum.split(/\s(?=[+−]\s)/).map((piece, n) => {
        if (n === 0 || piece.startsWith('+')) return n === 0 ? piece : piece.slice(2);
        const subtracted = piece.slice(2).replace(/[()]/g, '');
        return subtracted.startsWith('−') ? subtracted.slice(1) : `−${subtracted}`;
      });
      found.push({ text: `${sum} = ${total}`, parts, total });
    }
  }
  return found;
}

/** True when the written parts, added, round to the written total at the finest precision written. */
function addsUp(sum: WrittenSum): boolean {
  const decimals = Math.max(decimalsOf(sum.total), ...sum.parts.map(decimalsOf));
  const added = sum.parts.reduce((a, part) => a + value(part), 0);
  return Math.abs(added - value(sum.total)) < 0.5 * 10 ** -decimals + 1e-12;
}

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const VARIANTS: string[][] = [
  ...DEMOS.map((demo) => [demo.name]),
  ...SEEDS.map((seed) => ['attention', '--score', 'additive', '--seed', String(seed)]),
  ['attention', '--query', '1,0.2;0.3,1;0.5,0.5', '--keys', '0.9,0.1;0.2,0.8;0.45,0.55'],
  ['attention', '--mask', 'causal'],
  ['softmax', '--scores', '1,1,1'],
  ['softmax', '--scores', '0.3,0.2,0.1,0.9,1.7', '--temperature', '0.7'],
  ['softmax', '--scores', '-20,0,1'],
  ['sampling', '--scores', '1,1,1'],
  ['sampling', '--scores', '0.3,0.2,0.1,0.9,1.7', '--temperature', '1.3'],
  ['rnn', '--inputs', '0.3,0.7;0.11,0.9;1,1'],
  ['word-vectors'],
  ['gradient-descent', '--start', '0.12345', '--lr', '0.0777'],
  ['gradient-descent', '--start', '-1.23456', '--lr', '0.3333'],
];

describe('rounded numbers add up as written', () => {
  it('reads sums back from text', () => {
    expect(writtenSums('  q₁: 0.248 + 0.248 + 0.503 = 1')).toEqual([{ text: '0.248 + 0.248 + 0.503 = 1', parts: ['0.248', '0.248', '0.503'], total: '1' }]);
    expect(writtenSums('   = 0.5 + (−0.3) + 0.1 = 0.3')[0]?.parts).toEqual(['0.5', '(−0.3)', '0.1']);
    expect(writtenSums('  0.9 − 0.1 + 0.2 = 1')[0]?.parts).toEqual(['0.9', '−0.1', '0.2']);
    expect(writtenSums('  0.9 − (−0.1) = 1')[0]?.parts).toEqual(['0.9', '0.1']);
    expect(writtenSums('  q₁·k₁ = 1×1 + 0×0 = 1')).toEqual([]);
    expect(addsUp(writtenSums('  q₁: 0.248 + 0.248 + 0.503 = 1')[0]!)).toBe(false);
    expect(addsUp(writtenSums('  1 + 2.061e−9 = 1')[0]!)).toBe(true);
  });

  it('largest-remainder rounding keeps the total and moves no part by more than one last digit', () => {
    expect(roundedParts([0.2485, 0.2485, 0.503], 3)).toEqual([0.249, 0.248, 0.503]);
    expect(roundedParts([1 / 3, 1 / 3, 1 / 3], 2)).toEqual([0.34, 0.33, 0.33]);
    expect(roundedParts([0.5, -0.3, 0.1], 4)).toEqual([0.5, -0.3, 0.1]);
    const parts = [0.12345, 0.23456, -0.0199, 0.66189];
    const shown = roundedParts(parts, 3);
    shown.forEach((part, i) => expect(Math.abs(part - (parts[i] ?? 0))).toBeLessThan(0.001));
    expect(shown.reduce((a, b) => a + b, 0)).toBeCloseTo(Math.round(parts.reduce((a, b) => a + b, 0) * 1000) / 1000, 12);
  });

  it.each(VARIANTS)('%s … every written sum adds up, in English and Chinese', (...argv) => {
    const run = runDemo(argv);
    for (const lang of ['en', 'zh'] as const) {
      const sums = writtenSums(formatDemo(run, { lang, color: false, width: 200 }));
      for (const sum of sums) expect(addsUp(sum), sum.text).toBe(true);
    }
  });

  it.each([['sampling'], ['sampling', '--scores', '0.3,0.2,0.1,0.9,1.7', '--temperature', '1.3'], ['sampling', '--scores', '1,1,1']])(
    '%s … the p column adds up to 1 and each c is the sum of the p written above it',
    (...argv) => {
      const text = formatDemo(runDemo(argv), { lang: 'en', color: false, width: 200 });
      const lines = text.split('\n');
      const start = lines.findIndex((line) => /\bp\s+c\b/.test(line)) + 2;
      const rows = lines.slice(start).filter((_, i, all) => all.slice(0, i + 1).every((line) => line.trim() !== '')).map((line) => line.trim().split(/\s+/).slice(-2).map(value));
      expect(rows.length).toBeGreaterThan(2);
      let running = 0;
      for (const [p = NaN, c = NaN] of rows) {
        running += p;
        expect(c).toBeCloseTo(running, 10);
      }
      expect(running).toBeCloseTo(1, 10);
    },
  );

  it('softmax: the probabilities in the bars add up to the sum written under them', () => {
    const text = formatDemo(runDemo(['softmax', '--scores', '1,2,3']), { lang: 'en', color: false, width: 200 });
    const bars = text.split('\n').filter((line) => /^ {2}z\S+ = /.test(line)).map((line) => value(line.trim().split(/\s+/).at(-1) ?? ''));
    expect(bars).toEqual([0.09, 0.2447, 0.6653]);
    expect(text).toContain('sum of probabilities = 1\n');
  });

  it('the boards that write sums are all read (the check above is not vacuous)', () => {
    const counted = (argv: string[]): number => writtenSums(formatDemo(runDemo(argv), { lang: 'en', color: false, width: 200 })).length;
    expect(counted(['attention'])).toBe(3);
    expect(counted(['softmax'])).toBeGreaterThanOrEqual(1);
    expect(counted(['rnn'])).toBe(6);
    expect(counted(['word-vectors'])).toBeGreaterThan(0);
  });
});
