import { localized } from '../i18n/demos.js';
import { UserError } from '../core/errors.js';
import { displayWidth } from '../core/width.js';
import { closestMatches } from '../core/suggest.js';
import { dot } from '../math/matrix.js';
import { embedByProduct, lookup, oneHot, randomEmbedding } from '../math/embedding.js';
import { createRng } from '../math/random.js';
import { cosine, norm } from '../math/similarity.js';
import { readScalar, readSeed, type FlagValues } from './flags.js';
import { board, dotTerms, guessTolerance, matrixLines, num, padEnd, term, vec } from './text.js';
import type { DemoDefinition } from './types.js';

export type EmbeddingResult = {
  vocab: string[];
  word: string;
  /** the word compared with `word` */
  other: string;
  dim: number;
  /** where E came from: the hand-chosen default, or seeded random numbers */
  source: 'hand-chosen' | 'random';
  seed: number;
  /** one_hot(word), length |V| */
  one_hot: number[];
  /** E, |V| × dim, row i for vocab[i] */
  matrix: number[][];
  /** one_hot(word)ᵀ · E, equal to the row of `word` in E */
  embedding: number[];
  one_hot_other: number[];
  embedding_other: number[];
  /** cos(one_hot(word), one_hot(other)): 0 for any two different words */
  cosine_one_hot: number;
  /** cos(E[word], E[other]) */
  cosine_embedding: number;
};

export const EMBEDDING_DEFAULT_VOCAB = ['king', 'queen', 'man', 'woman', 'apple'];
export const EMBEDDING_DEFAULT_DIM = 3;
/**
 * For the default vocabulary and width: rows chosen by hand so that related words point alike
 * (think of the columns as royalty, male(+)/female(−), food). Trained embeddings end up like this.
 */
export const EMBEDDING_DEFAULT_MATRIX = [
  [0.9, 0.3, 0.1],
  [0.9, -0.3, 0.1],
  [0.1, 0.6, 0.1],
  [0.1, -0.6, 0.1],
  [0, 0, 1],
];
const MAX_VOCAB = 16;
const MAX_DIM = 8;
const MAX_WORD_WIDTH = 16;

export function runEmbedding(
  vocab: string[],
  word: string,
  other: string,
  matrix: number[][],
  source: EmbeddingResult['source'],
  seed: number,
): EmbeddingResult {
  const index = vocab.indexOf(word);
  const otherIndex = vocab.indexOf(other);
  const hot = oneHot(index, vocab.length);
  const hotOther = oneHot(otherIndex, vocab.length);
  const embeddingOther = lookup(matrix, otherIndex);
  const embedding = embedByProduct(hot, matrix);
  return {
    vocab,
    word,
    other,
    dim: matrix[0]?.length ?? 0,
    source,
    seed,
    one_hot: hot,
    matrix,
    embedding,
    one_hot_other: hotOther,
    embedding_other: embeddingOther,
    cosine_one_hot: cosine(hot, hotOther),
    cosine_embedding: cosine(embedding, embeddingOther),
  };
}

function readVocab(values: FlagValues): string[] {
  const text = values.vocab;
  if (text === undefined) return [...EMBEDDING_DEFAULT_VOCAB];
  const words = text.split(',').map((word) => word.trim());
  if (words.length > MAX_VOCAB) throw new UserError((t) => t.vocabTooMany(words.length, MAX_VOCAB));
  words.forEach((word, i) => {
    if (word === '') throw new UserError((t) => t.vocabEmptyWord(i + 1));
    if (displayWidth(word) > MAX_WORD_WIDTH) {
      throw new UserError((t) => t.labelTooWide('vocab', word, displayWidth(word), MAX_WORD_WIDTH));
    }
    if (words.indexOf(word) !== i) throw new UserError((t) => t.vocabTwice(word));
  });
  if (words.length < 2) throw new UserError((t) => t.vocabOnlyOne(words[0] ?? ''));
  return words;
}

function readWord(values: FlagValues, flag: string, vocab: readonly string[], fallback: string): string {
  const text = values[flag];
  if (text === undefined) return fallback;
  const word = text.trim();
  if (vocab.includes(word)) return word;
  const suggestions = closestMatches(word, vocab);
  throw new UserError((t) => t.wordNotInVocab(flag, word, suggestions, vocab));
}

