import { displayWidth } from '../core/width.js';
import { lstmForward, type LstmParams, type LstmStep } from '../math/lstm.js';
import { createRng, glorotMatrix, roundTo, type Rng } from '../math/random.js';
import { readMatrix, readScalar, readSeed } from './flags.js';
import { board, guessTolerance, num, sub, term, vec } from './text.js';
import type { DemoDefinition } from './types.js';

export type LstmResult = {
  inputs: number[][];
  hidden_size: number;
  seed: number;
  params: LstmParams;
  steps: LstmStep[];
};

export const LSTM_DEFAULT_INPUTS = [
  [1, 0],
  [0, 1],
  [1, 1],
  [0, 0],
];

function roundedMatrix(rng: Rng, rows: number, cols: number): number[][] {
  return glorotMatrix(rng, rows, cols).map((values) => values.map((value) => roundTo(value, 2)));
}

/**
 * Seeded Glorot weights (two decimals) and zero biases, except the forget gate's bias of 1 so the
 * cell starts out remembering (Jozefowicz, Zaremba & Sutskever 2015).
 */
export function initLstm(rng: Rng, inputSize: number, hiddenSize: number): LstmParams {
  const gate = (bias: number): [number[][], number[][], number[]] => [
    roundedMatrix(rng, hiddenSize, inputSize),
    roundedMatrix(rng, hiddenSize, hiddenSize),
    new Array<number>(hiddenSize).fill(bias),
  ];
  const [Wf, Uf, bf] = gate(1);
  const [Wi, Ui, bi] = gate(0);
  const [Wo, Uo, bo] = gate(0);
  const [Wg, Ug, bg] = gate(0);
  return { Wf, Uf, bf, Wi, Ui, bi, Wo, Uo, bo, Wg, Ug, bg };
}

export function runLstm(inputs: number[][], hiddenSize: number, seed: number): LstmResult {
  const params = initLstm(createRng(seed), inputs[0]?.length ?? 0, hiddenSize);
  return { inputs, hidden_size: hiddenSize, seed, params, steps: lstmForward(inputs, params) };
}

function percent(values: readonly number[]): string {
  return values.map((value) => `${Math.round(value * 100)}%`).join(', ');
}

export const lstmDemo: DemoDefinition<LstmResult> = {
  name: 'lstm',
  topic: 'rnn',
  summary: { en: 'an LSTM cell: forget, input and output gates at work', zh: 'LSTM 单元：遗忘门、输入门、输出门如何工作' },
  seeded: true,
  flags: [
    { name: 'inputs', value: 'MATRIX', defaultText: '"1,0;0,1;1,1;0,0"', help: { en: 'one row per time step', zh: '每个时间步一行' } },
    { name: 'hidden', value: 'H', defaultText: '2', help: { en: 'size of h and c', zh: 'h 和 c 的维度' } },
  ],
  examples: ['--inputs "1,0;0,1;1,1;0,0"', '--inputs "1;0;0;0;0" --hidden 1 --seed 3'],
  run(values) {
    const inputs = readMatrix(values, 'inputs', LSTM_DEFAULT_INPUTS);
    const hidden = readScalar(values, 'hidden', 2, { integer: true, min: 1, max: 16 });
    return runLstm(inputs, hidden, readSeed(values));
  },
  predict(result) {
    return {
      question: { en: 'At t = 1, what share of the old cell does forget-gate unit 1 keep (0…1)?', zh: 't = 1 时，遗忘门第 1 个单元保留旧细胞状态的比例（0…1）是多少？' },
      answer: result.steps[0]?.f[0] ?? 0,
      tolerance: guessTolerance(result.steps[0]?.f[0] ?? 0),
    };
  },
  format(result, options) {
    const { block, finish, t, heading, chalk, prose } = board(options);
    // A formula with its note beside it, or (on a narrow terminal) the note on its own line below.
    const noted = (formula: string, gap: string, note: string): string[] => {
      const line = `  ${formula}${gap}${note}`;
      return displayWidth(line) <= options.width ? [line] : [`  ${formula}`, prose(`    ${note}`)];
    };
    const lines = [
      heading('LSTM') + `   ${t('seed', '种子')} ${result.seed}, d_h = ${result.hidden_size}`,
      ...noted('f = σ(W_f x + U_f h + b_f)', '   ', t('forget gate: how much of the old cell to keep', '遗忘门：保留多少旧细胞状态')),
      ...noted('i = σ(W_i x + U_i h + b_i)', '   ', t('input gate: how much new content to write', '输入门：写入多少新内容')),
      ...noted('g = tanh(W_g x + U_g h + b_g)', ' ', t('candidate content', '候选内容')),
      ...noted('o = σ(W_o x + U_o h + b_o)', '   ', t('output gate: how much of the cell to show', '输出门：输出多少细胞状态')),
      ...noted('cₜ = f ⊙ cₜ₋₁ + i ⊙ g', '        ', 'hₜ = o ⊙ tanh(cₜ)'),
      prose(`  ${t('b_f starts at 1, so the cell starts out remembering.', 'b_f 初始为 1，因此细胞一开始倾向于记住。')}`),
    ];
    let previousCell = new Array<number>(result.hidden_size).fill(0);
    result.steps.forEach((step, index) => {
      const tt = index + 1;
      lines.push('', heading(`t = ${tt}: x${sub(tt)} = ${vec(result.inputs[index] ?? [])}`));
      lines.push(`  f = ${vec(step.f)}   ${t('keeps', '保留')} ${percent(step.f)} ${t('of', '的')} c${sub(tt - 1)} = ${vec(previousCell)}`);
      lines.push(`  i = ${vec(step.i)}   ${t('writes', '写入')} ${percent(step.i)} ${t('of', '的')} g = ${vec(step.g)}`);
      lines.push(`  c${sub(tt)} = f⊙c${sub(tt - 1)} + i⊙g:`);
      step.c.forEach((value, k) => {
        const terms = `${num(step.f[k] ?? 0)}×${term(previousCell[k] ?? 0)} + ${num(step.i[k] ?? 0)}×${term(step.g[k] ?? 0)}`;
        // cₜ[k]: unit k of the cell at step t (as the rnn demo writes aₜ[i]); plain cₜ for one unit.
        const label = result.hidden_size === 1 ? `c${sub(tt)}` : `c${sub(tt)}[${k + 1}]`;
        lines.push(`    ${label} = ${terms} = ${num(value)}`);
      });
      lines.push(`  o = ${vec(step.o)}   ${t('shows', '输出')} ${percent(step.o)} ${t('of', '的')} tanh(c${sub(tt)})`);
      lines.push(`  h${sub(tt)} = o⊙tanh(c${sub(tt)}) = ${chalk.bold(vec(step.h))}`);
      previousCell = step.c;
    });
    lines.push(
      '',
      prose(`  ${t(
        'The cell c is updated by addition, not squashed by a weight every step: gradients flow back along c multiplied by f, which the network can keep near 1.',
        '细胞状态 c 通过加法更新，而不是每步都乘一个权重再压缩：梯度沿 c 反传时只乘以 f，网络可以让 f 保持接近 1。',
      )}`),
    );
    return finish(lines);
  },
};
