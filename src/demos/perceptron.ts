import { trainPerceptron, truthTable, type BooleanFunction, type PerceptronVisit } from '../math/perceptron.js';
import { readChoice, readScalar } from './flags.js';
import { board, num, term, vec } from './text.js';
import type { DemoDefinition } from './types.js';

export type PerceptronResult = {
  data: BooleanFunction;
  lr: number;
  epochs: number;
  weights: number[];
  bias: number;
  /** misclassified examples in each epoch that ran */
  errors: number[];
  converged: boolean;
  visits: PerceptronVisit[];
};

export function runPerceptron(data: BooleanFunction, epochs: number, lr: number): PerceptronResult {
  const training = trainPerceptron(truthTable(data), epochs, lr);
  return { data, lr, epochs, ...training };
}

// Epochs written out in full; later ones get one summary line each.
const EPOCHS_IN_FULL = 3;
// Then this many one-line epochs, "…", and the last two.
const SUMMARY_EPOCHS = 7;

function visitLine(visit: PerceptronVisit, lr: number, t: (en: string, zh: string) => string): string {
  const x = `(${visit.x.join(',')})`;
  const head = `    x=${x} y=${visit.y}  w·x+b = ${num(visit.activation)} → ŷ=${visit.prediction}`;
  if (visit.prediction === visit.y) return `${head}  ✓`;
  const error = visit.y - visit.prediction;
  return `${head}  ✗ w += ${num(lr)}×${term(error)}×${x} → ${vec(visit.weights)}, b += ${num(lr)}×${term(error)} → ${num(visit.bias)}`;
}

/** True when the last two epochs ended with the same weights and bias (a cycle). */
function endsOfEpochsRepeat(result: PerceptronResult): boolean {
  const ends = result.errors.map((_, index) => result.visits.filter((visit) => visit.epoch === index + 1).at(-1));
  const [before, last] = ends.slice(-2);
  return before !== undefined && last !== undefined && before.bias === last.bias && before.weights.every((w, k) => w === last.weights[k]);
}

export const perceptronDemo: DemoDefinition<PerceptronResult> = {
  name: 'perceptron',
  topic: 'deep-learning',
  summary: { en: 'the perceptron rule learns AND and OR, never XOR', zh: '感知机规则能学会 AND 和 OR，永远学不会 XOR' },
  seeded: false,
  flags: [
    { name: 'data', value: 'and|or|xor', defaultText: 'and', help: { en: 'the truth table to learn', zh: '要学习的真值表' } },
    { name: 'epochs', value: 'N', defaultText: '10', help: { en: 'passes over the four examples', zh: '遍历四个样本的轮数' } },
    { name: 'lr', value: 'RATE', defaultText: '1', help: { en: 'learning rate η', zh: '学习率 η' } },
  ],
  examples: ['--data and', '--data xor --epochs 20', '--data or --lr 0.5'],
  run(values) {
    const data = readChoice(values, 'data', ['and', 'or', 'xor'] as const, 'and');
    const epochs = readScalar(values, 'epochs', 10, { integer: true, min: 1, max: 1000 });
    const lr = readScalar(values, 'lr', 1, { min: 0, exclusiveMin: true, max: 100 });
    return runPerceptron(data, epochs, lr);
  },
  predict(result) {
    return {
      question: { en: `${result.data.toUpperCase()}: how many mistakes in epoch 1?`, zh: `${result.data.toUpperCase()}：第 1 轮有几个错误？` },
      answer: result.errors[0] ?? 0,
      tolerance: 0,
    };
  },
  format(result, options) {
    const { block, finish, t, prose, titled } = board(options);
    const lines = [
      titled(
        t(`Perceptron learning ${result.data.toUpperCase()}`, `感知机学习 ${result.data.toUpperCase()}`),
        `ŷ = 1 if w·x + b > 0 else 0;   w ← w + η(y − ŷ)x,  b ← b + η(y − ŷ),  η = ${num(result.lr)}`,
      ),
      `  ${t('start', '初始')}: w = [0, 0], b = 0`,
    ];
    result.errors.forEach((errors, index) => {
      const epoch = index + 1;
      const visits = result.visits.filter((visit) => visit.epoch === epoch);
      const last = visits[visits.length - 1];
      const summary = `${t('Epoch', '第')} ${epoch}${t('', ' 轮')}: ${t('errors', '错误')} ${errors}, w = ${vec(last?.weights ?? [])}, b = ${num(last?.bias ?? 0)}`;
      const total = result.errors.length;
      if (epoch <= EPOCHS_IN_FULL) {
        lines.push('', `  ${summary}`, ...visits.map((visit) => visitLine(visit, result.lr, t)));
      } else if (epoch <= EPOCHS_IN_FULL + SUMMARY_EPOCHS || epoch > total - 2) {
        if (epoch === EPOCHS_IN_FULL + 1) lines.push('');
        lines.push(`  ${summary}`);
      } else if (epoch === EPOCHS_IN_FULL + SUMMARY_EPOCHS + 1) {
        lines.push('  …');
      }
    });
    lines.push('');
    if (result.converged) {
      lines.push(prose(
        t(
          `Converged after ${result.errors.length} epochs: the line ${num(result.weights[0] ?? 0)}·x₁ + ${term(result.weights[1] ?? 0)}·x₂ + ${term(result.bias)} = 0 separates the 1s from the 0s.`,
          `${result.errors.length} 轮后收敛：直线 ${num(result.weights[0] ?? 0)}·x₁ + ${term(result.weights[1] ?? 0)}·x₂ + ${term(result.bias)} = 0 把 1 和 0 分开了。`,
        ),
      ));
    } else if (result.data === 'xor') {
      if (endsOfEpochsRepeat(result)) {
        lines.push(prose(t('Every epoch ends at the same w and b: the updates go round in a cycle.', '每一轮结束时 w 和 b 都回到同样的值：更新在原地打转。')));
      }
      lines.push(prose(
        t(
          'Never converges: XOR is not linearly separable. (0,1) and (1,0) must be on one side of a line and (0,0), (1,1) on the other,',
          '永远不收敛：XOR 不是线性可分的。(0,1) 和 (1,0) 必须在直线一侧，(0,0) 和 (1,1) 在另一侧，',
        ) + t(' ', '') +
        t(
          'and no straight line does that (Minsky & Papert 1969). A hidden layer fixes it: try `ml-tutor demo xor-mlp`.',
          '没有任何直线做得到（Minsky & Papert 1969）。加一个隐藏层就能解决：试试 `ml-tutor demo xor-mlp`。',
        ),
      ));
    } else {
      lines.push(prose(t('Not converged yet: try more --epochs.', '尚未收敛：试试更多 --epochs。')));
    }
    return finish(lines);
  },
};
