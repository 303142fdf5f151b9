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
  summary: { en: 'sigmoid, tanh, ReLU and their derivatives', zh: 'sigmoid、tanh、ReLU 及其导数' },
  seeded: false,
  flags: [{ name: 'x', value: 'VECTOR', defaultText: '-3,-1,0,1,3', help: { en: 'the inputs', zh: '输入值' } }],
  examples: ['--x "-3,-1,0,1,3"', '--x "-10,10"'],
  run(values) {
    return runActivations(readVector(values, 'x', [-3, -1, 0, 1, 3]));
  },
  predict(result) {
    return {
      question: { en: `What is σ(${num(result.x[0] ?? 0)})?`, zh: `σ(${num(result.x[0] ?? 0)}) 等于多少？` },
      answer: result.sigmoid[0] ?? 0,
      tolerance: guessTolerance(result.sigmoid[0] ?? 0),
    };
  },
  format(result, options) {
    const { block, finish, t, heading, prose } = board(options);
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
      heading(t('Activation functions', '激活函数')),
      '  σ(x) = 1/(1+e⁻ˣ)      σ′(x) = σ(x)(1−σ(x))',
      '  tanh(x)                tanh′(x) = 1 − tanh²(x)',
      '  relu(x) = max(0, x)    relu′(x) = 1 if x > 0 else 0',
      '',
      ...block(table(['x', 'σ', 'tanh', 'relu', 'σ′', 'tanh′', 'relu′'], rows, '  ', narrow ? ' ' : '  ')),
      '',
      heading(t('Curves on [−4, 4]:', '[−4, 4] 上的曲线：')),
      ...curve('σ(x)', sigmoid),
      ...curve('tanh(x)', tanh),
      ...curve('relu(x)', relu),
      ...curve("σ′(x)", dSigmoid),
      '',
      heading(t('Why it matters:', '为什么重要：')),
      prose(`  ${t(
        `σ′ is at most 0.25 (at x = 0). Backpropagating through 10 sigmoid layers or time steps multiplies at most 0.25¹⁰ = ${num(0.25 ** 10)}:`,
        `σ′ 最大只有 0.25（在 x = 0 处）。反向传播穿过 10 个 sigmoid 层或时间步，至多乘以 0.25¹⁰ = ${num(0.25 ** 10)}：`,
      )} ${t(
        'the gradient vanishes. That is why RNNs use tanh (slope up to 1), LSTMs add a cell path, and deep nets use ReLU (slope 1 when active).',
        '梯度消失了。所以 RNN 用 tanh（斜率最大为 1），LSTM 加了细胞状态通路，深层网络用 ReLU（激活时斜率为 1）。',
      )}`),
    ]);
  },
};
