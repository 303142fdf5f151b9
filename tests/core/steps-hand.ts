/**
 * The worked exercises computed by hand (not src/math) from the givens in a prompt, for the unit and
 * end-to-end tests. `first` replaces step 1's value, as a learner's wrong answer would: every later
 * step is then computed from it (carry-forward).
 */
import type { StepsGeneratorName } from '../../src/core/question.js';

type Given = number | number[] | number[][];

/** The value written after "name = " in a prompt: a number, a vector or a matrix (JSON-shaped). */
export function given(prompt: string, name: string): Given {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`(?<![\\w(])${escaped} = (\\[\\[.*?\\]\\]|\\[.*?\\]|-?[\\d.]+)`).exec(prompt);
  if (!match) throw new Error(`no "${name}" in: ${prompt}`);
  return JSON.parse(match[1]!) as Given;
}
export const vector = (prompt: string, name: string): number[] => given(prompt, name) as number[];
export const matrix = (prompt: string, name: string): number[][] => given(prompt, name) as number[][];
export const scalar = (prompt: string, name: string): number => given(prompt, name) as number;

const dot = (a: readonly number[], b: readonly number[]): number => a.reduce((sum, value, i) => sum + value * b[i]!, 0);
const logistic = (z: number): number => 1 / (1 + Math.exp(-z));
const hyperbolicTangent = (a: number): number => (Math.exp(a) - Math.exp(-a)) / (Math.exp(a) + Math.exp(-a));
function handSoftmax(z: readonly number[]): number[] {
  const exps = z.map((value) => Math.exp(value));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((value) => value / total);
}

const chains: Record<StepsGeneratorName, (prompt: string, first?: number[]) => number[][]> = {
  'attention-steps': (prompt, first) => {
    const q = vector(prompt, 'q');
    const keys = [vector(prompt, 'k1'), vector(prompt, 'k2'), vector(prompt, 'k3')];
    const scores = first ?? keys.map((k) => dot(q, k));
    const scaled = scores.map((s) => s / Math.sqrt(scalar(prompt, 'd_k')));
    const weights = handSoftmax(scaled);
    return [scores, scaled, weights, [dot(weights, vector(prompt, 'v'))]];
  },
  'rnn-steps': (prompt, first) => {
    const x = vector(prompt, 'x_t');
    const h = vector(prompt, 'h_(t−1)');
    const b = vector(prompt, 'b');
    const inputPart = first ?? matrix(prompt, 'W_x').map((row) => dot(row, x));
    const recurrentPart = matrix(prompt, 'W_h').map((row) => dot(row, h));
    const pre = inputPart.map((value, i) => value + recurrentPart[i]! + b[i]!);
    return [inputPart, recurrentPart, pre, pre.map(hyperbolicTangent)];
  },
  'backprop-steps': (prompt, first) => {
    const x = vector(prompt, 'x');
    const y = scalar(prompt, 'y');
    const [z] = first ?? [dot(vector(prompt, 'w'), x) + scalar(prompt, 'b')];
    const out = logistic(z!);
    const delta = (out - y) * out * (1 - out);
    return [[z!], [out], [out - y], [delta], x.map((xi) => delta * xi)];
  },
  'perceptron-steps': (prompt, first) => {
    const w = vector(prompt, 'w');
    const x = vector(prompt, 'x');
    const b = scalar(prompt, 'b');
    const rate = scalar(prompt, 'η');
    const [sum] = first ?? [dot(w, x) + b];
    const prediction = sum! > 0 ? 1 : 0;
    const error = scalar(prompt, 'y') - prediction;
    return [[sum!], [prediction], [error], w.map((wi, i) => wi + rate * error * x[i]!), [b + rate * error]];
  },
  'cosine-steps': (prompt, first) => {
    const a = vector(prompt, 'a');
    const b = vector(prompt, 'b');
    const [product] = first ?? [dot(a, b)];
    const lengthA = Math.sqrt(dot(a, a));
    const lengthB = Math.sqrt(dot(b, b));
    return [[product!], [lengthA], [lengthB], [product! / (lengthA * lengthB)]];
  },
};

/** Every step's value by hand, step 1 replaced by `first` when given. */
export function byHand(generator: StepsGeneratorName, prompt: string, first?: number[]): number[][] {
  return chains[generator](prompt, first);
}
