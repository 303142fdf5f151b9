import { localized } from '../i18n/demos.js';
import { UserError } from '../core/errors.js';
import { dot } from '../math/matrix.js';
import { pairFrequency, positionalEncoding } from '../math/positional-encoding.js';
import { barChart } from '../ui/chart.js';
import { heatmap, heatmapLegend } from '../ui/heatmap.js';
import { MAX_DIMENSION, readScalar } from './flags.js';
import { board, guessTolerance, num, sub } from './text.js';
import type { DemoDefinition } from './types.js';

export type PositionalEncodingResult = {
  positions: number;
  d_model: number;
  /** encoding[pos][dimension] */
  encoding: number[][];
  /** frequencies[i] = 1 / 10000^(2i / d_model), one per pair of dimensions */
  frequencies: number[];
  /** similarity[pos] = PE(0) · PE(pos): how alike position 0 and each position look (PE(0)·PE(0) = d_model / 2) */
  similarity: number[];
};

export function runPositionalEncoding(positions: number, modelWidth: number): PositionalEncodingResult {
  const encoding = positionalEncoding(positions, modelWidth);
  const first = encoding[0] ?? [];
  return {
    positions,
    d_model: modelWidth,
    encoding,
    frequencies: Array.from({ length: modelWidth / 2 }, (_, i) => pairFrequency(i, modelWidth)),
    similarity: encoding.map((row) => dot(first, row)),
  };
}

export const positionalEncodingDemo: DemoDefinition<PositionalEncodingResult> = {
  name: 'positional-encoding',
  topic: 'attention',
  summary: localized((m) => m.positionalEncoding.summary),
  seeded: false,
  flags: [
    { name: 'positions', value: 'N', defaultText: '8', help: localized((m) => m.positionalEncoding.flagPositions) },
    { name: 'd-model', value: 'D', defaultText: '8', help: localized((m) => m.positionalEncoding.flagDModel) },
  ],
  examples: ['--positions 8 --d-model 8', '--positions 16 --d-model 4'],
  run(values) {
    const positions = readScalar(values, 'positions', 8, { integer: true, min: 1, max: MAX_DIMENSION });
    const modelWidth = readScalar(values, 'd-model', 8, { integer: true, min: 2, max: MAX_DIMENSION });
    if (modelWidth % 2 !== 0) {
      throw new UserError((t) => t.dModelOdd(String(modelWidth)));
    }
    return runPositionalEncoding(positions, modelWidth);
  },
  predict(result) {
    const position = Math.min(1, result.positions - 1);
    return {
      question: localized((m) => m.positionalEncoding.question(position)),
      answer: result.encoding[position]?.[0] ?? 0,
      tolerance: guessTolerance(result.encoding[position]?.[0] ?? 0),
    };
  },
  format(result, options) {
    const { block, finish, heading, prose, titled, m } = board(options);
    const d = result.d_model;
    const lines = [
      titled(m.positionalEncoding.positionalEncoding, `PE(pos, 2i) = sin(pos / 10000^(2i/${d})),  PE(pos, 2i+1) = cos(…)`),
      prose(`  ${m.positionalEncoding.attentionAloneIgnoresOrder}`),
      '',
      heading(m.positionalEncoding.speedOfEachPair),
      ...result.frequencies.map(
        (frequency, i) => `  ${m.positionalEncoding.dims(2 * i, 2 * i + 1, `1 / 10000^(${2 * i}/${d}) = ${num(frequency, 6)}`)}`,
      ),
    ];
    if (result.positions > 1) {
      const row = result.encoding[1] ?? [];
      lines.push('', heading(m.positionalEncoding.positionWorkedOut));
      row.slice(0, 4).forEach((value, dimension) => {
        const fn = dimension % 2 === 0 ? 'sin' : 'cos';
        const frequency = result.frequencies[Math.floor(dimension / 2)] ?? 0;
        lines.push(`  PE(1, ${dimension}) = ${fn}(1 × ${num(frequency, 6)}) = ${num(value)}`);
      });
    }
    lines.push('', heading(m.positionalEncoding.theEncodingsRowsPositions));
    // As many columns as fit: each takes 8 (a 7-wide cell and a space) after "  pos 7 "; an even number, sin with its cos.
    const labelWidth = `pos ${result.positions - 1}`.length;
    const fitting = Math.floor((options.width - labelWidth - 2) / 8);
    const shownColumns = Math.min(d, 8, Math.max(2, fitting - (fitting % 2)));
    lines.push(
      ...block(heatmap(
        result.encoding.map((row) => row.slice(0, shownColumns)),
        {
          color: options.color,
          min: -1,
          max: 1,
          indent: '  ',
          rowLabels: result.encoding.map((_, pos) => `pos ${pos}`),
          columnLabels: Array.from({ length: shownColumns }, (_, dimension) => `d${sub(dimension)}`),
        },
      )),
    );
    if (shownColumns < d) lines.push(`  … ${m.positionalEncoding.moreDimensions(d - shownColumns)}`);
    lines.push(`  ${heatmapLegend(-1, 1, { color: options.color })}`);
    lines.push('', heading('PE(0) · PE(pos) = Σᵢ cos(ωᵢ · pos)'));
    lines.push(prose(`  ${m.positionalEncoding.itDependsOnlyOn}`));
    lines.push(
      ...block(barChart(
        result.similarity.map((value, pos) => ({ label: `  pos ${pos}`, value })),
        { color: options.color, width: Math.max(10, Math.min(30, options.width - 30)), max: d / 2, formatValue: (value) => num(value, 3) },
      )),
    );
    return finish(lines);
  },
};
