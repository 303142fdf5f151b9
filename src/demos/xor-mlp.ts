import { localized } from '../i18n/demos.js';
import { initMlp, mlpForward, mlpGradients, trainXor, XOR_INPUTS, XOR_TARGETS, type MlpParams } from '../math/xor-mlp.js';
import { dot } from '../math/matrix.js';
import { createRng, roundTo } from '../math/random.js';
import { lineChart } from '../ui/chart.js';
import { readScalar, readSeed } from './flags.js';
import { board, dotTerms, guessTolerance, mat, matrixLines, num, sub, table, term, vec } from './text.js';
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
  summary: localized((m) => m.xorMlp.summary),
  seeded: true,
  flags: [
    { name: 'hidden', value: 'H', defaultText: String(XOR_DEFAULTS.hidden), help: localized((m) => m.xorMlp.flagHidden) },
    { name: 'epochs', value: 'N', defaultText: String(XOR_DEFAULTS.epochs), help: localized((m) => m.xorMlp.flagEpochs) },
    { name: 'lr', value: 'RATE', defaultText: String(XOR_DEFAULTS.lr), help: localized((m) => m.xorMlp.flagLr) },
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
      question: localized((m) => m.xorMlp.question),
      answer: result.predictions[1] ?? 0,
      tolerance: guessTolerance(result.predictions[1] ?? 0),
      given: localized((m) => [
        m.xorMlp.architecture(result.hidden),
        'h = σ(W₁x + b₁),  ŷ = σ(w₂·h + b₂)',
        `XOR: ${XOR_INPUTS.map((input, n) => `(${input.join(',')}) → ${XOR_TARGETS[n] ?? 0}`).join(',  ')}`,
        `${m.xorMlp.seed(result.seed)} ${mat(result.initial.W1)}`,
        m.xorMlp.outputWeights(vec(result.initial.w2)),
        m.xorMlp.training(result.epochs, num(result.lr)),
      ].join('\n')),
    };
  },
  format(result, options) {
    const { block, finish, heading, prose, m } = board(options);
    const p = result.initial;
    const x = XOR_INPUTS[1] ?? [0, 1];
    const y = XOR_TARGETS[1] ?? 1;
    const forward = mlpForward(p, x);
    const grads = mlpGradients(p, XOR_INPUTS, XOR_TARGETS);
    const lines = [
      heading(m.xorMlp.title) + `   ${m.xorMlp.architecture(result.hidden)}`,
      '  h = σ(W₁x + b₁),  ŷ = σ(w₂·h + b₂),  L = ¼ Σ (ŷ − y)²',
      `  ${m.xorMlp.seed(result.seed)}`,
      ...block(matrixLines(p.W1, '    ')),
      `  ${m.xorMlp.outputWeights(vec(p.w2))}`,
      '',
      heading(m.xorMlp.forwardPassForX),
      ...p.W1.map((weights, k) => {
        const a = (weights[0] ?? 0) * (x[0] ?? 0) + (weights[1] ?? 0) * (x[1] ?? 0) + (p.b1[k] ?? 0);
        return `  h${sub(k + 1)} = σ(${num(weights[0] ?? 0)}×0 + ${term(weights[1] ?? 0)}×1 + 0) = σ(${num(a)}) = ${num(forward.hidden[k] ?? 0)}`;
      }),
      prose(`  ŷ = σ(w₂·h + b₂) = σ(${dotTerms(p.w2, forward.hidden)} + 0)`),
      `    = σ(${num(dot(p.w2, forward.hidden) + p.b2)}) = ${num(forward.output)}   ${m.xorMlp.target(y)}`,
      '',
      heading(m.xorMlp.backwardPassChainRule),
      '  ∂L/∂ŷ = ½(ŷ − y)   δ₂ = ∂L/∂ŷ · ŷ(1 − ŷ)   ∂L/∂w₂ = Σ δ₂ h',
      '  δ₁ = δ₂ w₂ ⊙ h(1 − h)   ∂L/∂W₁ = Σ δ₁ xᵀ',
      `  ∂L/∂w₂ = ${vec(grads.w2)},  ∂L/∂b₂ = ${num(grads.b2)}`,
      `  ∂L/∂W₁ =`,
      ...block(matrixLines(grads.W1, '    ')),
      `  ${m.xorMlp.update(num(result.lr))}`,
      '',
      heading(m.xorMlp.lossOverEpochs(result.epochs)),
      ...block(lineChart(result.loss, { color: options.color, height: 8, width: Math.max(20, Math.min(60, options.width - 12)), xLabels: [m.xorMlp.firstEpoch, String(result.epochs)] })),
      `  ${m.xorMlp.finalLoss} = ${num(result.final_loss, 6)}`,
      '',
      ...block(table(
        ['x', 'y', 'ŷ'],
        XOR_INPUTS.map((input, n) => [`(${input.join(',')})`, String(XOR_TARGETS[n] ?? 0), num(result.predictions[n] ?? 0)]),
      )),
      '',
      prose(`  ${m.xorMlp.theHiddenUnitsBend}`),
    ];
    return finish(lines);
  },
};
