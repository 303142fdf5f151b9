// @inquirer/testing must be imported before anything that loads @inquirer/prompts.
import { screen } from '@inquirer/testing/vitest';
import { describe, expect, it } from 'vitest';
import { demoCommand } from '../../src/commands/demo.js';
import { fakeContext } from './fake-context.js';
import { ROOT, tempDir } from '../helpers.js';

// --predict shows the numbers a question is about, then asks, then shows the working: a guess at
// "the first output" is no guess at all before the signal and kernel are on the screen.

function contextFor(lang: 'en' | 'zh'): ReturnType<typeof fakeContext> {
  return fakeContext({ env: { ML_TUTOR_HOME: tempDir(), LANG: 'C.UTF-8', NO_COLOR: '1' }, tty: true, packageRoot: ROOT, global: { lang }, columns: 100 });
}

// Each demo with its arguments, the lines of inputs that must be on screen when the question is,
// a number from the working that must not be yet, and the answer to type.
const cases: Array<{ argv: string[]; inputs: string[]; working: string; question: string }> = [
  {
    argv: ['attention'],
    inputs: ['softmax(Q Kᵀ / √d_k) V,  d_k = 2', 'Q = [[1, 0], [0, 1], [1, 1]]', 'K = [[1, 0], [0, 1], [1, 1]]', 'V = [[10, 0], [0, 10], [5, 5]]'],
    working: 'Weights: softmax',
    question: 'How much weight does query 1 give key 1?',
  },
  {
    argv: ['lstm', '--seed', '3'],
    inputs: ['f = σ(W_f x + U_f h + b_f)   seed 3, d_h = 2', 'x₁ = [1, 0],  h₀ = c₀ = [0, 0]', 'b_f = [1, 1]'],
    working: 't = 1:',
    question: 'what share of the old cell',
  },
  {
    argv: ['rnn'],
    inputs: ['hₜ = tanh(W_x·xₜ + W_h·hₜ₋₁ + b)', 'x₁ = [1, 0],  h₀ = [0, 0]', 'W_x = [[0.5, −0.3], [0.2, 0.8]]', 'W_h = [[0.1, 0.4], [−0.6, 0.2]]', 'b = [0, 0.1]'],
    working: 'Step 1',
    question: 'What is the first entry of h₁?',
  },
  {
    argv: ['conv1d', '--signal', '1,2,3,4', '--kernel', '1,-1', '--stride', '2'],
    inputs: ['s = 2', 'signal = [1, 2, 3, 4]', 'kernel = [1, −1]'],
    working: 'out₀ =',
    question: 'What is the first output, out₀?',
  },
  {
    argv: ['multihead'],
    inputs: ['inputs X: 3 × 4,  heads h = 2,  d_model = 4,  d_head = 4 / 2 = 2', 'X = [[1, 0, 1, 0], [0, 1, 0, 1], [1, 1, 0, 0]]', 'Head 1:  W_Q = [[', 'W_K = [['],
    working: 'Concatenate the heads',
    question: 'In head 1, how much weight does token 1 give itself?',
  },
  {
    argv: ['xor-mlp', '--epochs', '50'],
    inputs: ['2 → 3 → 1, sigmoid everywhere', 'XOR: (0,0) → 0,  (0,1) → 1,  (1,0) → 1,  (1,1) → 0', 'seed 42: W₁ = [[', 'w₂ = [', 'training: 50 full-batch gradient steps, η = 2'],
    working: 'Forward pass',
    question: 'After training, what does the network output for (0,1)?',
  },
];

describe('demo --predict shows the inputs before it asks', () => {
  it.each(cases)('$argv.0', async ({ argv, inputs, working, question }) => {
    const { context, out } = contextFor('en');
    const running = demoCommand(context, [...argv, '--predict'], () => '');
    await screen.next();
    expect(screen.getScreen()).toContain(question);
    // Everything printed so far is the inputs: each line of them, and none of the working.
    for (const line of inputs) expect(out.text).toContain(line);
    expect(out.text).not.toContain(working);
    screen.type('0.5');
    screen.keypress('enter');
    await running;
    const shownAt = out.text.indexOf(inputs[0] ?? '');
    expect(out.text.indexOf(working)).toBeGreaterThan(shownAt);
    expect(out.text).toMatch(/Your guess (0\.5 is right|was 0\.5)/);
  });

  it('shows them in Chinese too', async () => {
    const { context, out } = contextFor('zh');
    const running = demoCommand(context, ['xor-mlp', '--epochs', '50', '--predict'], () => '');
    await screen.next();
    expect(out.text).toContain('2 → 3 → 1，全部用 sigmoid');
    expect(out.text).toContain('种子 42：W₁ = [[');
    screen.type('0.5');
    screen.keypress('enter');
    await running;
  });
});
