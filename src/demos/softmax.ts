import { softmax, softmaxSteps } from '../math/softmax.js';
import { barChart } from '../ui/chart.js';
import { readScalar, readVector } from './flags.js';
import { board, guessTolerance, num, ordinal, sub, vec } from './text.js';
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
    return `  T = ${num(temperature).padEnd(width)}  [${probabilities.map((p) => p.toFixed(3)).join(', ')}]${marker}`;
  });
}

export const softmaxDemo: DemoDefinition<SoftmaxResult> = {
  name: 'softmax',
  topic: 'deep-learning',
  summary: { en: 'scores → probabilities: exp, sum, divide; temperature', zh: '分数 → 概率：取指数、求和、相除；温度' },
  seeded: false,
  flags: [
    { name: 'scores', value: 'VECTOR', defaultText: '2,1,0.1', help: { en: 'the scores (logits)', zh: '分数（logits）' } },
    { name: 'temperature', value: 'T', defaultText: '1', help: { en: 'divide the scores by T first: T<1 sharpens, T>1 flattens', zh: '先把分数除以 T：T<1 更尖锐，T>1 更平坦' } },
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
      question: {
        en: `Scores z = ${vec(result.scores)}, T = ${num(result.temperature)}: what probability does the ${ordinal(largest + 1)} score (${score}) get?`,
        zh: `分数 z = ${vec(result.scores)}，T = ${num(result.temperature)}：第 ${largest + 1} 个分数（${score}）得到的概率是多少？`,
      },
      answer: result.probabilities[largest] ?? 0,
      tolerance: guessTolerance(result.probabilities[largest] ?? 0),
    };
  },
  format(result, options) {
    const { block, finish, t, heading, prose, titled } = board(options);
    const n = result.scores.length;
    const lines: string[] = [];
    lines.push(titled('Softmax', `pᵢ = exp(zᵢ/T) / Σⱼ exp(zⱼ/T),   T = ${num(result.temperature)}`));
    lines.push(`  z = ${vec(result.scores)}`);
    let step = 1;
    if (result.temperature !== 1) {
      lines.push('', `${step++}. ${t(`Divide by the temperature T = ${num(result.temperature)}:`, `除以温度 T = ${num(result.temperature)}：`)}`);
      lines.push(`   z/T = ${vec(result.scaled)}`);
    }
    const shifted = result.shifted;
    lines.push('', `${step++}. ${t(`Subtract the largest, ${num(result.max)}, so no exp overflows (the answer does not change):`, `减去最大值 ${num(result.max)}，防止 exp 溢出（结果不变）：`)}`);
    lines.push(`   ${vec(shifted)}`);
    lines.push('', `${step++}. ${t('Exponentiate:', '取指数：')}`);
    shifted.forEach((value, i) => lines.push(`   exp(${num(value)}) = ${num(result.exponentials[i] ?? 0)}`));
    lines.push('', `${step++}. ${t('Add them up:', '求和：')}`);
    lines.push(`   ${result.exponentials.map((value) => num(value)).join(' + ')} = ${num(result.sum)}`);
    lines.push('', `${step++}. ${t('Divide each by the sum:', '每项除以总和：')}`);
    // Four fixed decimals, as the bars below print them.
    const probability = (p: number): string => p.toFixed(4);
    result.probabilities.forEach((p, i) =>
      lines.push(`   p${sub(i + 1)} = ${num(result.exponentials[i] ?? 0)} / ${num(result.sum)} = ${probability(p)}`),
    );
    lines.push('');
    lines.push(
      ...block(barChart(
        result.probabilities.map((p, i) => ({ label: `  z${sub(i + 1)} = ${num(result.scores[i] ?? 0)}`, value: p })),
        { color: options.color, width: Math.max(10, Math.min(40, options.width - 30)), max: 1, formatValue: probability },
      )),
    );
    const total = result.probabilities.reduce((a, b) => a + b, 0);
    lines.push(`  ${t('sum of probabilities', '概率之和')} = ${num(total)}`);
    lines.push('', heading(t('Temperature:', '温度：')));
    lines.push(...temperatureRows(result.comparison, result.temperature));
    lines.push(
      prose(
        `  ${t(
          `Lower T sharpens toward the largest score; higher T flattens toward uniform (1/${n} each).`,
          `T 越低，越集中到最大分数；T 越高，越接近均匀分布（每项 1/${n}）。`,
        )}`,
      ),
    );
    return finish(lines);
  },
};
