import { initMlp, mlpForward, mlpGradients, trainXor, XOR_INPUTS, XOR_TARGETS, type MlpParams } from '../math/xor-mlp.js';
import { dot } from '../math/matrix.js';
import { createRng, roundTo } from '../math/random.js';
import { lineChart } from '../ui/chart.js';
import { readScalar, readSeed } from './flags.js';
import { board, dotTerms, guessTolerance, matrixLines, num, sub, table, term, vec } from './text.js';
import type { DemoDefinition } from './types.js';

export type XorMlpResult = {
  hidden: number;
  epochs: number;
  lr: number;
  seed: number;
  initial: MlpParams;
  trained: MlpParams;
  /** the loss at the start of each epoch */
  loss: number[];
  final_loss: number;
  /** outputs for 00, 01, 10, 11 */
  predictions: number[];
};

export const XOR_DEFAULTS = { hidden: 3, epochs: 2000, lr: 2 } as const;

export function runXorMlp(hidden: number, epochs: number, lr: number, seed: number): XorMlpResult {
  const drawn = initMlp(createRng(seed), hidden);
  // Two decimals, so the first forward pass can be checked by hand.
  const initial: MlpParams = {
    W1: drawn.W1.map((weights) => weights.map((w) => roundTo(w, 2))),
    b1: drawn.b1,
    w2: drawn.w2.map((w) => roundTo(w, 2)),
    b2: drawn.b2,
  };
  const training = trainXor(initial, epochs, lr);
  return {
    hidden,
    epochs,
    lr,
    seed,
    initial,
    trained: training.final,
    loss: training.loss,
    final_loss: training.finalLoss,
    predictions: training.predictions,
  };
}

export const xorMlpDemo: DemoDefinition<XorMlpResult> = {
  name: 'xor-mlp',
  topic: 'deep-learning',
  summary: { en: 'a 2-layer network learns XOR by backpropagation', zh: '两层网络通过反向传播学会 XOR' },
  seeded: true,
  flags: [
    { name: 'hidden', value: 'H', defaultText: String(XOR_DEFAULTS.hidden), help: { en: 'hidden units', zh: '隐藏单元数' } },
    { name: 'epochs', value: 'N', defaultText: String(XOR_DEFAULTS.epochs), help: { en: 'full-batch gradient steps', zh: '全批量梯度步数' } },
    { name: 'lr', value: 'RATE', defaultText: String(XOR_DEFAULTS.lr), help: { en: 'learning rate η', zh: '学习率 η' } },
  ],
  examples: ['', '--hidden 2 --seed 7', '--lr 0.5 --epochs 500'],
  run(values) {
    const hidden = readScalar(values, 'hidden', XOR_DEFAULTS.hidden, { integer: true, min: 1, max: 64 });
    const epochs = readScalar(values, 'epochs', XOR_DEFAULTS.epochs, { integer: true, min: 1, max: 100000 });
    const lr = readScalar(values, 'lr', XOR_DEFAULTS.lr, { min: 0, exclusiveMin: true, max: 100 });
    return runXorMlp(hidden, epochs, lr, readSeed(values));
  },
  predict(result) {
    return {
      question: { en: 'After training, what does the network output for (0,1)?', zh: '训练后，网络对 (0,1) 的输出是多少？' },
      answer: result.predictions[1] ?? 0,
      tolerance: guessTolerance(result.predictions[1] ?? 0),
    };
  },
  format(result, options) {
    const { block, finish, t, heading, prose } = board(options);
    const p = result.initial;
    const x = XOR_INPUTS[1] ?? [0, 1];
    const y = XOR_TARGETS[1] ?? 1;
    const forward = mlpForward(p, x);
    const grads = mlpGradients(p, XOR_INPUTS, XOR_TARGETS);
    const lines = [
      heading(t('A 2-layer network learns XOR', '两层网络学习 XOR')) + `   2 → ${result.hidden} → 1, ${t('sigmoid everywhere', '全部用 sigmoid')}`,
      '  h = σ(W₁x + b₁),  ŷ = σ(w₂·h + b₂),  L = ¼ Σ (ŷ − y)²',
      `  ${t('seed', '种子')} ${result.seed}: W₁ =`,
      ...block(matrixLines(p.W1, '    ')),
      `  w₂ = ${vec(p.w2)}, ${t('biases start at 0', '偏置初始为 0')}`,
      '',
      heading(t('Forward pass for x = (0,1), y = 1:', '输入 x = (0,1), y = 1 的前向传播：')),
      ...p.W1.map((weights, k) => {
        const a = (weights[0] ?? 0) * (x[0] ?? 0) + (weights[1] ?? 0) * (x[1] ?? 0) + (p.b1[k] ?? 0);
        return `  h${sub(k + 1)} = σ(${num(weights[0] ?? 0)}×0 + ${term(weights[1] ?? 0)}×1 + 0) = σ(${num(a)}) = ${num(forward.hidden[k] ?? 0)}`;
      }),
      prose(`  ŷ = σ(w₂·h + b₂) = σ(${dotTerms(p.w2, forward.hidden)} + 0)`),
      `    = σ(${num(dot(p.w2, forward.hidden) + p.b2)}) = ${num(forward.output)}   ${t('(target', '（目标')} ${y}${t(')', '）')}`,
      '',
      heading(t('Backward pass (chain rule), whole batch, first step:', '反向传播（链式法则），整批，第一步：')),
      '  ∂L/∂ŷ = ½(ŷ − y)   δ₂ = ∂L/∂ŷ · ŷ(1 − ŷ)   ∂L/∂w₂ = Σ δ₂ h',
      '  δ₁ = δ₂ w₂ ⊙ h(1 − h)   ∂L/∂W₁ = Σ δ₁ xᵀ',
      `  ∂L/∂w₂ = ${vec(grads.w2)},  ∂L/∂b₂ = ${num(grads.b2)}`,
      `  ∂L/∂W₁ =`,
      ...block(matrixLines(grads.W1, '    ')),
      `  ${t('each weight moves by', '每个权重移动')} −η × ${t('its gradient', '其梯度')}, η = ${num(result.lr)}`,
      '',
      heading(t(`Loss over ${result.epochs} epochs:`, `${result.epochs} 轮中的损失：`)),
      ...block(lineChart(result.loss, { color: options.color, height: 8, width: Math.max(20, Math.min(60, options.width - 12)), xLabels: [t('epoch 1', '第 1 轮'), String(result.epochs)] })),
      `  ${t('final loss', '最终损失')} = ${num(result.final_loss, 6)}`,
      '',
      ...block(table(
        ['x', 'y', 'ŷ'],
        XOR_INPUTS.map((input, n) => [`(${input.join(',')})`, String(XOR_TARGETS[n] ?? 0), num(result.predictions[n] ?? 0)]),
      )),
      '',
      prose(`  ${t(
        'The hidden units bend the input space so that one line can split XOR: what a single perceptron cannot do.',
        '隐藏单元把输入空间"弯折"，于是一条直线就能分开 XOR：这是单个感知机做不到的。',
      )}`),
    ];
    return finish(lines);
  },
};
