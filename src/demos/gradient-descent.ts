import { localized } from '../i18n/demos.js';
import { gradientDescent, type DescentPoint } from '../math/gradient-descent.js';
import { lineChart } from '../ui/chart.js';
import { readScalar } from './flags.js';
import { board, guessTolerance, num, sub, table, term } from './text.js';
import type { DemoDefinition } from './types.js';

export type Behaviour = 'converges' | 'oscillates-converges' | 'oscillates' | 'diverges' | 'stays';

export type GradientDescentResult = {
  start: number;
  lr: number;
  steps: number;
  /** steps + 1 points; path[0] is the start */
  path: DescentPoint[];
  /** x_(n+1) − 3 = (1 − 2·lr)(x_n − 3): the factor the distance to the minimum is multiplied by */
  factor: number;
  behaviour: Behaviour;
};

/** What the factor 1 − 2η does to the distance from the minimum. */
export function classify(factor: number, start: number): Behaviour {
  if (start === 3 || factor === 0) return 'stays';
  const size = Math.abs(factor);
  if (size > 1) return 'diverges';
  if (size === 1) return factor < 0 ? 'oscillates' : 'stays';
  return factor < 0 ? 'oscillates-converges' : 'converges';
}

export function runGradientDescent(start: number, lr: number, steps: number): GradientDescentResult {
  const factor = 1 - 2 * lr;
  return { start, lr, steps, path: gradientDescent(start, lr, steps), factor, behaviour: classify(factor, start) };
}

export const gradientDescentDemo: DemoDefinition<GradientDescentResult> = {
  name: 'gradient-descent',
  topic: 'deep-learning',
  summary: localized((m) => m.gradientDescent.summary),
  seeded: false,
  flags: [
    { name: 'start', value: 'X0', defaultText: '0', help: localized((m) => m.gradientDescent.flagStart) },
    { name: 'lr', value: 'RATE', defaultText: '0.1', help: localized((m) => m.gradientDescent.flagLr) },
    { name: 'steps', value: 'N', defaultText: '20', help: localized((m) => m.gradientDescent.flagSteps) },
  ],
  examples: ['--start 0 --lr 0.1 --steps 20', '--lr 0.9', '--lr 1.1 --steps 10'],
  run(values) {
    const start = readScalar(values, 'start', 0, { min: -1e6, max: 1e6 });
    const lr = readScalar(values, 'lr', 0.1, { min: 0, exclusiveMin: true, max: 10 });
    const steps = readScalar(values, 'steps', 20, { integer: true, min: 1, max: 100 });
    return runGradientDescent(start, lr, steps);
  },
  predict(result) {
    const last = result.path[result.path.length - 1]?.x ?? 0;
    return {
      question: localized((m) => m.gradientDescent.question(num(result.start), num(result.lr), result.steps)),
      answer: last,
      tolerance: guessTolerance(last),
    };
  },
  format(result, options) {
    const { block, finish, heading, prose, titled, m } = board(options);
    const lines = [
      titled(m.gradientDescent.gradientDescent, `f(x) = (x − 3)²,  f′(x) = 2(x − 3),  x ← x − η·f′(x),  η = ${num(result.lr)}`),
      '',
    ];
    const written = result.path.slice(0, 3).map((point, n) => {
      const next = result.path[n + 1];
      if (!next) return '';
      return `  x${sub(n + 1)} = ${num(point.x)} − ${num(result.lr)} × 2 × (${num(point.x)} − 3) = ${num(point.x)} − ${term(result.lr * point.grad)} = ${num(next.x)}`;
    });
    lines.push(...written.filter((line) => line !== ''), '');
    const rows = result.path.map((point, n) => [String(n), num(point.x), num(point.loss), num(point.grad)]);
    const shown = rows.length > 12 ? [...rows.slice(0, 8), ['…', '', '', ''], ...rows.slice(-3)] : rows;
    lines.push(...block(table(['n', 'x', 'f(x)', "f′(x)"], shown)));
    lines.push('', heading(m.gradientDescent.xAtEachStep));
    lines.push(...block(lineChart(result.path.map((point) => point.x), { color: options.color, height: 8, width: Math.max(20, Math.min(60, options.width - 12)), xLabels: ['n = 0', String(result.steps)] })));
    lines.push('');
    const factorText = `x − 3 ← (1 − 2η)(x − 3) = ${num(result.factor)} × (x − 3)`;
    const behaviour: Record<Behaviour, string> = m.gradientDescent.behaviour;
    lines.push(`  ${factorText}`, prose(`  ${behaviour[result.behaviour]}`));
    return finish(lines);
  },
};
