import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { axisFormat, barChart, barOf, compactNumber, lineChart, sampleIndices } from '../../src/ui/chart.js';

const ANSI = /\u001b\[/;

describe('lineChart', () => {
  it('draws a rising line with box characters and a labelled axis', () => {
    const text = lineChart([0, 1, 2, 3], { color: false, height: 4 });
    expect(text).toBe(['3 ┤  ╭─', '2 ┤ ╭╯', '1 ┤╭╯', '0 ┤╯'].join('\n'));
  });

  it('draws a fall and a flat stretch', () => {
    const text = lineChart([2, 2, 0, 0], { color: false, height: 3 });
    expect(text).toBe(['2 ┤─╮', '1 ┤ │', '0 ┤ ╰──'].join('\n'));
  });

  it('log scale spaces powers of ten evenly', () => {
    const text = lineChart([1, 0.1, 0.01, 0.001], { color: false, height: 4, logScale: true, xLabels: ['k = 0', '3'] });
    expect(text).toBe(['    1 ┤╮', '  0.1 ┤╰╮', ' 0.01 ┤ ╰╮', '0.001 ┤  ╰─', '       k = 0 3'].join('\n'));
  });

  it('colour adds codes around the line only', () => {
    const coloured = lineChart([0, 1], { color: true, height: 2 });
    expect(coloured).toMatch(ANSI);
    expect(stripVTControlCharacters(coloured)).toBe(lineChart([0, 1], { color: false, height: 2 }));
  });

  it('samples long series and skips what cannot be drawn', () => {
    expect(sampleIndices(5, 10)).toEqual([0, 1, 2, 3, 4]);
    expect(sampleIndices(101, 3)).toEqual([0, 50, 100]);
    expect(lineChart(Array.from({ length: 500 }, (_, i) => i), { color: false, width: 40 }).split('\n')[0]?.length).toBeLessThanOrEqual(60);
    expect(lineChart([0, -1], { color: false, logScale: true })).toBe('');
    expect(lineChart([], { color: false })).toBe('');
  });

  it('one number format per axis: never 9.4e-4 beside 0.25', () => {
    // QA: the xor-mlp loss axis ran from 0.25 down to 9.4e-4
    const text = lineChart([0.25, 0.1, 0.01, 0.00094], { color: false, height: 4 });
    const labels = text.split('\n').map((line) => line.split(' ┤')[0]?.trim());
    expect(labels).toEqual(['0.250', '0.167', '0.084', '0.001']);
    // linear: decimals enough to tell neighbours apart; none for whole numbers
    expect([0, 0.5, 1].map(axisFormat([0, 0.5, 1]))).toEqual(['0.00', '0.50', '1.00']);
    expect([0, 10, 20].map(axisFormat([0, 10, 20]))).toEqual(['0', '10', '20']);
    expect([-2, -1].map(axisFormat([-2, -1]))).toEqual(['−2', '−1']);
    // anything that needs scientific notation puts the whole axis in it
    expect([1e-5, 0.5].map(axisFormat([1e-5, 0.5], true))).toEqual(['1.0e-5', '5.0e-1']);
    expect([0, 50000, 100000].map(axisFormat([0, 50000, 100000]))).toEqual(['0', '5.0e4', '1.0e5']);
    expect([1, 0.1, 0.01].map(axisFormat([1, 0.1, 0.01], true))).toEqual(['1', '0.1', '0.01']);
  });

  it('compact axis numbers', () => {
    expect(compactNumber(0)).toBe('0');
    expect(compactNumber(0.123456)).toBe('0.123');
    expect(compactNumber(-2.5)).toBe('−2.5');
    expect(compactNumber(123456)).toBe('1.2e5');
    expect(compactNumber(0.0001)).toBe('1.0e-4');
  });
});

describe('barChart', () => {
  it('draws proportional bars with eighth blocks, labels aligned by display width', () => {
    const text = barChart(
      [
        { label: '猫', value: 1 },
        { label: 'dog', value: 0.5 },
        { label: 'x', value: 0.0625 },
      ],
      { color: false, width: 4, formatValue: (v) => v.toFixed(2) },
    );
    expect(text).toBe(['猫  ████ 1.00', 'dog ██   0.50', 'x   ▎    0.06'].join('\n'));
  });

  it('uses the given maximum and absolute values', () => {
    expect(barChart([{ label: 'a', value: -0.5 }], { color: false, width: 2, max: 1, formatValue: String })).toBe('a █  -0.5');
    expect(barOf(1.5)).toBe('█▌');
    expect(barOf(0)).toBe('');
  });
});
