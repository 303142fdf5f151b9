import { UserError } from '../core/errors.js';
import { dot } from '../math/matrix.js';
import { cosine, norm } from '../math/similarity.js';
import { readVector } from './flags.js';
import { board, dotTerms, guessTolerance, num, term, vec } from './text.js';
import type { DemoDefinition } from './types.js';

export type CosineResult = {
  a: number[];
  b: number[];
  dot: number;
  norm_a: number;
  norm_b: number;
  cosine: number;
  /** the angle between a and b, in degrees */
  degrees: number;
};

export function runCosine(a: number[], b: number[]): CosineResult {
  const cos = cosine(a, b);
  return { a, b, dot: dot(a, b), norm_a: norm(a), norm_b: norm(b), cosine: cos, degrees: (Math.acos(cos) * 180) / Math.PI };
}

export const cosineDemo: DemoDefinition<CosineResult> = {
  name: 'cosine',
  topic: 'nlp',
  summary: { en: 'cosine similarity: the angle between two vectors', zh: '余弦相似度：两个向量之间的夹角' },
  seeded: false,
  flags: [
    { name: 'a', value: 'VECTOR', defaultText: '3,4,0', help: { en: 'first vector', zh: '第一个向量' } },
    { name: 'b', value: 'VECTOR', defaultText: '4,3,5', help: { en: 'second vector, same length', zh: '第二个向量，长度相同' } },
  ],
  examples: ['--a "3,4,0" --b "4,3,5"', '--a "1,2" --b "2,4"', '--a "1,0" --b "-1,0"'],
  run(values) {
    const a = readVector(values, 'a', [3, 4, 0]);
    const b = readVector(values, 'b', [4, 3, 5]);
    if (b.length !== a.length) {
      throw new UserError((t) => t.cosineLengths(b.length, a.length));
    }
    for (const [flag, v] of [['a', a], ['b', b]] as const) {
      if (v.every((x) => x === 0)) throw new UserError((t) => t.zeroVector(flag));
      // ‖v‖² underflows to 0 for entries around 1e-170 and below: not a zero vector, but no cosine either.
      if (norm(v) === 0) throw new UserError((t) => t.vectorUnderflow(flag));
    }
    return runCosine(a, b);
  },
  predict(result) {
    return {
      question: { en: `cos θ between ${vec(result.a)} and ${vec(result.b)}?`, zh: `${vec(result.a)} 与 ${vec(result.b)} 的 cos θ 是多少？` },
      answer: result.cosine,
      tolerance: guessTolerance(result.cosine),
    };
  },
  format(result, options) {
    const { block, finish, t, prose, titled } = board(options);
    const squares = (v: readonly number[]): string => v.map((x) => `${term(x)}²`).join(' + ');
    const verdict =
      result.cosine > 0.9
        ? t('nearly the same direction', '方向几乎相同')
        : result.cosine > 0.3
          ? t('similar direction', '方向相近')
          : result.cosine > -0.3
            ? t('roughly unrelated (near 90°)', '基本无关（接近 90°）')
            : t('pointing apart', '方向相反');
    return finish([
      titled(t('Cosine similarity', '余弦相似度'), 'cos θ = (a·b) / (‖a‖ ‖b‖)'),
      `  a = ${vec(result.a)}`,
      `  b = ${vec(result.b)}`,
      '',
      `1. a·b = ${dotTerms(result.a, result.b)} = ${num(result.dot)}`,
      `2. ‖a‖ = √(${squares(result.a)}) = ${num(result.norm_a)}`,
      `3. ‖b‖ = √(${squares(result.b)}) = ${num(result.norm_b)}`,
      `4. cos θ = ${num(result.dot)} / (${num(result.norm_a)} × ${num(result.norm_b)}) = ${num(result.cosine)}`,
      '',
      `  θ ≈ ${num(result.degrees, 1)}°: ${verdict}`,
      prose(`  ${t('1 = same direction, 0 = perpendicular, −1 = opposite; the lengths do not matter.', '1 = 同向，0 = 垂直，−1 = 反向；与长度无关。')}`),
    ]);
  },
};
