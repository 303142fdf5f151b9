import { localized } from '../i18n/demos.js';
import { softmax, softmaxSteps } from '../math/softmax.js';
import { barChart } from '../ui/chart.js';
import { readScalar, readVector } from './flags.js';
import { board, guessTolerance, num, ordinal, roundedParts, sub, vec, writtenParts } from './text.js';
import type { DemoDefinition } from './types.js';

export type SoftmaxResult = {
  scores: number[];
  temperature: number;
  /** scores / T */
  scaled: number[];
  /** max of scores / T, subtracted before exp */
  max: number;
  /** (zᵢ − max z) / T, the exponents: all ≤ 0 */
  shifted: number[];
  exponentials: number[];
  sum: number;
  probabilities: number[];
  /** the same scores at a colder and a hotter temperature, for comparison */
  comparison: { temperature: number; probabilities: number[] }[];
};

export const DEFAULT_SCORES = [2, 1, 0.1];

export function runSoftmax(scores: number[], temperature: number): SoftmaxResult {
  const steps = softmaxSteps(scores, temperature);
  const comparisonTemperatures = [...new Set([0.5, 1, 2, temperature])].sort((a, b) => a - b);
  return {
    scores,
    temperature,
    scaled: steps.scaled,
    max: steps.shift,
    shifted: steps.exponents,
    exponentials: steps.exponentials,
    sum: steps.total,
    probabilities: steps.probabilities,
    comparison: comparisonTemperatures.map((t) => ({ temperature: t, probabilities: softmax(scores, t) })),
  };
}

/** "T = 0.5   [0.016, 0.117, 0.867]" rows, the T column as wide as its widest entry, ◀ at the current T. */
export function temperatureRows(rows: readonly { temperature: number; probabilities: readonly number[] }[], current: number): string[] {
  const width = Math.max(...rows.map(({ temperature }) => num(temperature).length));
  return rows.map(({ temperature, probabilities }) => {
    const marker = temperature === current ? ' ◀' : '';
    return `  T = ${num(temperature).padEnd(width)}  [${roundedParts(probabilities, 3).map((p) => p.toFixed(3)).join(', ')}]${marker}`;
  });
}

export const softmaxDemo: DemoDefinition<SoftmaxResult> = {
  name: 'softmax',
  topic: 'deep-learning',
  summary: localized((m) => m.softmax.summary),
  seeded: false,
  flags: [
    { name: 'scores', value: 'VECTOR', defaultText: '2,1,0.1', help: localized((m) => m.softmax.flagScores) },
    { name: 'temperature', value: 'T', defaultText: '1', help: localized((m) => m.softmax.flagTemperature) },
  ],
  examples: ['--scores "2,1,0.1"', '--scores "2,1,0.1" --temperature 0.5', '--scores "1000,1001,1002"'],
  run(values) {
    const scores = readVector(values, 'scores', DEFAULT_SCORES);
    const temperature = readScalar(values, 'temperature', 1, { min: 0, exclusiveMin: true, max: 1000 });
    return runSoftmax(scores, temperature);
  },
  predict(result) {
    const largest = result.probabilities.indexOf(Math.max(...result.probabilities));
    const score = `z${sub(largest + 1)} = ${num(result.scores[largest] ?? 0)}`;
    return {
      question: localized((m) => m.softmax.question(vec(result.scores), num(result.temperature), ordinal(largest + 1), score, largest + 1)),
      answer: result.probabilities[largest] ?? 0,
      tolerance: guessTolerance(result.probabilities[largest] ?? 0),
    };
  },
  format(result, options) {
    const { block, finish, heading, prose, titled, m } = board(options);
    const n = result.scores.length;
    const lines: string[] = [];
    lines.push(titled('Softmax', `pᵢ = exp(zᵢ/T) / Σⱼ exp(zⱼ/T),   T = ${num(result.temperature)}`));
    lines.push(`  z = ${vec(result.scores)}`);
    let step = 1;
    if (result.temperature !== 1) {
      lines.push('', `${step++}. ${m.softmax.divideByTheTemperature(num(result.temperature))}`);
      lines.push(`   z/T = ${vec(result.scaled)}`);
    }
    const shifted = result.shifted;
    lines.push('', `${step++}. ${m.softmax.subtractTheLargestSo(num(result.max))}`);
    lines.push(`   ${vec(shifted)}`);
    lines.push('', `${step++}. ${m.softmax.exponentiate}`);
    // Rounded so the written parts add up to the written total (roundedParts), here and below.
    const exponentials = writtenParts(result.exponentials, 4);
    shifted.forEach((value, i) => lines.push(`   exp(${num(value)}) = ${exponentials[i] ?? ''}`));
    lines.push('', `${step++}. ${m.softmax.addThemUp}`);
    lines.push(`   ${exponentials.join(' + ')} = ${num(result.sum)}`);
    lines.push('', `${step++}. ${m.softmax.divideEachByThe}`);
    // Four fixed decimals, as the bars below print them.
    const probability = (p: number): string => p.toFixed(4);
    const probabilities = roundedParts(result.probabilities, 4);
    probabilities.forEach((p, i) =>
      lines.push(`   p${sub(i + 1)} = ${exponentials[i] ?? ''} / ${num(result.sum)} = ${probability(p)}`),
    );
    lines.push('');
    lines.push(
      ...block(barChart(
        probabilities.map((p, i) => ({ label: `  z${sub(i + 1)} = ${num(result.scores[i] ?? 0)}`, value: p })),
        { color: options.color, width: Math.max(10, Math.min(40, options.width - 30)), max: 1, formatValue: probability },
      )),
    );
    const total = probabilities.reduce((a, b) => a + b, 0);
    lines.push(`  ${m.softmax.sumOfProbabilities} = ${num(total, 4)}`);
    lines.push('', heading(m.softmax.temperature));
    lines.push(...temperatureRows(result.comparison, result.temperature));
    lines.push(
      prose(
        `  ${m.softmax.lowerTSharpensToward(n)}`,
      ),
    );
    return finish(lines);
  },
};
