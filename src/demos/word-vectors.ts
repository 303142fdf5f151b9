import { localized } from '../i18n/demos.js';
import { displayWidth } from '../core/width.js';
import { UserError } from '../core/errors.js';
import { closestMatches } from '../core/suggest.js';
import { add, subtract } from '../math/matrix.js';
import { cosine } from '../math/similarity.js';
import { barChart } from '../ui/chart.js';
import { readScalar, type FlagValues } from './flags.js';
import { board, num, padEnd, table, term } from './text.js';
import type { DemoDefinition } from './types.js';

/**
 * A hand-made embedding table. Real embeddings (word2vec, GloVe) learn hundreds of dimensions that
 * nobody named; these 14 are named so a learner can see why king − man + woman lands on queen.
 */
export const DIMENSIONS: readonly { en: string; zh: string }[] = [
  localized((m) => m.wordVectors.royalty),
  localized((m) => m.wordVectors.maleFemale),
  localized((m) => m.wordVectors.adultYoung),
  localized((m) => m.wordVectors.person),
  localized((m) => m.wordVectors.family),
  localized((m) => m.wordVectors.animal),
  localized((m) => m.wordVectors.pet),
  localized((m) => m.wordVectors.size),
  localized((m) => m.wordVectors.food),
  localized((m) => m.wordVectors.place),
  localized((m) => m.wordVectors.cityCountry),
  localized((m) => m.wordVectors.eastWest),
  localized((m) => m.wordVectors.feeling),
  localized((m) => m.wordVectors.goodBad),
];

export interface WordEntry {
  word: string;
  zh: string;
  vector: number[];
}

// Columns: royalty, gender, age, person, family, animal, pet, size, food, place, city, east, feeling, sentiment.
const ROWS: readonly [string, string, number[]][] = [
  ['king', '国王', [1, 1, 0.8, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.2]],
  ['queen', '女王', [1, -1, 0.8, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.3]],
  ['prince', '王子', [0.9, 1, -0.6, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.2]],
  ['princess', '公主', [0.9, -1, -0.6, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.3]],
  ['man', '男人', [0, 1, 0.8, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]],
  ['woman', '女人', [0, -1, 0.8, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]],
  ['boy', '男孩', [0, 1, -0.8, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.1]],
  ['girl', '女孩', [0, -1, -0.8, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.1]],
  ['father', '父亲', [0, 1, 0.8, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0.2]],
  ['mother', '母亲', [0, -1, 0.8, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0.2]],
  ['son', '儿子', [0, 1, -0.6, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0.2]],
  ['daughter', '女儿', [0, -1, -0.6, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0.2]],
  ['cat', '猫', [0, 0, 0.3, 0, 0, 1, 1, 0.2, 0, 0, 0, 0, 0, 0.3]],
  ['kitten', '小猫', [0, 0, -0.8, 0, 0, 1, 1, 0.1, 0, 0, 0, 0, 0, 0.5]],
  ['dog', '狗', [0, 0, 0.3, 0, 0, 1, 1, 0.4, 0, 0, 0, 0, 0, 0.4]],
  ['puppy', '小狗', [0, 0, -0.8, 0, 0, 1, 1, 0.2, 0, 0, 0, 0, 0, 0.5]],
  ['lion', '狮子', [0.3, 0, 0.3, 0, 0, 1, 0, 0.8, 0, 0, 0, 0, 0, 0]],
  ['horse', '马', [0, 0, 0.3, 0, 0, 1, 0.4, 0.9, 0, 0, 0, 0, 0, 0.1]],
  ['bird', '鸟', [0, 0, 0.3, 0, 0, 1, 0.3, 0.1, 0, 0, 0, 0, 0, 0.1]],
  ['fish', '鱼', [0, 0, 0.3, 0, 0, 0.8, 0.2, 0.1, 0.6, 0, 0, 0, 0, 0]],
  ['apple', '苹果', [0, 0, 0, 0, 0, 0, 0, 0.1, 1, 0, 0, 0, 0, 0.2]],
  ['bread', '面包', [0, 0, 0, 0, 0, 0, 0, 0.1, 1, 0, 0, -0.6, 0, 0.1]],
  ['cheese', '奶酪', [0, 0, 0, 0, 0, 0, 0, 0.1, 1, 0, 0, -0.8, 0, 0.1]],
  ['pizza', '比萨', [0, 0, 0, 0, 0, 0, 0, 0.2, 1, 0, 0, -0.6, 0, 0.3]],
  ['rice', '米饭', [0, 0, 0, 0, 0, 0, 0, 0.1, 1, 0, 0, 0.8, 0, 0.1]],
  ['noodles', '面条', [0, 0, 0, 0, 0, 0, 0, 0.1, 1, 0, 0, 0.9, 0, 0.2]],
  ['sushi', '寿司', [0, 0, 0, 0, 0, 0, 0, 0.1, 1, 0, 0, 1, 0, 0.3]],
  ['london', '伦敦', [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, -1, 0, 0]],
  ['england', '英格兰', [0.2, 0, 0, 0, 0, 0, 0, 0, 0, 1, -1, -1, 0, 0]],
  ['paris', '巴黎', [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, -0.8, 0, 0]],
  ['france', '法国', [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, -1, -0.8, 0, 0]],
  ['rome', '罗马', [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, -0.6, 0, 0]],
  ['italy', '意大利', [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, -1, -0.6, 0, 0]],
  ['beijing', '北京', [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0.8, 0, 0]],
  ['china', '中国', [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, -1, 0.8, 0, 0]],
  ['tokyo', '东京', [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0]],
  ['japan', '日本', [0.1, 0, 0, 0, 0, 0, 0, 0, 0, 1, -1, 1, 0, 0]],
  ['good', '好', [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.1, 1]],
  ['bad', '坏', [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.1, -1]],
  ['great', '很棒', [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.3, 1]],
  ['terrible', '糟糕', [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.3, -1]],
  ['happy', '快乐', [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0.8]],
  ['sad', '悲伤', [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, -0.8]],
  ['love', '爱', [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1]],
  ['hate', '恨', [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, -1]],
];

