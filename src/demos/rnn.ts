import { localized } from '../i18n/demos.js';
import { UserError } from '../core/errors.js';
import { displayWidth } from '../core/width.js';
import { rnnForwardDetail, type RnnStepDetail } from '../math/rnn.js';
import { readMatrix, readVector } from './flags.js';
import { board, bracketed, dotTerms, guessTolerance, mat, matrixLines, num, sub, term, vec, writtenParts } from './text.js';
import type { DemoDefinition } from './types.js';

export type RnnResult = {
  inputs: number[][];
  Wx: number[][];
  Wh: number[][];
  b: number[];
  h0: number[];
  /** h_1 … h_T, one row per step */
  hidden: number[][];
  steps: RnnStepDetail[];
};

export const RNN_DEFAULTS = {
  inputs: [
    [1, 0],
    [0, 1],
    [1, 1],
  ],
  Wx: [
    [0.5, -0.3],
    [0.2, 0.8],
  ],
  Wh: [
    [0.1, 0.4],
    [-0.6, 0.2],
  ],
  b: [0, 0.1],
};

/** Checks the shapes: W_x is d_h × d_in, W_h is d_h × d_h, b and h0 have length d_h. */
export function checkRnnShapes(inputs: number[][], Wx: number[][], Wh: number[][], b: number[], h0: number[]): void {
  const inputWidth = inputs[0]?.length ?? 0;
  const hiddenSize = Wx.length;
  const wxWidth = Wx[0]?.length ?? 0;
  if (wxWidth !== inputWidth) {
    throw new UserError((t) => t.rnnWxWidth(wxWidth, inputWidth));
  }
  if (Wh.length !== hiddenSize || (Wh[0]?.length ?? 0) !== hiddenSize) {
    throw new UserError((t) => t.rnnWhShape(Wh.length, Wh[0]?.length ?? 0, hiddenSize));
  }
  if (b.length !== hiddenSize) throw new UserError((t) => t.rnnVectorSize('b', b.length, hiddenSize));
  if (h0.length !== hiddenSize) throw new UserError((t) => t.rnnVectorSize('h0', h0.length, hiddenSize));
}

export function runRnn(inputs: number[][], Wx: number[][], Wh: number[][], b: number[], h0: number[]): RnnResult {
  const steps = rnnForwardDetail(inputs, Wx, Wh, b, h0);
  return { inputs, Wx, Wh, b, h0, hidden: steps.map((step) => step.hidden), steps };
}

// Longer sequences are drawn as the first two steps, "…", and the last step.
const DIAGRAM_STEPS = 4;

/**
 * The network unrolled in time: "h₀ → [tanh] → h₁ → [tanh] → h₂", with each xₜ dropping into its box;
 * without the spaces around the arrows when that is too wide for `width`.
 */
export function unrolledDiagram(steps: number, width = 80): string[] {
  const spaced = drawUnrolled(steps, ' → [tanh] → ');
  return Math.max(...spaced.map((line) => displayWidth(line))) <= width ? spaced : drawUnrolled(steps, '→[tanh]→');
}

function drawUnrolled(steps: number, cell: string): string[] {
  const shown = steps <= DIAGRAM_STEPS ? Array.from({ length: steps }, (_, i) => i + 1) : [1, 2, 0, steps];
  let chain = `h${sub(0)}`;
  let inputsLine = '';
  let arrowsLine = '';
  for (const t of shown) {
    if (t === 0) {
      chain += ` → … → h${sub(steps - 1)}`;
      continue;
    }
    const boxCentre = chain.length + cell.indexOf('t') + 1;
    inputsLine = inputsLine.padEnd(boxCentre) + `x${sub(t)}`;
    arrowsLine = arrowsLine.padEnd(boxCentre) + '↓';
    chain += `${cell}h${sub(t)}`;
  }
  return [`  ${inputsLine}`, `  ${arrowsLine}`, `  ${chain}`];
}

// Steps written out in full (the rest get one line each), and units per step.
const STEPS_IN_FULL = 3;
const UNITS_IN_FULL = 4;

