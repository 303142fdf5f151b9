import { localized, type DemoMessages } from '../i18n/demos.js';
import { UserError } from '../core/errors.js';
import { attention, type AdditiveParams, type MaskKind, type ScoreFunction } from '../math/attention.js';
import { add, matvec } from '../math/matrix.js';
import { createRng, glorotMatrix, roundTo } from '../math/random.js';
import { heatmap, heatmapLegend } from '../ui/heatmap.js';
import { readChoice, readMatrix, readSeed } from './flags.js';
import { board, dotTerms, guessTolerance, limitLines, mat, num, roundedParts, sub, vec } from './text.js';
import type { DemoDefinition } from './types.js';

export type AttentionDemoResult = {
  query: number[][];
  keys: number[][];
  values: number[][];
  score: ScoreFunction;
  mask: MaskKind;
  /** d_k, the width of the keys */
  d_k: number;
  /** after scaling, before masking */
  scores: number[][];
  masked: boolean[][];
  weights: number[][];
  output: number[][];
  /** only for additive scoring */
  params?: AdditiveParams;
  seed?: number;
};

// Three tokens attending to each other (self-attention): keys default to the queries, values to the keys.
export const ATTENTION_DEFAULTS = {
  query: [
    [1, 0],
    [0, 1],
    [1, 1],
  ],
  values: [
    [10, 0],
    [0, 10],
    [5, 5],
  ],
};

const SCORES = ['dot', 'scaled-dot', 'additive'] as const;
const MASKS = ['none', 'causal'] as const;

/** Seeded W_q, W_k, v for additive scoring with d_a = d_k, rounded to two decimals. */
export function additiveParams(seed: number, queryWidth: number, keyWidth: number): AdditiveParams {
  const rng = createRng(seed);
  const round = (matrix: number[][]): number[][] => matrix.map((values) => values.map((value) => roundTo(value, 2)));
  return {
    Wq: round(glorotMatrix(rng, keyWidth, queryWidth)),
    Wk: round(glorotMatrix(rng, keyWidth, keyWidth)),
    v: round(glorotMatrix(rng, 1, keyWidth))[0] ?? [],
  };
}

export function checkAttentionShapes(query: number[][], keys: number[][], values: number[][], score: ScoreFunction): void {
  const queryWidth = query[0]?.length ?? 0;
  const keyWidth = keys[0]?.length ?? 0;
  if (score !== 'additive' && keyWidth !== queryWidth) {
    throw new UserError((t) => t.keysWidth(keyWidth, queryWidth));
  }
  if (values.length !== keys.length) {
    throw new UserError((t) => t.valuesRows(values.length, keys.length));
  }
}

export function runAttention(
  query: number[][],
  keys: number[][],
  values: number[][],
  score: ScoreFunction,
  mask: MaskKind,
  seed: number,
): AttentionDemoResult {
  const params = score === 'additive' ? additiveParams(seed, query[0]?.length ?? 0, keys[0]?.length ?? 0) : undefined;
  const computed = attention(query, keys, values, params ? { score, mask, params } : { score, mask });
  const base = { query, keys, values, score, mask, d_k: keys[0]?.length ?? 0, ...computed };
  return params ? { ...base, params, seed } : base;
}

const MAX_WRITTEN = 12;

/** Each scoring's name and formula. */
function titles(result: AttentionDemoResult, m: DemoMessages): Record<ScoreFunction, [string, string]> {
  return {
    dot: [m.attention.dotProductAttention, 'softmax(Q Kᵀ) V'],
    'scaled-dot': [m.attention.scaledDotProductAttention, `softmax(Q Kᵀ / √d_k) V,  d_k = ${result.d_k}`],
    additive: [m.attention.additiveAttention, 'sᵢⱼ = vᵀ tanh(W_q qᵢ + W_k kⱼ)'],
  };
}

function scoreLines(result: AttentionDemoResult, m: DemoMessages): string[] {
  const lines: string[] = [];
  result.query.forEach((q, i) => {
    result.keys.forEach((k, j) => {
      const name = `q${sub(i + 1)}·k${sub(j + 1)}`;
      const score = result.scores[i]?.[j] ?? 0;
      const maskNote = result.masked[i]?.[j] ? `   ${m.attention.masked}` : '';
      if (result.score === 'additive' && result.params) {
        const hidden = add(matvec(result.params.Wq, q), matvec(result.params.Wk, k)).map((value) => Math.tanh(value));
        lines.push(`  s${sub(i + 1)}${sub(j + 1)} = v·tanh(W_q q${sub(i + 1)} + W_k k${sub(j + 1)}) = v·${vec(hidden)} = ${num(score)}${maskNote}`);
      } else if (result.score === 'dot') {
        lines.push(`  ${name} = ${dotTerms(q, k)} = ${num(score)}${maskNote}`);
      } else {
        const raw = score * Math.sqrt(result.d_k);
        lines.push(`  ${name} = ${dotTerms(q, k)} = ${num(raw)}   → ${num(raw)} / √${result.d_k} = ${num(score)}${maskNote}`);
      }
    });
  });
  return limitLines(lines, MAX_WRITTEN, (hidden) => `  … ${m.attention.moreScores(hidden)}`);
}

