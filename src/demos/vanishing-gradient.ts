import { localized } from '../i18n/demos.js';
import { gradientChain, type RecurrentActivation } from '../math/vanishing-gradient.js';
import { lineChart } from '../ui/chart.js';
import { readChoice, readScalar } from './flags.js';
import { board, num, sub, table } from './text.js';
import type { DemoDefinition } from './types.js';

export type VanishingGradientResult = {
  weight: number;
  steps: number;
  activation: RecurrentActivation;
  /** the constant input x at every step */
  input: number;
  hidden: number[];
  /** factors[t−1] = ∂hₜ/∂hₜ₋₁ */
  factors: number[];
  /** gradients[k] = ∂h_T/∂h_(T−k); gradients[0] = 1 */
  gradients: number[];
};

export function runVanishingGradient(weight: number, steps: number, activation: RecurrentActivation, input: number): VanishingGradientResult {
  return { weight, steps, activation, input, ...gradientChain(weight, steps, activation, input) };
}

export const vanishingGradientDemo: DemoDefinition<VanishingGradientResult> = {
  name: 'vanishing-gradient',
  topic: 'rnn',
  summary: localized((m) => m.vanishingGradient.summary),
  seeded: false,
  flags: [
    { name: 'weight', value: 'W', defaultText: '0.8', help: localized((m) => m.vanishingGradient.flagWeight) },
    { name: 'steps', value: 'T', defaultText: '20', help: localized((m) => m.vanishingGradient.flagSteps) },
    { name: 'activation', value: 'linear|tanh', defaultText: 'linear', help: localized((m) => m.vanishingGradient.flagActivation) },
    { name: 'input', value: 'X', defaultText: '0.5', help: localized((m) => m.vanishingGradient.flagInput) },
  ],
  examples: ['--weight 0.8 --steps 20', '--weight 1.2 --steps 30', '--weight 1.5 --activation tanh'],
  run(values) {
    const weight = readScalar(values, 'weight', 0.8, { min: -10, max: 10 });
    const steps = readScalar(values, 'steps', 20, { integer: true, min: 1, max: 200 });
    const activation = readChoice(values, 'activation', ['linear', 'tanh'] as const, 'linear');
    const input = readScalar(values, 'input', 0.5, { min: -100, max: 100 });
    return runVanishingGradient(weight, steps, activation, input);
  },
  predict(result) {
    const answer = result.gradients[result.steps] ?? 0;
    return {
      question: localized((m) => m.vanishingGradient.question(num(result.weight), result.activation, result.steps)),
      answer,
      // Relative: the answer spans orders of magnitude (0.8²⁰ ≈ 0.0115), so 0.01 absolute would be no test.
      tolerance: Math.max(Number.MIN_VALUE, Math.abs(answer) * 0.02),
    };
  },
  format(result, options) {
    const { block, finish, heading, prose, titled, m } = board(options);
    const T = result.steps;
    const formula =
      result.activation === 'linear'
        ? `∂h_T/∂h_(T−k) = w^k = ${num(result.weight)}^k`
        : `∂h_T/∂h_(T−k) = Π w·(1 − hₜ²)   (tanh′ = 1 − tanh²)`;
    const ks = [...new Set([0, 1, 2, 5, 10, 20, 50, 100, 200, T].filter((k) => k <= T))].sort((a, b) => a - b);
    const rows = ks.map((k) => [String(k), num(result.gradients[k] ?? 0, 6)]);
    const last = result.gradients[T] ?? 0;
    const grows = Math.abs(last) > 1;
    const lines = [
      titled(
        m.vanishingGradient.vanishingAndExplodingGradients,
        `hₜ = ${result.activation === 'linear' ? 'w·hₜ₋₁ + x' : 'tanh(w·hₜ₋₁ + x)'},  w = ${num(result.weight)}, x = ${num(result.input)}`,
      ),
      prose(`  ${m.vanishingGradient.backpropagationThroughTimeMultiplies}`),
      `  ∂hₜ/∂hₜ₋₁ = ${result.activation === 'linear' ? 'w' : 'w·tanh′(aₜ) = w·(1 − hₜ²)'}`,
      `  ${formula}`,
    ];
    if (result.activation === 'tanh') {
      const shown = result.factors.slice(0, 3).map((f, i) => `∂h${sub(i + 1)}/∂h${sub(i)} = ${num(f)}`);
      lines.push(prose(`  ${m.vanishingGradient.factors(shown, T > 3)}`));
    }
    lines.push('', ...block(table(['k', `∂h_T/∂h_(T−k)`], rows)), '');
    lines.push(heading(m.vanishingGradient.gradientByStepsBack));
    const magnitudes = result.gradients.map((g) => Math.abs(g));
    lines.push(...block(lineChart(magnitudes, { color: options.color, height: 8, logScale: true, width: Math.max(20, Math.min(60, options.width - 12)), xLabels: ['k = 0', String(T)] })));
    lines.push('');
    if (Math.abs(last) < 0.1) {
      lines.push(prose(`  ${m.vanishingGradient.vanishes(T, num(last, 6))}`));
    } else if (grows) {
      lines.push(prose(`  ${m.vanishingGradient.explodes(T, num(last))}`));
    } else {
      lines.push(`  ${m.vanishingGradient.neither(T, num(last))}`);
    }
    lines.push(prose(`  ${m.vanishingGradient.wShrinksItW}`));
    return finish(lines);
  },
};
