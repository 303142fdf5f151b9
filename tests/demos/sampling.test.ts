import { describe, expect, it } from 'vitest';
import { formatDemo, runDemo } from '../../src/demos/index.js';
import { runSampling, SAMPLING_DEFAULT_TOKENS, type SamplingResult } from '../../src/demos/sampling.js';
import { inverseCdf } from '../../src/math/sampling.js';

const sampling = (argv: string[]): SamplingResult => runDemo(['sampling', ...argv]).result as SamplingResult;

describe('sampling demo', () => {
  it('the default run: the, a, cat, dog; 1000 draws with seed 42; the first 20 shown', () => {
    const result = sampling([]);
    expect(result.tokens).toEqual(SAMPLING_DEFAULT_TOKENS);
    expect(result.sample_count).toBe(1000);
    expect(result.seed).toBe(42);
    expect(result.counts.reduce((a, b) => a + b, 0)).toBe(1000);
    expect(result.samples).toHaveLength(20);
    expect(result.uniforms).toHaveLength(20);
    expect(result.greedy).toBe('the');
    // each shown token is the inverse CDF of its u
    result.samples.forEach((token, i) => expect(token).toBe(result.tokens[inverseCdf(result.cumulative, result.uniforms[i] ?? NaN)]));
  });

  it('labels are token1 … tokenN for custom scores, or the ones given', () => {
    expect(sampling(['--scores', '1,0,3']).tokens).toEqual(['token1', 'token2', 'token3']);
    expect(sampling(['--scores', '1,0,3']).greedy).toBe('token3');
    expect(sampling(['--scores', '1,0', '--tokens', ' yes , no ']).tokens).toEqual(['yes', 'no']);
  });

  it('shows fewer than 20 samples when N is smaller, and --seed changes the draws', () => {
    expect(sampling(['--samples', '5']).samples).toHaveLength(5);
    expect(sampling(['--seed', '3']).counts).toEqual(sampling(['--seed', '3']).counts);
    expect(sampling(['--seed', '3']).uniforms).not.toEqual(sampling([]).uniforms);
  });

  it('--predict asks for the count of the greedy token, within 2% of N or two standard deviations of the count', () => {
    const run = runDemo(['sampling']);
    expect(run.prediction?.answer).toBe((run.result as SamplingResult).counts[0]);
    // p = 0.6095, N = 1000: 2·√(N p (1 − p)) = 30.9 is wider than 2% of N = 20
    expect(run.prediction?.tolerance).toBe(31);
    expect(runDemo(['sampling', '--samples', '100000']).prediction?.tolerance).toBe(2000);
  });

  it('writes the first draw out against the cumulative probabilities', () => {
    const text = formatDemo(runDemo(['sampling']), { lang: 'en', color: false, width: 80 });
    expect(text).toContain('   u₁ = 0.6011 < c₁ = 0.6095   →   "the"');
    expect(text).toContain('   the the cat a the the the a cat the the cat a the the the a a the the');
    expect(text).toContain('counts: the 599, a 221, cat 147, dog 33 (sum 1000)');
    // a first draw past the first slice shows both of its bounds
    const result = runSampling([0, 0], ['x', 'y'], 1, 1, 42);
    expect(result.samples).toEqual(['y']); // u = 0.6011 ≥ c₁ = 0.5
    const second = formatDemo(runDemo(['sampling', '--scores', '0,0', '--tokens', 'x,y', '--samples', '1']), { lang: 'en', color: false, width: 80 });
    expect(second).toContain('   c₁ = 0.5 ≤ u₁ = 0.6011 < c₂ = 1   →   "y"');
  });

  it('a very low temperature always draws the largest score (greedy)', () => {
    const cold = sampling(['--temperature', '0.01']);
    expect(cold.counts).toEqual([1000, 0, 0, 0]);
    expect(new Set(cold.samples)).toEqual(new Set(['the']));
  });
});
