import { describe, expect, it } from 'vitest';
import { GENERATORS, generateProblem, isGeneratorName, type GeneratedProblem } from '../../src/core/generators.js';
import { GENERATOR_NAMES, type GeneratorName } from '../../src/core/question.js';
import { lcg } from './helpers.js';

/*
 * Each generator's answer is recomputed here from the numbers in its English prompt, with formulas
 * written out by hand (not src/math), so a prompt that disagrees with its answer, or a math kernel
 * that drifts, fails. 300 draws per generator from several seeds.
 */

const DRAWS = 300;

/** Every bracketed vector in a text, in order: "[1, -2, 0.5]" → [1, -2, 0.5]. */
function vectors(text: string): number[][] {
  return [...text.matchAll(/\[([^\]]*)\]/g)].map((match) => (match[1] ?? '').split(',').map((part) => Number(part.trim())));
}

/** The number after a label such as "b = " (first occurrence). */
function scalar(text: string, label: string): number {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`${escaped}(-?\\d+(?:\\.\\d+)?)`).exec(text);
  if (!match) throw new Error(`no "${label}" in: ${text}`);
  return Number(match[1]);
}

function handSoftmax(z: readonly number[]): number[] {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

function handDot(a: readonly number[], b: readonly number[]): number {
  expect(a.length).toBe(b.length);
  return a.reduce((sum, v, i) => sum + v * (b[i] ?? NaN), 0);
}

function draws(name: GeneratorName): GeneratedProblem[] {
  const problems: GeneratedProblem[] = [];
  for (const seed of [1, 2, 3]) {
    const rng = lcg(seed);
    for (let i = 0; i < DRAWS / 3; i++) problems.push(generateProblem(name, rng));
  }
  return problems;
}

/** The independent recomputation of each generator's answer from its prompt. */
const recompute: Record<GeneratorName, (prompt: string) => number> = {
  'softmax-prob': (prompt) => {
    const [z] = vectors(prompt);
    const item = scalar(prompt, 'give item ');
    return handSoftmax(z ?? [])[item - 1] ?? NaN;
  },
  'scaled-dot-score': (prompt) => {
    const [q, k] = vectors(prompt);
    return handDot(q ?? [], k ?? []) / Math.sqrt((q ?? []).length);
  },
  'attention-weight': (prompt) => {
    const [q, ...keys] = vectors(prompt);
    const key = scalar(prompt, 'give key ');
    const scores = keys.map((k) => handDot(q ?? [], k) / Math.sqrt(k.length));
    return handSoftmax(scores)[key - 1] ?? NaN;
  },
  cosine: (prompt) => {
    const [a = [], b = []] = vectors(prompt);
    return handDot(a, b) / (Math.sqrt(handDot(a, a)) * Math.sqrt(handDot(b, b)));
  },
  'rnn-step': (prompt) => {
    const [wx = [], x = []] = vectors(prompt);
    const wh = scalar(prompt, 'w_h = ');
    const bias = scalar(prompt, 'bias b = ');
    const hPrev = scalar(prompt, 'h_(t−1) = ');
    const a = handDot(wx, x) + wh * hPrev + bias;
    return (Math.exp(a) - Math.exp(-a)) / (Math.exp(a) + Math.exp(-a));
  },
  sigmoid: (prompt) => {
    const [w = [], x = []] = vectors(prompt);
    const bias = scalar(prompt, 'bias b = ');
    return 1 / (1 + Math.exp(-(handDot(w, x) + bias)));
  },
};

describe.each(GENERATOR_NAMES.map((name) => [name]))('%s', (name) => {
  const problems = draws(name);

  it('answers match an independent computation from the prompt’s own numbers (to 1e-9)', () => {
    for (const problem of problems) {
      expect(problem.answer).toBeCloseTo(recompute[name](problem.prompt.en), 9);
    }
  });

  it('names itself, asks for 2 decimals and accepts ±0.01', () => {
    for (const problem of problems) {
      expect(problem.generator).toBe(name);
      expect(problem.tolerance).toBe(0.01);
      expect(problem.prompt.en).toContain('Answer to 2 decimal places.');
      expect(problem.prompt.zh).toContain('保留两位小数。');
      expect(Number.isFinite(problem.answer)).toBe(true);
    }
  });

  it('the Chinese prompt carries the same numbers as the English one', () => {
    for (const problem of problems.slice(0, 50)) {
      expect(vectors(problem.prompt.zh)).toEqual(vectors(problem.prompt.en));
    }
  });

  it('the explanation ends with the answer to 4 decimals, in both languages', () => {
    for (const problem of problems) {
      const shown = String(Number(problem.answer.toFixed(4)) || 0);
      expect(problem.explain.en.endsWith(`${shown}.`)).toBe(true);
      expect(problem.explain.zh.endsWith(`${shown}。`)).toBe(true);
    }
  });

  it('draws fresh numbers: many distinct prompts', () => {
    const distinct = new Set(problems.map((problem) => problem.prompt.en));
    expect(distinct.size).toBeGreaterThan(problems.length / 3);
  });

  it('is reproducible from the seed', () => {
    expect(generateProblem(name, lcg(77))).toEqual(generateProblem(name, lcg(77)));
  });

  it('keeps numbers small enough to work by hand', () => {
    for (const problem of problems) {
      for (const value of vectors(problem.prompt.en).flat()) expect(Math.abs(value)).toBeLessThanOrEqual(3);
    }
  });
});

describe('range checks', () => {
  it('probabilities and weights lie in (0, 1)', () => {
    for (const name of ['softmax-prob', 'attention-weight', 'sigmoid'] as const) {
      for (const problem of draws(name)) {
        expect(problem.answer).toBeGreaterThan(0);
        expect(problem.answer).toBeLessThan(1);
      }
    }
  });

  it('cosine lies in [−1, 1] and tanh in (−1, 1)', () => {
    for (const problem of draws('cosine')) expect(Math.abs(problem.answer)).toBeLessThanOrEqual(1);
    for (const problem of draws('rnn-step')) expect(Math.abs(problem.answer)).toBeLessThan(1);
  });

  it('cosine never draws a zero vector, even from a degenerate rng', () => {
    const stuck = (): number => 0.5; // always the middle of [−3, 3]: 0
    const problem = generateProblem('cosine', stuck);
    expect(Number.isFinite(problem.answer)).toBe(true);
    expect(vectors(problem.prompt.en)).toEqual([
      [1, 0, 0],
      [1, 0, 0],
    ]);
    expect(problem.answer).toBe(1);
  });
});

describe('worked examples (fixed numbers via a scripted rng)', () => {
  /** Feeds the exact draws a generator will ask for. */
  function scripted(values: readonly number[]): () => number {
    let i = 0;
    return () => {
      const value = values[i++];
      if (value === undefined) throw new Error('script ran out');
      return value;
    };
  }
  /** The rng value that makes drawInt(low, high) return `target`. */
  function pick(target: number, low: number, high: number): number {
    return (target - low + 0.5) / (high - low + 1);
  }

  it('softmax-prob: z = [1, 2, 0], item 2 → e²/(e + e² + 1) = 0.6652', () => {
    const problem = generateProblem(
      'softmax-prob',
      scripted([pick(1, -2, 3), pick(2, -2, 3), pick(0, -2, 3), pick(1, 0, 2)]),
    );
    expect(problem.prompt.en).toBe(
      'The scores are z = [1, 2, 0]. What probability does softmax give item 2 (score 2)? Answer to 2 decimal places.',
    );
    expect(problem.answer).toBeCloseTo(Math.exp(2) / (Math.exp(1) + Math.exp(2) + 1), 12);
    expect(problem.explain.en).toBe(
      'softmax(z)_i = e^(z_i) / Σ_j e^(z_j): e^2 / (e^1 + e^2 + e^0) = 7.3891 / 11.1073 = 0.6652.',
    );
  });

  it('scaled-dot-score: q = [1, 2], k = [2, -1] → 0/√2 = 0', () => {
    const problem = generateProblem(
      'scaled-dot-score',
      scripted([0.1, pick(1, -2, 2), pick(2, -2, 2), pick(2, -2, 2), pick(-1, -2, 2)]),
    );
    expect(problem.prompt.en).toContain('q = [1, 2], key k = [2, -1] (d_k = 2)');
    expect(problem.answer).toBe(0);
  });

  it('sigmoid: w = [0.5, -1], x = [2, 1], b = 0.2 → σ(0.2) = 0.5498', () => {
    const problem = generateProblem(
      'sigmoid',
      scripted([pick(5, -10, 10), pick(-10, -10, 10), pick(2, -2, 2), pick(1, -2, 2), pick(2, -10, 10)]),
    );
    expect(problem.prompt.en).toBe(
      'A neuron has weights w = [0.5, -1] and bias b = 0.2. For input x = [2, 1], what is its output σ(w·x + b)? Answer to 2 decimal places.',
    );
    expect(problem.answer).toBeCloseTo(1 / (1 + Math.exp(-0.2)), 12);
    expect(problem.explain.en).toBe('z = 0.5·2 + (-1)·1 + 0.2 = 0.2; σ(z) = 1 / (1 + e^(−z)) = 0.5498.');
  });
});

describe('registry', () => {
  it('has exactly the generator names questions may use', () => {
    expect(Object.keys(GENERATORS).sort()).toEqual([...GENERATOR_NAMES].sort());
  });

  it.each([
    ['softmax-prob', true],
    ['cosine', true],
    ['softmax', false],
    ['', false],
  ])('isGeneratorName(%j) is %s', (value, expected) => {
    expect(isGeneratorName(value)).toBe(expected);
  });
});
