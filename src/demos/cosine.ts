import { localized } from '../i18n/demos.js';
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
  summary: localized((m) => m.cosine.summary),
  seeded: false,
  flags: [
    { name: 'a', value: 'VECTOR', defaultText: '3,4,0', help: localized((m) => m.cosine.flagA) },
    { name: 'b', value: 'VECTOR', defaultText: '4,3,5', help: localized((m) => m.cosine.flagB) },
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
      question: localized((m) => m.cosine.question(vec(result.a), vec(result.b))),
      answer: result.cosine,
      tolerance: guessTolerance(result.cosine),
    };
  },
  format(result, options) {
    const { block, finish, prose, titled, m } = board(options);
    const squares = (v: readonly number[]): string => v.map((x) => `${term(x)}²`).join(' + ');
    const verdict =
      result.cosine > 0.9
        ? m.cosine.nearlyTheSameDirection
        : result.cosine > 0.3
          ? m.cosine.similarDirection
          : result.cosine > -0.3
            ? m.cosine.roughlyUnrelatedNear
            : m.cosine.pointingApart;
    return finish([
      titled(m.cosine.cosineSimilarity, 'cos θ = (a·b) / (‖a‖ ‖b‖)'),
      `  a = ${vec(result.a)}`,
      `  b = ${vec(result.b)}`,
      '',
      `1. a·b = ${dotTerms(result.a, result.b)} = ${num(result.dot)}`,
      `2. ‖a‖ = √(${squares(result.a)}) = ${num(result.norm_a)}`,
      `3. ‖b‖ = √(${squares(result.b)}) = ${num(result.norm_b)}`,
      `4. cos θ = ${num(result.dot)} / (${num(result.norm_a)} × ${num(result.norm_b)}) = ${num(result.cosine)}`,
      '',
      `  ${m.cosine.angle(num(result.degrees, 1), verdict)}`,
      prose(`  ${m.cosine.sameDirectionPerpendicularOpposite}`),
    ]);
  },
};
