import { UserError } from '../core/errors.js';
import { displayWidth } from '../core/width.js';
import { softmax } from '../math/softmax.js';
import { createRng } from '../math/random.js';
import { temperatureSample } from '../math/sampling.js';
import { barChart } from '../ui/chart.js';
import { overflowError, readScalar, readSeed, readVector, type FlagValues } from './flags.js';
import { board, num, sub, table, vec } from './text.js';
import { temperatureRows } from './softmax.js';
import type { DemoDefinition } from './types.js';

export type SamplingResult = {
  tokens: string[];
  scores: number[];
  temperature: number;
  seed: number;
  /** N, how many tokens were drawn */
  sample_count: number;
  /** softmax(scores / T), one per token */
  probabilities: number[];
  /** c_k = p_1 + … + p_k */
  cumulative: number[];
  /** how many of the N draws picked each token */
  counts: number[];
  /** counts / N */
  frequencies: number[];
  /** the first 20 tokens drawn, in order */
  samples: string[];
  /** the uniform u ∈ [0, 1) behind each of samples */
  uniforms: number[];
  /** the token with the largest score: what greedy decoding (T → 0) always picks */
  greedy: string;
};

export const SAMPLING_DEFAULT_SCORES = [2, 1, 0.5, -1];
export const SAMPLING_DEFAULT_TOKENS = ['the', 'a', 'cat', 'dog'];
export const MAX_SAMPLES = 100000;
const SHOWN_SAMPLES = 20;
const MAX_TOKEN_WIDTH = 16;

export function runSampling(scores: number[], tokens: string[], temperature: number, samples: number, seed: number): SamplingResult {
  const sample = temperatureSample(scores, temperature, samples, createRng(seed));
  const first = sample.draws.slice(0, SHOWN_SAMPLES);
  const greedy = scores.indexOf(Math.max(...scores));
  return {
    tokens,
    scores,
    temperature,
    seed,
    sample_count: samples,
    probabilities: sample.probabilities,
    cumulative: sample.cumulative,
    counts: sample.counts,
    frequencies: sample.frequencies,
    samples: first.map((draw) => tokens[draw.index] ?? ''),
    uniforms: first.map((draw) => draw.u),
    greedy: tokens[greedy] ?? '',
  };
}

/** "the,a,cat" → labels, one per score; token1 … tokenN when absent (the default scores keep their words). */
function readTokens(values: FlagValues, count: number): string[] {
  const text = values.tokens;
  if (text === undefined) {
    return values.scores === undefined ? [...SAMPLING_DEFAULT_TOKENS] : Array.from({ length: count }, (_, i) => `token${i + 1}`);
  }
  const tokens = text.split(',').map((token) => token.trim());
  if (tokens.length !== count) {
    throw new UserError((t) => t.tokensCount(tokens.length, count));
  }
  tokens.forEach((token, i) => {
    if (token === '') throw new UserError((t) => t.tokenEmpty(i + 1));
    if (displayWidth(token) > MAX_TOKEN_WIDTH) {
      throw new UserError((t) => t.labelTooWide('tokens', token, displayWidth(token), MAX_TOKEN_WIDTH));
    }
    if (tokens.indexOf(token) !== i) throw new UserError((t) => t.tokenTwice(token));
  });
  return tokens;
}

// T for the "colder / hotter" lines: the two ends the learner should picture.
const COLD = 0.1;
const HOT = 10;

