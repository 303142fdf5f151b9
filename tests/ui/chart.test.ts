import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { barChart, barOf, compactNumber, lineChart, sampleIndices } from '../../src/ui/chart.js';

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
