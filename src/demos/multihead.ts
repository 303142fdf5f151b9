import { localized } from '../i18n/demos.js';
import { UserError } from '../core/errors.js';
import type { MaskKind } from '../math/attention.js';
import { initMultiHead, multiHeadAttention, type HeadResult } from '../math/multihead.js';
import { createRng } from '../math/random.js';
import { heatmap } from '../ui/heatmap.js';
import { MAX_DIMENSION, readChoice, readMatrix, readScalar, readSeed } from './flags.js';
import { displayWidth } from '../core/width.js';
import { board, guessTolerance, mat, matrixLines, roundedParts, sub } from './text.js';
import type { DemoDefinition } from './types.js';

export type MultiheadResult = {
  inputs: number[][];
  d_model: number;
  d_head: number;
  mask: MaskKind;
  seed: number;
  heads: HeadResult[];
  /** the heads' outputs side by side */
  concat: number[][];
  Wo: number[][];
  output: number[][];
};

export const MULTIHEAD_DEFAULT_INPUTS = [
  [1, 0, 1, 0],
  [0, 1, 0, 1],
  [1, 1, 0, 0],
];

export function runMultihead(inputs: number[][], headCount: number, modelWidth: number, mask: MaskKind, seed: number): MultiheadResult {
  const params = initMultiHead(createRng(seed), inputs[0]?.length ?? 0, modelWidth, headCount);
  const computed = multiHeadAttention(inputs, params, mask);
  return {
    inputs,
    d_model: modelWidth,
    d_head: modelWidth / headCount,
    mask,
    seed,
    heads: computed.heads,
    concat: computed.concat,
    Wo: params.Wo,
    output: computed.output,
  };
}

export const multiheadDemo: DemoDefinition<MultiheadResult> = {
  name: 'multihead',
  topic: 'attention',
  summary: localized((m) => m.multihead.summary),
  seeded: true,
  flags: [
    { name: 'inputs', value: 'MATRIX', defaultText: '"1,0,1,0;0,1,0,1;1,1,0,0"', help: localized((m) => m.multihead.flagInputs) },
    { name: 'heads', value: 'H', defaultText: '2', help: localized((m) => m.multihead.flagHeads) },
    { name: 'd-model', value: 'D', defaultText: localized((m) => m.multihead.defaultDModel), help: localized((m) => m.multihead.flagDModel) },
    { name: 'mask', value: 'none|causal', defaultText: 'none', help: localized((m) => m.multihead.flagMask) },
  ],
  examples: ['--heads 2', '--heads 4 --mask causal', '--inputs "1,0;0,1;1,1" --heads 1 --seed 3'],
  run(values) {
    const inputs = readMatrix(values, 'inputs', MULTIHEAD_DEFAULT_INPUTS);
    const modelWidth = readScalar(values, 'd-model', inputs[0]?.length ?? 0, { integer: true, min: 1, max: MAX_DIMENSION });
    const headCount = readScalar(values, 'heads', Math.min(2, modelWidth), { integer: true, min: 1, max: MAX_DIMENSION });
    if (modelWidth % headCount !== 0) {
      throw new UserError((t) => t.headsDivide(headCount, modelWidth));
    }
    const mask = readChoice(values, 'mask', ['none', 'causal'] as const, 'none');
    return runMultihead(inputs, headCount, modelWidth, mask, readSeed(values));
  },
  predict(result) {
    return {
      question: localized((m) => m.multihead.question),
      answer: result.heads[0]?.weights[0]?.[0] ?? 0,
      tolerance: guessTolerance(result.heads[0]?.weights[0]?.[0] ?? 0),
      given: localized((m) => [
        m.multihead.setup(`${result.inputs.length} × ${result.inputs[0]?.length ?? 0}`, result.heads.length, result.d_model, result.d_head, result.seed),
        `X = ${mat(result.inputs)}`,
        `${m.multihead.headLabel(1)}  W_Q = ${mat(result.heads[0]?.Wq ?? [])}`,
        `${' '.repeat(displayWidth(m.multihead.headLabel(1)))}  W_K = ${mat(result.heads[0]?.Wk ?? [])}`,
        `Q = X W_Q,  K = X W_K,  ${m.multihead.weightsRule(result.d_head, result.mask === 'causal')}`,
      ].join('\n')),
    };
  },
  format(result, options) {
    const { block, finish, heading, prose, titled, m } = board(options);
    const tokens = result.inputs.map((_, i) => `x${sub(i + 1)}`);
    // Three decimals on a narrow terminal, so four columns still fit in 40.
    const matrix = (m: readonly (readonly number[])[]): string[] => block(matrixLines(m, '    ', options.width < 60 ? 3 : 4));
    const n = result.inputs.length;
    const dIn = result.inputs[0]?.length ?? 0;
    const lines = [
      titled(m.multihead.multiHeadAttention, 'MultiHead(X) = Concat(head₁, …, head_h) W_O'),
      '  headᵢ = Attention(X W_Qᵢ, X W_Kᵢ, X W_Vᵢ)',
      prose(`  ${m.multihead.setup(`${n} × ${dIn}`, result.heads.length, result.d_model, result.d_head, result.seed)}`),
      ...matrix(result.inputs),
      prose(`  ${m.multihead.eachHeadHasIts}`),
    ];
    result.heads.forEach((head, index) => {
      lines.push('', heading(`${m.multihead.head} ${index + 1}`) + `   W_Q, W_K, W_V: ${dIn} × ${result.d_head}`);
      lines.push('  Q = X W_Q =', ...matrix(head.Q));
      lines.push('  K = X W_K =', ...matrix(head.K));
      lines.push(`  ${m.multihead.weights(result.d_head, result.mask === 'causal')}`);
      lines.push(
        ...block(heatmap(head.weights.map((row) => roundedParts(row, 3)), { color: options.color, indent: '  ', rowLabels: tokens, columnLabels: tokens, formatValue: (value) => value.toFixed(3), min: 0, max: 1, hidden: head.masked })),
      );
      lines.push(`  ${m.multihead.headOutput}`, ...matrix(head.output));
    });
    lines.push('', heading(m.multihead.concatenateTheHeads) + ` (${n} × ${result.d_model}):`, ...matrix(result.concat));
    lines.push('', heading(m.multihead.projectWithWO) + ` (${result.d_model} × ${result.d_model}):`, ...matrix(result.Wo));
    lines.push('', heading(m.multihead.output) + ' = Concat · W_O:', ...matrix(result.output));
    return finish(lines);
  },
};