export const samplingDemo: DemoDefinition<SamplingResult> = {
  name: 'sampling',
  topic: 'nlp',
  summary: { en: 'temperature sampling: draw the next token from softmax', zh: '温度采样：按 softmax 概率抽取下一个词元' },
  seeded: true,
  flags: [
    { name: 'scores', value: 'VECTOR', defaultText: '2,1,0.5,-1', help: { en: 'the scores (logits) of the candidate tokens', zh: '候选词元的分数（logits）' } },
    { name: 'temperature', value: 'T', defaultText: '1', help: { en: 'divide the scores by T first: T<1 sharpens, T>1 flattens', zh: '先把分数除以 T：T<1 更尖锐，T>1 更平坦' } },
    { name: 'tokens', value: 'LIST', defaultText: 'the,a,cat,dog', help: { en: 'labels, one per score; token1… for new --scores', zh: '标签，每个分数一个；新 --scores 时为 token1…' } },
    { name: 'samples', value: 'N', defaultText: '1000', help: { en: `how many tokens to draw, up to ${MAX_SAMPLES}`, zh: `抽取多少个词元，最多 ${MAX_SAMPLES}` } },
  ],
  examples: ['--scores "2,1,0.5,-1" --tokens "the,a,cat,dog"', '--temperature 0.2', '--temperature 5 --samples 10000', '--samples 20 --seed 7'],
  run(values) {
    const scores = readVector(values, 'scores', SAMPLING_DEFAULT_SCORES);
    const tokens = readTokens(values, scores.length);
    const temperature = readScalar(values, 'temperature', 1, { min: 0, exclusiveMin: true, max: 1000 });
    const samples = readScalar(values, 'samples', 1000, { integer: true, min: 1, max: MAX_SAMPLES });
    // The board shows z / T; the probabilities are safe either way (softmax shifts before dividing).
    if (scores.some((score) => !Number.isFinite(score / temperature))) {
      throw overflowError(['scores', 'temperature'].filter((flag) => values[flag] !== undefined));
    }
    return runSampling(scores, tokens, temperature, samples, readSeed(values));
  },
  predict(result) {
    const top = result.tokens.indexOf(result.greedy);
    const token = result.greedy;
    const n = result.sample_count;
    const p = result.probabilities[top] ?? 0;
    return {
      question: {
        en: `Scores ${vec(result.scores)}, T = ${num(result.temperature)}: about how many of ${result.sample_count} draws are "${token}"?`,
        zh: `分数 ${vec(result.scores)}，T = ${num(result.temperature)}：${result.sample_count} 次抽取中大约有多少次是“${token}”？`,
      },
      answer: result.counts[top] ?? 0,
      // 2% of N, or two standard deviations of the count (√(N p (1 − p))) when N is small: the draws
      // are random, so the best possible guess, N·p, must count as right.
      tolerance: Math.max(1, Math.round(0.02 * n), Math.ceil(2 * Math.sqrt(n * p * (1 - p)))),
    };
  },
  format(result, options) {
    const { block, finish, t, heading, prose, titled } = board(options);
    const n = result.tokens.length;
    const quote = (token: string): string => t(`"${token}"`, `“${token}”`);
    const lines: string[] = [];
    lines.push(titled(t('Temperature sampling', '温度采样'), `p = softmax(z / T),   T = ${num(result.temperature)}`));
    lines.push(prose(`  ${t('tokens', '词元')} = ${result.tokens.join(', ')}`));
    lines.push(prose(`  z = ${vec(result.scores)}`));

    lines.push('', prose(`1. ${t('Probabilities, softmax of z / T (ml-tutor demo softmax shows each step):', '概率：对 z / T 做 softmax（每一步见 ml-tutor demo softmax）：')}`));
    const scaled = result.scores.map((score) => score / result.temperature);
    lines.push(
      ...block(table(
        [t('token', '词元'), 'z', 'z/T', 'p', options.width < 60 ? 'c = Σp' : t('c = cumulative p', 'c = 累积概率')],
        result.tokens.map((token, k) => [
          token,
          num(result.scores[k] ?? 0),
          num(scaled[k] ?? 0),
          num(result.probabilities[k] ?? 0),
          num(result.cumulative[k] ?? 0),
        ]),
        '   ',
      )),
    );

    lines.push('', prose(`2. ${t(
      'Draw u uniformly from [0, 1) and take the first token whose c is above u (inverse CDF): token k owns the slice [cₖ₋₁, cₖ), as wide as its p.',
      '从 [0, 1) 均匀抽取 u，取第一个 c 大于 u 的词元（逆 CDF）：词元 k 占据区间 [cₖ₋₁, cₖ)，宽度正好是它的 p。',
    )}`));
    const u = result.uniforms[0] ?? 0;
    const k = result.tokens.indexOf(result.samples[0] ?? '');
    const below = k > 0 ? `c${sub(k)} = ${num(result.cumulative[k - 1] ?? 0)} ≤ ` : '';
    lines.push(`   ${below}u₁ = ${num(u)} < c${sub(k + 1)} = ${num(result.cumulative[k] ?? 0)}   →   ${quote(result.samples[0] ?? '')}`);

    const shown = result.samples.length;
    lines.push('', prose(`3. ${t(
      `Repeat N = ${result.sample_count} times (seed ${result.seed}). The first ${shown}:`,
      `重复 N = ${result.sample_count} 次（种子 ${result.seed}）。前 ${shown} 个：`,
    )}`));
    lines.push(prose(`   ${result.samples.join(' ')}`));

    lines.push('', `4. ${t('How often each token came up, against its probability:', '每个词元出现的频率，与它的概率对比：')}`);
    const labelWidth = Math.max(...result.tokens.map((token) => displayWidth(token)));
    const pLabel = 'p';
    const fLabel = t('freq', '频率');
    const tagWidth = Math.max(displayWidth(pLabel), displayWidth(fLabel));
    const pad = (text: string, width: number): string => text + ' '.repeat(Math.max(0, width - displayWidth(text)));
    lines.push(
      ...block(barChart(
        result.tokens.flatMap((token, i) => [
          { label: `   ${pad(token, labelWidth)} ${pad(pLabel, tagWidth)}`, value: result.probabilities[i] ?? 0 },
          { label: `   ${' '.repeat(labelWidth)} ${pad(fLabel, tagWidth)}`, value: result.frequencies[i] ?? 0 },
        ]),
        { color: options.color, width: Math.max(10, Math.min(40, options.width - labelWidth - tagWidth - 20)), max: 1 },
      )),
    );
    const total = result.counts.reduce((a, b) => a + b, 0);
    const counts = result.tokens.map((token, i) => `${token} ${result.counts[i] ?? 0}`).join(', ');
    lines.push(prose(`   ${t(`counts: ${counts} (sum ${total})`, `次数：${counts}（总和 ${total}）`)}`));
    lines.push(prose(`   ${t(
      'The frequencies only approach p as N grows (law of large numbers); rerun with another --seed or a larger --samples.',
      '频率只有在 N 变大时才逼近 p（大数定律）；换一个 --seed 或增大 --samples 再试试。',
    )}`));

    lines.push('', heading(t('Temperature:', '温度：')));
    if (n <= 8) {
      const temperatures = [...new Set([COLD, result.temperature, HOT])].sort((a, b) => a - b);
      lines.push(...temperatureRows(temperatures.map((temperature) => ({ temperature, probabilities: softmax(result.scores, temperature) })), result.temperature));
    }
    lines.push(prose(`  ${t(
      `T → 0: all the probability goes to the largest score, so every draw is ${quote(result.greedy)}: greedy decoding (argmax).`,
      `T → 0：概率全部集中到最大分数，每次都抽到${quote(result.greedy)}：即贪心解码（argmax）。`,
    )}`));
    lines.push(prose(`  ${t(
      `T large: every token tends to 1/${n}, uniform; the text gets more varied, then random.`,
      `T 很大：每个词元都趋向 1/${n}，即均匀分布；生成的文字更多样，直至完全随机。`,
    )}`));
    return finish(lines);
  },
};
