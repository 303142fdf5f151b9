import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { heatmap, heatmapLegend, intensity, padEndWidth, padStartWidth, shadeFor } from '../../src/ui/heatmap.js';

const ANSI = /\u001b\[/;

describe('heatmap', () => {
  it('plain: a shade block beside each number, labels aligned, no ANSI codes', () => {
    const text = heatmap(
      [
        [0, 0.5],
        [1, 0.25],
      ],
      { color: false, rowLabels: ['q1', 'q2'], columnLabels: ['k1', 'k2'] },
    );
    expect(text).not.toMatch(ANSI);
    expect(text).toBe(['       k1     k2', 'q1   0.00 ▒ 0.50', 'q2 █ 1.00 ░ 0.25'].join('\n'));
  });

  it('colour: 256-colour backgrounds around the numbers, same text once stripped of codes', () => {
    const matrix = [
      [0, 1],
      [0.5, 0.5],
    ];
    const coloured = heatmap(matrix, { color: true });
    expect(coloured).toContain('\u001b[48;5;');
    // Each number sits inside its coloured cell, padded by a space on each side.
    expect(stripVTControlCharacters(coloured)).toBe([' 0.00   1.00 ', ' 0.50   0.50 '].join('\n'));
  });

  it('blank cells for masked entries; custom number format and scale', () => {
    const text = heatmap([[1, 0]], { color: false, hidden: [[false, true]], formatValue: (v) => v.toFixed(1), min: 0, max: 2 });
    expect(text).toBe('▒ 1.0     ·');
  });

  it('indents every line, header included, to sit with the text around it', () => {
    const text = heatmap([[1, 0]], { color: false, indent: '  ', rowLabels: ['q'], columnLabels: ['a', 'b'], min: 0, max: 1 });
    expect(text).toBe(['         a      b', '  q █ 1.00   0.00'].join('\n'));
  });

  it('aligns Chinese labels by display width', () => {
    const text = heatmap([[1], [1]], { color: false, rowLabels: ['猫', 'dog'] });
    const lines = text.split('\n');
    expect(lines[0]).toBe('猫  ▒ 1.00');
    expect(lines[1]).toBe('dog ▒ 1.00');
  });

  it('helpers', () => {
    expect(intensity(5, 0, 10)).toBe(0.5);
    expect(intensity(20, 0, 10)).toBe(1);
    expect(intensity(3, 3, 3)).toBe(0.5);
    expect(shadeFor(0)).toBe(' ');
    expect(shadeFor(1)).toBe('█');
    expect(padStartWidth('猫', 4)).toBe('  猫');
    expect(padEndWidth('猫', 4)).toBe('猫  ');
    // The low end is a blank (the brackets show it); "·" is kept for masked cells.
    expect(heatmapLegend(0, 1, { color: false })).toBe('0.00 [ ░▒▓█] 1.00');
    expect(heatmapLegend(0, 1, { color: false, masked: 'masked (weight 0)' })).toBe('0.00 [ ░▒▓█] 1.00   · masked (weight 0)');
    expect(stripVTControlCharacters(heatmapLegend(0, 1, { color: true, masked: '被掩码遮住（权重为 0）' }))).toBe(`0.00 ${' '.repeat(15)} 1.00   · 被掩码遮住（权重为 0）`);
    expect(heatmapLegend(0, 1, { color: true })).toMatch(ANSI);
  });
});