export const WORDS: readonly WordEntry[] = ROWS.map(([word, zh, vector]) => ({ word, zh, vector }));
const BY_WORD = new Map(WORDS.map((entry) => [entry.word, entry]));

export type WordVectorsMode = 'similar' | 'analogy' | 'list';

export type WordVectorsResult = {
  mode: WordVectorsMode;
  /** the query words: one for similar, a, b, c for analogy, none for list */
  words: string[];
  /** the vector the results are ranked against */
  query: number[];
  /** nearest words by cosine, best first, the query words excluded */
  results: { word: string; zh: string; cosine: number }[];
  dimensions: string[];
  /** the whole table (list mode only) */
  table?: WordEntry[];
};

function lookUp(flag: string, word: string): WordEntry {
  const entry = BY_WORD.get(word.trim().toLowerCase());
  if (entry) return entry;
  const suggestions = closestMatches(word.trim(), WORDS.map((candidate) => candidate.word));
  throw new UserError((t) => t.wordUnknown(flag, word.trim(), suggestions, WORDS.length));
}

/** All words ranked by cosine similarity to a vector, leaving out some words. */
export function nearestWords(query: readonly number[], exclude: readonly string[], top: number): WordVectorsResult['results'] {
  return WORDS.filter((entry) => !exclude.includes(entry.word))
    .map((entry) => ({ word: entry.word, zh: entry.zh, cosine: cosine(query, entry.vector) }))
    .sort((a, b) => b.cosine - a.cosine || a.word.localeCompare(b.word))
    .slice(0, top);
}

/** a − b + c: "b is to a as c is to ?" (Mikolov et al. 2013, "Linguistic Regularities…"). */
export function analogyVector(a: readonly number[], b: readonly number[], c: readonly number[]): number[] {
  return add(subtract(a, b), c);
}

export function runWordVectors(values: FlagValues): WordVectorsResult {
  const chosen = ['similar', 'analogy', 'list'].filter((flag) => values[flag] !== undefined);
  if (chosen.length > 1) throw new UserError((t) => t.wordModesExclusive(chosen[1]!));
  const top = readScalar(values, 'top', 5, { integer: true, min: 1, max: WORDS.length });
  const dimensions = DIMENSIONS.map((dimension) => dimension.en);
  if (values.list !== undefined) {
    return { mode: 'list', words: [], query: [], results: [], dimensions, table: [...WORDS] };
  }
  const similar = values.similar;
  if (similar !== undefined) {
    const entry = lookUp('similar', similar);
    return { mode: 'similar', words: [entry.word], query: entry.vector, results: nearestWords(entry.vector, [entry.word], top), dimensions };
  }
  const parts = (values.analogy ?? 'king,man,woman').split(',');
  if (parts.length !== 3) {
    throw new UserError((t) => t.analogyCount(parts.length));
  }
  const [a, b, c] = parts.map((part) => lookUp('analogy', part));
  if (!a || !b || !c) throw new UserError((t) => t.analogyMissing);
  const query = analogyVector(a.vector, b.vector, c.vector);
  const words = [a.word, b.word, c.word];
  return { mode: 'analogy', words, query, results: nearestWords(query, words, top), dimensions };
}

