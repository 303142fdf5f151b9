import { UserError } from '../core/errors.js';
import type { MaskKind } from '../math/attention.js';
import { initMultiHead, multiHeadAttention, type HeadResult } from '../math/multihead.js';
import { createRng } from '../math/random.js';
import { heatmap } from '../ui/heatmap.js';
import { MAX_DIMENSION, readChoice, readMatrix, readScalar, readSeed } from './flags.js';
import { board, guessTolerance, matrixLines, sub } from './text.js';
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
  summary: { en: 'multi-head attention: split, attend in parallel, concat, project', zh: '多头注意力：拆分、并行注意、拼接、投影' },
  seeded: true,
  flags: [
    { name: 'inputs', value: 'MATRIX', defaultText: '"1,0,1,0;0,1,0,1;1,1,0,0"', help: { en: 'one token vector per row', zh: '每行一个词元向量' } },
    { name: 'heads', value: 'H', defaultText: '2', help: { en: 'number of heads; must divide d_model', zh: '头数；必须整除 d_model' } },
    { name: 'd-model', value: 'D', defaultText: 'width of --inputs', help: { en: 'model width (heads × d_head)', zh: '模型宽度（头数 × d_head）' } },
    { name: 'mask', value: 'none|causal', defaultText: 'none', help: { en: 'causal: token i sees tokens 1…i only', zh: 'causal：词元 i 只能看到 1…i' } },
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
      question: { en: 'In head 1, how much weight does token 1 give itself?', zh: '在头 1 中，词元 1 给自己的权重是多少？' },
      answer: result.heads[0]?.weights[0]?.[0] ?? 0,
      tolerance: guessTolerance(result.heads[0]?.weights[0]?.[0] ?? 0),
    };
  },
  format(result, options) {
    const { block, finish, t, heading, prose, titled } = board(options);
    const tokens = result.inputs.map((_, i) => `x${sub(i + 1)}`);
    // Three decimals on a narrow terminal, so four columns still fit in 40.
    const matrix = (m: readonly (readonly number[])[]): string[] => block(matrixLines(m, '    ', options.width < 60 ? 3 : 4));
    const n = result.inputs.length;
    const dIn = result.inputs[0]?.length ?? 0;
    const lines = [
      titled(t('Multi-head attention', '多头注意力'), 'MultiHead(X) = Concat(head₁, …, head_h) W_O'),
      '  headᵢ = Attention(X W_Qᵢ, X W_Kᵢ, X W_Vᵢ)',
      prose(`  ${t('inputs', '输入')} X: ${n} × ${dIn},  ${t('heads', '头数')} h = ${result.heads.length},  d_model = ${result.d_model},  d_head = ${result.d_model} / ${result.heads.length} = ${result.d_head},  ${t('seed', '种子')} ${result.seed}`),
      ...matrix(result.inputs),
      prose(`  ${t('Each head has its own projections, so each can look for a different relation.', '每个头有自己的投影矩阵，因此可以关注不同的关系。')}`),
    ];
    result.heads.forEach((head, index) => {
      lines.push('', heading(`${t('Head', '头')} ${index + 1}`) + `   W_Q, W_K, W_V: ${dIn} × ${result.d_head}`);
      lines.push('  Q = X W_Q =', ...matrix(head.Q));
      lines.push('  K = X W_K =', ...matrix(head.K));
      lines.push(`  ${t('weights', '权重')} = softmax(Q Kᵀ / √${result.d_head})${result.mask === 'causal' ? t(' with the causal mask', '（带因果掩码）') : ''}:`);
      lines.push(
        ...block(heatmap(head.weights, { color: options.color, indent: '  ', rowLabels: tokens, columnLabels: tokens, formatValue: (value) => value.toFixed(3), min: 0, max: 1, hidden: head.masked })),
      );
      lines.push(`  ${t('output', '输出')} = ${t('weights', '权重')} × V =`, ...matrix(head.output));
    });
    lines.push('', heading(t('Concatenate the heads', '拼接各头输出')) + ` (${n} × ${result.d_model}):`, ...matrix(result.concat));
    lines.push('', heading(t('Project with W_O', '用 W_O 投影')) + ` (${result.d_model} × ${result.d_model}):`, ...matrix(result.Wo));
    lines.push('', heading(t('Output', '输出')) + ' = Concat · W_O:', ...matrix(result.output));
    return finish(lines);
  },
};
