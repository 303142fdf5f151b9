import { localized } from '../i18n/demos.js';
import { displayWidth } from '../core/width.js';
import { lstmForward, type LstmParams, type LstmStep } from '../math/lstm.js';
import { createRng, glorotMatrix, roundTo, type Rng } from '../math/random.js';
import { readMatrix, readScalar, readSeed } from './flags.js';
import { board, guessTolerance, mat, num, sub, term, vec } from './text.js';
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
  summary: localized((m) => m.lstm.summary),
  seeded: true,
  flags: [
    { name: 'inputs', value: 'MATRIX', defaultText: '"1,0;0,1;1,1;0,0"', help: localized((m) => m.lstm.flagInputs) },
    { name: 'hidden', value: 'H', defaultText: '2', help: localized((m) => m.lstm.flagHidden) },
  ],
  examples: ['--inputs "1,0;0,1;1,1;0,0"', '--inputs "1;0;0;0;0" --hidden 1 --seed 3'],
  run(values) {
    const inputs = readMatrix(values, 'inputs', LSTM_DEFAULT_INPUTS);
    const hidden = readScalar(values, 'hidden', 2, { integer: true, min: 1, max: 16 });
    return runLstm(inputs, hidden, readSeed(values));
  },
  predict(result) {
    return {
      question: localized((m) => m.lstm.question),
      answer: result.steps[0]?.f[0] ?? 0,
      tolerance: guessTolerance(result.steps[0]?.f[0] ?? 0),
      given: localized((m) => [
        `f = σ(W_f x + U_f h + b_f)   ${m.lstm.seed(result.seed, result.hidden_size)}`,
        `x${sub(1)} = ${vec(result.inputs[0] ?? [])},  h${sub(0)} = c${sub(0)} = ${vec(new Array<number>(result.hidden_size).fill(0))}`,
        `W_f = ${mat(result.params.Wf)}`,
        `U_f = ${mat(result.params.Uf)}`,
        `b_f = ${vec(result.params.bf)}`,
      ].join('\n')),
    };
  },
  format(result, options) {
    const { block, finish, heading, chalk, prose, m } = board(options);
    // A formula with its note beside it, or (on a narrow terminal) the note on its own line below.
    const noted = (formula: string, gap: string, note: string): string[] => {
      const line = `  ${formula}${gap}${note}`;
      return displayWidth(line) <= options.width ? [line] : [`  ${formula}`, prose(`    ${note}`)];
    };
    const lines = [
      heading('LSTM') + `   ${m.lstm.seed(result.seed, result.hidden_size)}`,
      ...noted('f = σ(W_f x + U_f h + b_f)', '   ', m.lstm.forgetGateHowMuch),
      ...noted('i = σ(W_i x + U_i h + b_i)', '   ', m.lstm.inputGateHowMuch),
      ...noted('g = tanh(W_g x + U_g h + b_g)', ' ', m.lstm.candidateContent),
      ...noted('o = σ(W_o x + U_o h + b_o)', '   ', m.lstm.outputGateHowMuch),
      ...noted('cₜ = f ⊙ cₜ₋₁ + i ⊙ g', '        ', 'hₜ = o ⊙ tanh(cₜ)'),
      prose(`  ${m.lstm.bFStartsAt}`),
    ];
    let previousCell = new Array<number>(result.hidden_size).fill(0);
    result.steps.forEach((step, index) => {
      const tt = index + 1;
      lines.push('', heading(`t = ${tt}: x${sub(tt)} = ${vec(result.inputs[index] ?? [])}`));
      lines.push(`  f = ${vec(step.f)}   ${m.lstm.keeps(percent(step.f), `c${sub(tt - 1)} = ${vec(previousCell)}`)}`);
      lines.push(`  i = ${vec(step.i)}   ${m.lstm.writes(percent(step.i), `g = ${vec(step.g)}`)}`);
      lines.push(`  c${sub(tt)} = f⊙c${sub(tt - 1)} + i⊙g:`);
      step.c.forEach((value, k) => {
        const terms = `${num(step.f[k] ?? 0)}×${term(previousCell[k] ?? 0)} + ${num(step.i[k] ?? 0)}×${term(step.g[k] ?? 0)}`;
        // cₜ[k]: unit k of the cell at step t (as the rnn demo writes aₜ[i]); plain cₜ for one unit.
        const label = result.hidden_size === 1 ? `c${sub(tt)}` : `c${sub(tt)}[${k + 1}]`;
        lines.push(`    ${label} = ${terms} = ${num(value)}`);
      });
      lines.push(`  o = ${vec(step.o)}   ${m.lstm.shows(percent(step.o), `tanh(c${sub(tt)})`)}`);
      lines.push(`  h${sub(tt)} = o⊙tanh(c${sub(tt)}) = ${chalk.bold(vec(step.h))}`);
      previousCell = step.c;
    });
    lines.push(
      '',
      prose(`  ${m.lstm.theCellCIs}`),
    );
    return finish(lines);
  },
};
