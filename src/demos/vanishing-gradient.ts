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
  summary: { en: 'why gradients vanish or explode through time', zh: '梯度为何随时间消失或爆炸' },
  seeded: false,
  flags: [
    { name: 'weight', value: 'W', defaultText: '0.8', help: { en: 'the recurrent weight w', zh: '循环权重 w' } },
    { name: 'steps', value: 'T', defaultText: '20', help: { en: 'time steps to go back', zh: '回溯的时间步数' } },
    { name: 'activation', value: 'linear|tanh', defaultText: 'linear', help: { en: 'φ in hₜ = φ(w·hₜ₋₁ + x)', zh: 'hₜ = φ(w·hₜ₋₁ + x) 中的 φ' } },
    { name: 'input', value: 'X', defaultText: '0.5', help: { en: 'the constant input x', zh: '恒定输入 x' } },
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
      question: {
        en: `w = ${num(result.weight)}, ${result.activation}: how big is the gradient ${result.steps} steps back?`,
        zh: `w = ${num(result.weight)}，${result.activation}：回溯 ${result.steps} 步后梯度有多大？`,
      },
      answer,
      // Relative: the answer spans orders of magnitude (0.8²⁰ ≈ 0.0115), so 0.01 absolute would be no test.
      tolerance: Math.max(Number.MIN_VALUE, Math.abs(answer) * 0.02),
    };
  },
  format(result, options) {
    const { block, finish, t, heading, prose, titled } = board(options);
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
        t('Vanishing and exploding gradients', '梯度消失与梯度爆炸'),
        `hₜ = ${result.activation === 'linear' ? 'w·hₜ₋₁ + x' : 'tanh(w·hₜ₋₁ + x)'},  w = ${num(result.weight)}, x = ${num(result.input)}`,
      ),
      prose(`  ${t('Backpropagation through time multiplies one factor per step:', '随时间反向传播，每一步乘一个因子：')}`),
      `  ∂hₜ/∂hₜ₋₁ = ${result.activation === 'linear' ? 'w' : 'w·tanh′(aₜ) = w·(1 − hₜ²)'}`,
      `  ${formula}`,
    ];
    if (result.activation === 'tanh') {
      const shown = result.factors.slice(0, 3).map((f, i) => `∂h${sub(i + 1)}/∂h${sub(i)} = ${num(f)}`);
      lines.push(prose(`  ${t('factors', '因子')}: ${shown.join(', ')}${T > 3 ? ', …' : ''}`));
    }
    lines.push('', ...block(table(['k', `∂h_T/∂h_(T−k)`], rows)), '');
    lines.push(heading(t('|gradient| by steps back k (log scale):', '|梯度| 随回溯步数 k 的变化（对数刻度）：')));
    const magnitudes = result.gradients.map((g) => Math.abs(g));
    lines.push(...block(lineChart(magnitudes, { color: options.color, height: 8, logScale: true, width: Math.max(20, Math.min(60, options.width - 12)), xLabels: ['k = 0', String(T)] })));
    lines.push('');
    if (Math.abs(last) < 0.1) {
      lines.push(prose(`  ${t(`After ${T} steps the gradient is ${num(last, 6)}: it vanishes. Inputs that far back barely change the loss, so the RNN cannot learn long-range dependencies.`, `${T} 步之后梯度只剩 ${num(last, 6)}：梯度消失。那么早的输入几乎不影响损失，RNN 学不到长程依赖。`)}`));
    } else if (grows) {
      lines.push(prose(`  ${t(`After ${T} steps the gradient is ${num(last)}: it explodes. Training jumps wildly; gradient clipping caps it.`, `${T} 步之后梯度达到 ${num(last)}：梯度爆炸。训练会剧烈跳动；梯度裁剪可以限制它。`)}`));
    } else {
      lines.push(`  ${t(`After ${T} steps the gradient is ${num(last)}.`, `${T} 步之后梯度为 ${num(last)}。`)}`);
    }
    lines.push(prose(`  ${t('|w| < 1 shrinks it, |w| > 1 blows it up; tanh′ ≤ 1 only shrinks it more. LSTMs add a path where the factor stays near 1.', '|w| < 1 使其缩小，|w| > 1 使其爆炸；tanh′ ≤ 1 只会让它更小。LSTM 增加了一条因子接近 1 的通路。')}`));
    return finish(lines);
  },
};