export const wordVectorsDemo: DemoDefinition<WordVectorsResult> = {
  name: 'word-vectors',
  topic: 'nlp',
  summary: localized((m) => m.wordVectors.summary),
  seeded: false,
  flags: [
    { name: 'similar', value: 'WORD', help: localized((m) => m.wordVectors.flagSimilar) },
    { name: 'top', value: 'K', defaultText: '5', help: localized((m) => m.wordVectors.flagTop) },
    { name: 'analogy', value: 'A,B,C', defaultText: 'king,man,woman', help: localized((m) => m.wordVectors.flagAnalogy) },
    { name: 'list', value: '', help: localized((m) => m.wordVectors.flagList) },
  ],
  examples: ['--analogy king,man,woman', '--analogy paris,france,japan', '--similar cat --top 3', '--list'],
  run: runWordVectors,
  format(result, options) {
    const { block, finish, heading, prose, m } = board(options);
    const dimensionName = (index: number): string => {
      const dimension = DIMENSIONS[index];
      return dimension ? dimension[options.lang] : '';
    };
    const gloss = (word: string): string => {
      const entry = BY_WORD.get(word);
      return entry ? `${word} ${entry.zh}` : word;
    };
    if (result.mode === 'list') {
      const header = ['', ...DIMENSIONS.map((_, index) => String(index + 1))];
      const rows = (result.table ?? []).map((entry) => [`${entry.word} ${entry.zh}`, ...entry.vector.map((value) => num(value, 1))]);
      return finish([
        heading(m.wordVectors.listTitle(WORDS.length)),
        ...DIMENSIONS.map((_, index) => `  ${index + 1}. ${dimensionName(index)}`),
        '',
        ...block(table(header, rows, '  ', ' ')),
      ]);
    }
    const lines: string[] = [];
    if (result.mode === 'analogy') {
      const [a = '', b = '', c = ''] = result.words;
      lines.push(
        heading(m.wordVectors.wordAnalogy) + `   ${a} − ${b} + ${c} = ?`,
        `  ${m.wordVectors.isToAsIs(b, a, c, gloss(b), gloss(a), gloss(c))}`,
        '',
        m.wordVectors.theDimensionsThatAre,
      );
      const vectors = result.words.map((word) => BY_WORD.get(word)?.vector ?? []);
      const nonZero = result.query
        .map((value, index) => ({ value, index }))
        .filter(({ index }) => vectors.some((vector) => (vector[index] ?? 0) !== 0));
      const nameWidth = Math.max(...nonZero.map(({ index }) => displayWidth(dimensionName(index)))) + (options.width < 60 ? 0 : 2);
      for (const { value, index } of nonZero) {
        const [va, vb, vc] = vectors.map((vector) => term(vector[index] ?? 0, 2));
        const sum = `${va} − ${vb} + ${vc} = ${num(value, 2)}`;
        const line = `  ${padEnd(dimensionName(index), nameWidth)} ${sum}`;
        // Too wide for the terminal: the sum goes under its name.
        lines.push(...block(displayWidth(line) <= options.width ? line : [`  ${dimensionName(index)}`, `      ${sum}`]));
      }
    } else {
      const word = result.words[0] ?? '';
      lines.push(heading(m.wordVectors.wordsNearestTo(word, gloss(word))) + '   cos θ = (a·b) / (‖a‖ ‖b‖)');
    }
    lines.push('', m.wordVectors.nearestWordsByCosine);
    lines.push(
      ...block(barChart(
        result.results.map((entry, rank) => ({ label: `  ${rank + 1}. ${entry.word} ${entry.zh}`, value: entry.cosine })),
        { color: options.color, width: Math.max(10, Math.min(30, options.width - 40)), max: 1 },
      )),
    );
    if (result.mode === 'analogy') {
      lines.push(
        '',
        prose(`  ${m.wordVectors.subtractingBRemovesWhat}`),
      );
    }
    return finish(lines);
  },
};
