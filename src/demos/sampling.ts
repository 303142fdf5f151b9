import { localized } from '../i18n/demos.js';
import { UserError } from '../core/errors.js';
import { displayWidth } from '../core/width.js';
import { softmax } from '../math/softmax.js';
import { createRng } from '../math/random.js';
import { temperatureSample } from '../math/sampling.js';
import { barChart } from '../ui/chart.js';
import { overflowError, readScalar, readSeed, readVector, type FlagValues } from './flags.js';
import { board, num, roundedParts, sub, table, vec } from './text.js';
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
  summary: localized((m) => m.sampling.summary),
  seeded: true,
  flags: [
    { name: 'scores', value: 'VECTOR', defaultText: '2,1,0.5,-1', help: localized((m) => m.sampling.flagScores) },
    { name: 'temperature', value: 'T', defaultText: '1', help: localized((m) => m.sampling.flagTemperature) },
    { name: 'tokens', value: 'LIST', defaultText: 'the,a,cat,dog', help: localized((m) => m.sampling.flagTokens) },
    { name: 'samples', value: 'N', defaultText: '1000', help: localized((m) => m.sampling.flagSamples(MAX_SAMPLES)) },
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
      question: localized((m) => m.sampling.question(vec(result.scores), num(result.temperature), result.sample_count, token)),
      answer: result.counts[top] ?? 0,
      // 2% of N, or two standard deviations of the count (√(N p (1 − p))) when N is small: the draws
      // are random, so the best possible guess, N·p, must count as right.
      tolerance: Math.max(1, Math.round(0.02 * n), Math.ceil(2 * Math.sqrt(n * p * (1 - p)))),
    };
  },
  format(result, options) {
    const { block, finish, heading, prose, titled, m } = board(options);
    const n = result.tokens.length;
    const quote = (token: string): string => m.sampling.quote(token);
    const lines: string[] = [];
    lines.push(titled(m.sampling.temperatureSampling, `p = softmax(z / T),   T = ${num(result.temperature)}`));
    lines.push(prose(`  ${m.sampling.tokens} = ${result.tokens.join(', ')}`));
    lines.push(prose(`  z = ${vec(result.scores)}`));

    lines.push('', prose(`1. ${m.sampling.probabilitiesSoftmaxOfZ}`));
    const scaled = result.scores.map((score) => score / result.temperature);
    // p as written adds up to 1 (roundedParts), and each c is the sum of the p written above it.
    const probabilities = roundedParts(result.probabilities, 4);
    let running = 0;
    const cumulative = probabilities.map((p) => (running = Math.round((running + p) * 1e4) / 1e4));
    lines.push(
      ...block(table(
        [m.sampling.token, 'z', 'z/T', 'p', options.width < 60 ? 'c = Σp' : m.sampling.cCumulativeP],
        result.tokens.map((token, k) => [
          token,
          num(result.scores[k] ?? 0),
          num(scaled[k] ?? 0),
          num(probabilities[k] ?? 0),
          num(cumulative[k] ?? 0),
        ]),
        '   ',
      )),
    );

    lines.push('', prose(`2. ${m.sampling.drawUUniformlyFrom}`));
    const u = result.uniforms[0] ?? 0;
    const k = result.tokens.indexOf(result.samples[0] ?? '');
    const below = k > 0 ? `c${sub(k)} = ${num(cumulative[k - 1] ?? 0)} ≤ ` : '';
    lines.push(`   ${below}u₁ = ${num(u)} < c${sub(k + 1)} = ${num(cumulative[k] ?? 0)}   →   ${quote(result.samples[0] ?? '')}`);

    const shown = result.samples.length;
    lines.push('', prose(`3. ${m.sampling.repeatNTimesSeed(result.sample_count, result.seed, shown)}`));
    lines.push(prose(`   ${result.samples.join(' ')}`));

    lines.push('', `4. ${m.sampling.howOftenEachToken}`);
    const labelWidth = Math.max(...result.tokens.map((token) => displayWidth(token)));
    const pLabel = 'p';
    const fLabel = m.sampling.freq;
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
    lines.push(prose(`   ${m.sampling.countsSum(counts, total)}`));
    lines.push(prose(`   ${m.sampling.theFrequenciesOnlyApproach}`));

    lines.push('', heading(m.sampling.temperature));
    if (n <= 8) {
      const temperatures = [...new Set([COLD, result.temperature, HOT])].sort((a, b) => a - b);
      lines.push(...temperatureRows(temperatures.map((temperature) => ({ temperature, probabilities: softmax(result.scores, temperature) })), result.temperature));
    }
    lines.push(prose(`  ${m.sampling.tAllTheProbability(quote(result.greedy))}`));
    lines.push(prose(`  ${m.sampling.tLargeEveryToken(n)}`));
    return finish(lines);
  },
};