export const embeddingDemo: DemoDefinition<EmbeddingResult> = {
  name: 'embedding',
  topic: 'nlp',
  summary: localized((m) => m.embedding.summary),
  seeded: true,
  flags: [
    { name: 'vocab', value: 'LIST', defaultText: EMBEDDING_DEFAULT_VOCAB.join(','), help: localized((m) => m.embedding.flagVocab(MAX_VOCAB)) },
    { name: 'word', value: 'W', help: localized((m) => m.embedding.flagWord) },
    { name: 'other', value: 'W', help: localized((m) => m.embedding.flagOther) },
    { name: 'dim', value: 'D', defaultText: String(EMBEDDING_DEFAULT_DIM), help: localized((m) => m.embedding.flagDim(MAX_DIM)) },
  ],
  examples: ['--word queen --other woman', '--vocab "the,a,cat,dog,sat" --word cat --dim 4', '--seed 7'],
  run(values) {
    const vocab = readVocab(values);
    const word = readWord(values, 'word', vocab, vocab[0] ?? '');
    const next = vocab[(vocab.indexOf(word) + 1) % vocab.length] ?? '';
    const other = readWord(values, 'other', vocab, next);
    if (other === word) throw new UserError((t) => t.otherSameWord(other));
    const dim = readScalar(values, 'dim', EMBEDDING_DEFAULT_DIM, { integer: true, min: 1, max: MAX_DIM });
    const seed = readSeed(values);
    // The hand-chosen table only fits the default vocabulary and width; --seed asks for random numbers.
    const handChosen = values.vocab === undefined && dim === EMBEDDING_DEFAULT_DIM && values.seed === undefined;
    const matrix = handChosen ? EMBEDDING_DEFAULT_MATRIX.map((values) => [...values]) : randomEmbedding(createRng(seed), vocab.length, dim);
    return runEmbedding(vocab, word, other, matrix, handChosen ? 'hand-chosen' : 'random', seed);
  },
  predict(result) {
    return {
      question: localized((m) => m.embedding.question(result.word, result.other)),
      answer: result.cosine_one_hot,
      tolerance: guessTolerance(result.cosine_one_hot),
    };
  },
  format(result, options) {
    const { block, finish, heading, prose, titled, chalk, m } = board(options);
    const size = result.vocab.length;
    const index = result.vocab.indexOf(result.word);
    const otherIndex = result.vocab.indexOf(result.other);
    const quote = (word: string): string => m.embedding.quote(word);
    const lines: string[] = [];
    lines.push(titled(m.embedding.title, `e = one_hot(w)ᵀ · E`));
    lines.push(prose(`  ${m.embedding.vocabulary} V = ${result.vocab.join(', ')}   (|V| = ${size})`));

    lines.push('', prose(`1. ${m.embedding.oneHotVNumbers(size, index + 1)}`));
    lines.push(prose(`   one_hot(${result.word}) = ${vec(result.one_hot)}`));

    lines.push('', prose(`2. ${
      result.source === 'hand-chosen'
        ? m.embedding.matrixGiven(size, result.dim)
        : m.embedding.matrixRandom(size, result.dim, result.seed)
    }`));
    const labelWidth = Math.max(...result.vocab.map((word) => displayWidth(word)));
    matrixLines(result.matrix, '', 4).forEach((line, i) => {
      const word = result.vocab[i] ?? '';
      const text = `   ${padEnd(word, labelWidth)} ${line}`;
      lines.push(...block(i === index ? `${chalk.bold(text)}  ◀` : text));
    });

    lines.push('', prose(`3. ${m.embedding.oneHotEColumn(result.word)}`));
    const columnOf = (j: number): number[] => result.matrix.map((values) => values[j] ?? 0);
    result.embedding.forEach((value, j) => {
      const column = columnOf(j);
      const terms =
        size <= 6
          ? dotTerms(result.one_hot, column)
          : `1×${term(column[index] ?? 0)} + ${m.embedding.terms(size - 1)}`;
      lines.push(prose(`   ${m.embedding.column(j + 1)}${terms} = ${num(value)}`));
    });
    lines.push(prose(`   e = ${vec(result.embedding)} = ${m.embedding.rowOfWord(index + 1, result.word)}`));
    lines.push(prose(`   ${m.embedding.multiplyingByAOne}`));

    lines.push('', `4. ${m.embedding.howAlikeAreAnd(quote(result.word), quote(result.other))}`);
    lines.push(prose(`   ${m.embedding.oneHot}one_hot(${result.other}) = ${vec(result.one_hot_other)}`));
    const hotTerms = size <= 6 ? `(${dotTerms(result.one_hot, result.one_hot_other)})` : num(dot(result.one_hot, result.one_hot_other));
    lines.push(prose(`     cos = ${hotTerms} / (1 × 1) = ${num(result.cosine_one_hot)}`));
    const a = result.embedding;
    const b = result.embedding_other;
    lines.push(prose(`   ${m.embedding.embedding}${m.embedding.rowOf(otherIndex + 1)} = ${vec(b)}`));
    lines.push(prose(`     cos = (${dotTerms(a, b)}) / (${num(norm(a))} × ${num(norm(b))}) = ${num(result.cosine_embedding)}`));
    lines.push('', heading(m.embedding.whyEmbeddings));
    lines.push(prose(`  ${m.embedding.twoDifferentOneHot}`));
    lines.push(prose(`  ${m.embedding.oneHotNeedsV}`));
    return finish(lines);
  },
};