export const attentionDemo: DemoDefinition<AttentionDemoResult> = {
  name: 'attention',
  topic: 'attention',
  summary: localized((m) => m.attention.summary),
  seeded: true,
  flags: [
    { name: 'query', value: 'MATRIX', defaultText: '"1,0;0,1;1,1"', help: localized((m) => m.attention.flagQuery) },
    { name: 'keys', value: 'MATRIX', defaultText: localized((m) => m.attention.defaultKeys), help: localized((m) => m.attention.flagKeys) },
    { name: 'values', value: 'MATRIX', defaultText: localized((m) => m.attention.defaultValues('"10,0;0,10;5,5"')), help: localized((m) => m.attention.flagValues) },
    { name: 'score', value: 'dot|scaled-dot|additive', defaultText: 'scaled-dot', help: localized((m) => m.attention.flagScore) },
    { name: 'mask', value: 'none|causal', defaultText: 'none', help: localized((m) => m.attention.flagMask) },
  ],
  examples: ['--query "1,0,1" --keys "1,0,1;0,1,0" --values "1,2;3,4"', '--mask causal', '--score additive --seed 7'],
  run(values) {
    const query = readMatrix(values, 'query', ATTENTION_DEFAULTS.query);
    const keys = readMatrix(values, 'keys', query);
    const fallbackValues = values.query === undefined && values.keys === undefined ? ATTENTION_DEFAULTS.values : keys;
    const valueMatrix = readMatrix(values, 'values', fallbackValues);
    const score = readChoice(values, 'score', SCORES, 'scaled-dot');
    const mask = readChoice(values, 'mask', MASKS, 'none');
    checkAttentionShapes(query, keys, valueMatrix, score);
    return runAttention(query, keys, valueMatrix, score, mask, readSeed(values));
  },
  predict(result) {
    return {
      question: localized((m) => m.attention.question),
      answer: result.weights[0]?.[0] ?? 0,
      tolerance: guessTolerance(result.weights[0]?.[0] ?? 0),
      given: localized((m) => {
        const params = result.params ? [`W_q = ${mat(result.params.Wq)},  W_k = ${mat(result.params.Wk)},  v = ${vec(result.params.v)}`] : [];
        return [
          titles(result, m)[result.score][1],
          `Q = ${mat(result.query)}`,
          `K = ${mat(result.keys)}`,
          `V = ${mat(result.values)}`,
          ...params,
          ...(result.mask === 'causal' ? ['--mask causal'] : []),
        ].join('\n');
      }),
    };
  },
  format(result, options) {
    const { block, finish, chalk, prose, titled, m } = board(options);
    const title = titles(result, m);
    const keyLabels = result.keys.map((_, j) => `k${sub(j + 1)}`);
    const queryLabels = result.query.map((_, i) => `q${sub(i + 1)}`);
    const lines = [titled(title[result.score][0], title[result.score][1])];
    if (result.params) {
      lines.push(
        `  ${m.attention.seed(result.seed, result.params.v.length)}`,
        `  W_q = ${mat(result.params.Wq)}`,
        `  W_k = ${mat(result.params.Wk)}`,
        `  v = ${vec(result.params.v)}`,
      );
    }
    const step1 = result.score === 'scaled-dot' ? m.attention.scoresEachQueryEach(result.d_k, num(Math.sqrt(result.d_k))) : m.attention.scoresCompareEachQuery;
    lines.push('', prose(step1), ...scoreLines(result, m));
    let step = 2;
    if (result.mask === 'causal') {
      lines.push('', prose(m.attention.causalMaskQueryI(step)));
      step++;
    }
    lines.push('', prose(m.attention.weightsSoftmaxOfEach(step)));
    // Each row's weights as written, adding up to 1 (roundedParts): the heatmap, sums and outputs agree.
    const weights = result.weights.map((row) => roundedParts(row, 3));
    const formatWeight = (value: number): string => value.toFixed(3);
    lines.push(...block(heatmap(weights, { color: options.color, rowLabels: queryLabels, columnLabels: keyLabels, formatValue: formatWeight, min: 0, max: 1, hidden: result.masked, indent: '  ' })));
    const masked = result.masked.some((row) => row.some(Boolean)) ? m.attention.maskedCell : undefined;
    lines.push(`  ${heatmapLegend(0, 1, { color: options.color, formatValue: (value) => String(value), masked })}`);
    weights.forEach((row, i) => {
      const total = row.reduce((a, b) => a + b, 0);
      lines.push(`  ${queryLabels[i]}: ${row.map((value) => num(value, 3)).join(' + ')} = ${num(total, 3)}`);
    });
    step++;
    lines.push('', prose(m.attention.outputEachRowIs(step)));
    const outputLines = weights.map((row, i) => {
      const terms = row.map((weight, j) => `${num(weight, 3)}×${vec(result.values[j] ?? [], 3)}`).join(' + ');
      return `  out${sub(i + 1)} = ${terms} = ${chalk.bold(vec(result.output[i] ?? []))}`;
    });
    lines.push(...limitLines(outputLines, MAX_WRITTEN, (hidden) => `  … ${m.attention.more2(hidden)}`));
    lines.push(
      '',
      prose(`  ${m.attention.eachOutputIsA}`),
    );
    return finish(lines);
  },
};