export const rnnDemo: DemoDefinition<RnnResult> = {
  name: 'rnn',
  topic: 'rnn',
  summary: localized((m) => m.rnn.summary),
  seeded: false,
  flags: [
    { name: 'inputs', value: 'MATRIX', defaultText: '"1,0;0,1;1,1"', help: localized((m) => m.rnn.flagInputs) },
    { name: 'wx', value: 'MATRIX', defaultText: '"0.5,-0.3;0.2,0.8"', help: localized((m) => m.rnn.flagWx) },
    { name: 'wh', value: 'MATRIX', defaultText: '"0.1,0.4;-0.6,0.2"', help: localized((m) => m.rnn.flagWh) },
    { name: 'b', value: 'VECTOR', defaultText: '"0,0.1"', help: localized((m) => m.rnn.flagB) },
    { name: 'h0', value: 'VECTOR', defaultText: 'zeros', help: localized((m) => m.rnn.flagH0) },
  ],
  examples: ['--inputs "1,0;0,1;1,1"', '--inputs "1;0;0;0" --wx "1" --wh "0.5" --b "0"'],
  run(values) {
    const inputs = readMatrix(values, 'inputs', RNN_DEFAULTS.inputs);
    const Wx = readMatrix(values, 'wx', RNN_DEFAULTS.Wx);
    const Wh = readMatrix(values, 'wh', RNN_DEFAULTS.Wh);
    const b = readVector(values, 'b', RNN_DEFAULTS.b);
    const h0 = readVector(values, 'h0', new Array<number>(Wx.length).fill(0));
    checkRnnShapes(inputs, Wx, Wh, b, h0);
    return runRnn(inputs, Wx, Wh, b, h0);
  },
  predict(result) {
    return {
      question: localized((m) => m.rnn.question),
      answer: result.hidden[0]?.[0] ?? 0,
      tolerance: guessTolerance(result.hidden[0]?.[0] ?? 0),
      given: localized(() => [
        'hₜ = tanh(W_x·xₜ + W_h·hₜ₋₁ + b)',
        `x${sub(1)} = ${vec(result.inputs[0] ?? [])},  h${sub(0)} = ${vec(result.h0)}`,
        `W_x = ${mat(result.Wx)}`,
        `W_h = ${mat(result.Wh)}`,
        `b = ${vec(result.b)}`,
      ].join('\n')),
    };
  },
  format(result, options) {
    const { block, finish, heading, chalk, prose, titled, m } = board(options);
    const lines = [
      titled(m.rnn.recurrentNeuralNetwork, 'hₜ = tanh(W_x·xₜ + W_h·hₜ₋₁ + b)'),
      ...block(unrolledDiagram(result.steps.length, options.width)),
      `  ${m.rnn.theSameWeightsAt}`,
      '  W_x =',
      ...block(matrixLines(result.Wx, '    ')),
      '  W_h =',
      ...block(matrixLines(result.Wh, '    ')),
      `  b = ${vec(result.b)},  h${sub(0)} = ${vec(result.h0)}`,
    ];
    let previous = result.h0;
    result.steps.forEach((step, index) => {
      const tt = index + 1;
      const x = result.inputs[index] ?? [];
      if (index >= STEPS_IN_FULL) {
        if (index === STEPS_IN_FULL) lines.push('');
        lines.push(`  h${sub(tt)} = tanh(W_x·${vec(x)} + W_h·h${sub(tt - 1)} + b) = ${chalk.bold(vec(step.hidden))}`);
        previous = step.hidden;
        return;
      }
      lines.push('', heading(m.rnn.step(tt, `x${sub(tt)} = ${vec(x)}`, `h${sub(tt - 1)} = ${vec(previous)}`)));
      step.preActivation.slice(0, UNITS_IN_FULL).forEach((a, i) => {
        const inputTerms = dotTerms(result.Wx[i] ?? [], x);
        const recurrentTerms = dotTerms(result.Wh[i] ?? [], previous);
        // aₜ for one unit; aₜ[i] names unit i of step t when there are several.
        const label = result.b.length === 1 ? `a${sub(tt)}` : `a${sub(tt)}[${i + 1}]`;
        lines.push(`  ${label} = (${inputTerms}) + (${recurrentTerms}) + ${term(result.b[i] ?? 0)}`);
        // Written so that they add up to aₜ as written (roundedParts).
        const [inputPart = '', recurrentPart = '', bias = ''] = writtenParts([step.inputPart[i] ?? 0, step.recurrentPart[i] ?? 0, result.b[i] ?? 0], 4);
        lines.push(`  ${' '.repeat(label.length)} = ${inputPart} + ${bracketed(recurrentPart)} + ${bracketed(bias)} = ${num(a)}`);
      });
      if (step.preActivation.length > UNITS_IN_FULL) {
        lines.push(`  … ${m.rnn.moreUnitsTheSame(step.preActivation.length - UNITS_IN_FULL)}`);
      }
      lines.push(`  h${sub(tt)} = tanh(a${sub(tt)}) = tanh(${vec(step.preActivation)}) = ${chalk.bold(vec(step.hidden))}`);
      previous = step.hidden;
    });
    lines.push(
      '',
      prose(`  ${m.rnn.hSummarisesTheWhole(sub(result.steps.length))}`),
    );
    return finish(lines);
  },
};
