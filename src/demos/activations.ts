import { localized } from '../i18n/demos.js';
import { dRelu, dSigmoid, dTanh, relu, sigmoid, tanh } from '../math/activations.js';
import { lineChart } from '../ui/chart.js';
import { readVector } from './flags.js';
import { board, guessTolerance, num, table } from './text.js';
import type { DemoDefinition } from './types.js';

export type ActivationsResult = {
  x: number[];
  sigmoid: number[];
  tanh: number[];
  relu: number[];
  d_sigmoid: number[];
  d_tanh: number[];
  d_relu: number[];
};

export function runActivations(x: number[]): ActivationsResult {
  return {
    x,
    sigmoid: x.map(sigmoid),
    tanh: x.map(tanh),
    relu: x.map(relu),
    d_sigmoid: x.map(dSigmoid),
    d_tanh: x.map(dTanh),
    d_relu: x.map(dRelu),
  };
}

// Sample points for the small curves: −4 … 4 in steps of 0.25.
const CURVE_X = Array.from({ length: 33 }, (_, i) => -4 + i * 0.25);

export const activationsDemo: DemoDefinition<ActivationsResult> = {
  name: 'activations',
  topic: 'deep-learning',
  summary: localized((m) => m.activations.summary),
  seeded: false,
  flags: [{ name: 'x', value: 'VECTOR', defaultText: '-3,-1,0,1,3', help: localized((m) => m.activations.flagX) }],
  examples: ['--x "-3,-1,0,1,3"', '--x "-10,10"'],
  run(values) {
    return runActivations(readVector(values, 'x', [-3, -1, 0, 1, 3]));
  },
  predict(result) {
    return {
      question: localized((m) => m.activations.question(num(result.x[0] ?? 0))),
      answer: result.sigmoid[0] ?? 0,
      tolerance: guessTolerance(result.sigmoid[0] ?? 0),
    };
  },
  format(result, options) {
    const { block, finish, heading, prose, m } = board(options);
    // Three decimals and narrower gaps when four would not fit the terminal.
    const narrow = options.width < 60;
    const rows = result.x.map((x, i) =>
      [x, result.sigmoid[i], result.tanh[i], result.relu[i], result.d_sigmoid[i], result.d_tanh[i], result.d_relu[i]].map((value) =>
        num(value ?? 0, narrow ? 3 : 4),
      ),
    );
    const curve = (label: string, fn: (x: number) => number): string[] => [
      `  ${label}`,
      ...block(
        lineChart(CURVE_X.map(fn), { color: options.color, height: 5, width: Math.max(10, options.width - 14) })
          .split('\n')
          .map((line) => `    ${line}`),
      ),
    ];
    return finish([
      heading(m.activations.activationFunctions),
      '  σ(x) = 1/(1+e⁻ˣ)      σ′(x) = σ(x)(1−σ(x))',
      '  tanh(x)                tanh′(x) = 1 − tanh²(x)',
      m.activations.relu,
      '',
      ...block(table(['x', 'σ', 'tanh', 'relu', 'σ′', 'tanh′', 'relu′'], rows, '  ', narrow ? ' ' : '  ')),
      '',
      heading(m.activations.curvesOn),
      ...curve('σ(x)', sigmoid),
      ...curve('tanh(x)', tanh),
      ...curve('relu(x)', relu),
      ...curve("σ′(x)", dSigmoid),
      '',
      heading(m.activations.whyItMatters),
      prose(`  ${m.activations.isAtMostAt(num(0.25 ** 10))} ${m.activations.theGradientVanishesThat}`),
    ]);
  },
};
