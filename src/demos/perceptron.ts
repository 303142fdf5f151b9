import { localized } from '../i18n/demos.js';
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

function visitLine(visit: PerceptronVisit, lr: number): string {
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
  summary: localized((m) => m.perceptron.summary),
  seeded: false,
  flags: [
    { name: 'data', value: 'and|or|xor', defaultText: 'and', help: localized((m) => m.perceptron.flagData) },
    { name: 'epochs', value: 'N', defaultText: '10', help: localized((m) => m.perceptron.flagEpochs) },
    { name: 'lr', value: 'RATE', defaultText: '1', help: localized((m) => m.perceptron.flagLr) },
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
      question: localized((m) => m.perceptron.question(result.data.toUpperCase())),
      answer: result.errors[0] ?? 0,
      tolerance: 0,
    };
  },
  format(result, options) {
    const { block, finish, prose, titled, m } = board(options);
    const lines = [
      titled(
        m.perceptron.title(result.data.toUpperCase()),
        m.perceptron.rule(num(result.lr)),
      ),
      `  ${m.perceptron.start}`,
    ];
    result.errors.forEach((errors, index) => {
      const epoch = index + 1;
      const visits = result.visits.filter((visit) => visit.epoch === epoch);
      const last = visits[visits.length - 1];
      const summary = m.perceptron.epochSummary(epoch, errors, vec(last?.weights ?? []), num(last?.bias ?? 0));
      const total = result.errors.length;
      if (epoch <= EPOCHS_IN_FULL) {
        lines.push('', `  ${summary}`, ...visits.map((visit) => visitLine(visit, result.lr)));
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
        m.perceptron.converged(result.errors.length, num(result.weights[0] ?? 0), term(result.weights[1] ?? 0), term(result.bias)),
      ));
    } else if (result.data === 'xor') {
      if (endsOfEpochsRepeat(result)) {
        lines.push(prose(m.perceptron.cycle));
      }
      lines.push(prose(
        m.perceptron.neverConverges,
      ));
    } else {
      lines.push(prose(m.perceptron.notYet));
    }
    return finish(lines);
  },
};
