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
  summary: { en: 'one-hot versus dense embedding: a lookup is a product', zh: '独热向量与稠密嵌入：查表就是矩阵乘法' },
  seeded: true,
  flags: [
    { name: 'vocab', value: 'LIST', defaultText: EMBEDDING_DEFAULT_VOCAB.join(','), help: { en: `the vocabulary, 2 to ${MAX_VOCAB} words`, zh: `词表，2 到 ${MAX_VOCAB} 个词` } },
    { name: 'word', value: 'W', help: { en: 'the word to embed (default: the first)', zh: '要嵌入的词（默认：第一个词）' } },
    { name: 'other', value: 'W', help: { en: 'the word to compare it with (default: the next)', zh: '与之比较的词（默认：下一个词）' } },
    { name: 'dim', value: 'D', defaultText: String(EMBEDDING_DEFAULT_DIM), help: { en: `embedding width d, 1 to ${MAX_DIM}`, zh: `嵌入维度 d，1 到 ${MAX_DIM}` } },
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
      question: {
        en: `cos θ between the one-hot vectors of "${result.word}" and "${result.other}"?`,
        zh: `“${result.word}”与“${result.other}”的独热向量之间的 cos θ 是多少？`,
      },
      answer: result.cosine_one_hot,
      tolerance: guessTolerance(result.cosine_one_hot),
    };
  },
  format(result, options) {
    const { block, finish, t, heading, prose, titled, chalk } = board(options);
    const size = result.vocab.length;
    const index = result.vocab.indexOf(result.word);
    const otherIndex = result.vocab.indexOf(result.other);
    const quote = (word: string): string => t(`"${word}"`, `“${word}”`);
    const lines: string[] = [];
    lines.push(titled(t('One-hot versus dense embedding', '独热向量与稠密嵌入'), `e = one_hot(w)ᵀ · E`));
    lines.push(prose(`  ${t('vocabulary', '词表')} V = ${result.vocab.join(', ')}   (|V| = ${size})`));

    lines.push('', prose(`1. ${t(
      `One-hot: |V| = ${size} numbers, a 1 at the word’s position (${index + 1}) and 0 elsewhere:`,
      `独热向量：|V| = ${size} 个数，在该词的位置（${index + 1}）为 1，其余为 0：`,
    )}`));
    lines.push(prose(`   one_hot(${result.word}) = ${vec(result.one_hot)}`));

    lines.push('', prose(`2. ${
      result.source === 'hand-chosen'
        ? t(
            `The embedding matrix E, |V| × d = ${size} × ${result.dim}, one row per word, chosen by hand so related words point alike (training ends up like this):`,
            `嵌入矩阵 E，|V| × d = ${size} × ${result.dim}，每个词一行；这里手工选取，让相关的词方向相近（训练的结果也是如此）：`,
          )
        : t(
            `The embedding matrix E, |V| × d = ${size} × ${result.dim}, one row per word, random from seed ${result.seed} (untrained; training moves related words together):`,
            `嵌入矩阵 E，|V| × d = ${size} × ${result.dim}，每个词一行；由种子 ${result.seed} 随机生成（未训练；训练会让相关的词靠近）：`,
          )
    }`));
    const labelWidth = Math.max(...result.vocab.map((word) => displayWidth(word)));
    matrixLines(result.matrix, '', 4).forEach((line, i) => {
      const word = result.vocab[i] ?? '';
      const text = `   ${padEnd(word, labelWidth)} ${line}`;
      lines.push(...block(i === index ? `${chalk.bold(text)}  ◀` : text));
    });

    lines.push('', prose(`3. ${t(
      `one_hot(${result.word})ᵀ · E, column by column (each column j: Σₖ one_hotₖ × Eₖⱼ):`,
      `one_hot(${result.word})ᵀ · E，逐列计算（第 j 列：Σₖ one_hotₖ × Eₖⱼ）：`,
    )}`));
    const columnOf = (j: number): number[] => result.matrix.map((values) => values[j] ?? 0);
    result.embedding.forEach((value, j) => {
      const column = columnOf(j);
      const terms =
        size <= 6
          ? dotTerms(result.one_hot, column)
          : `1×${term(column[index] ?? 0)} + ${t(`${size - 1} terms 0×…`, `${size - 1} 项 0×…`)}`;
      lines.push(prose(`   ${t(`column ${j + 1}: `, `第 ${j + 1} 列：`)}${terms} = ${num(value)}`));
    });
    lines.push(prose(`   e = ${vec(result.embedding)} = ${t(`row ${index + 1} of E (${result.word})`, `E 的第 ${index + 1} 行（${result.word}）`)}`));
    lines.push(prose(`   ${t(
      'Multiplying by a one-hot vector just picks a row: a lookup. So libraries store E and index it (nn.Embedding) instead of multiplying.',
      '乘以独热向量只是取出一行：就是查表。所以深度学习库保存 E 并直接按下标取行（nn.Embedding），而不做乘法。',
    )}`));

    lines.push('', `4. ${t(`How alike are ${quote(result.word)} and ${quote(result.other)}?`, `${quote(result.word)}与${quote(result.other)}有多像？`)}`);
    lines.push(prose(`   ${t('one-hot: ', '独热：')}one_hot(${result.other}) = ${vec(result.one_hot_other)}`));
    const hotTerms = size <= 6 ? `(${dotTerms(result.one_hot, result.one_hot_other)})` : num(dot(result.one_hot, result.one_hot_other));
    lines.push(prose(`     cos = ${hotTerms} / (1 × 1) = ${num(result.cosine_one_hot)}`));
    const a = result.embedding;
    const b = result.embedding_other;
    lines.push(prose(`   ${t('embedding: ', '嵌入：')}${t(`row ${otherIndex + 1} of E`, `E 的第 ${otherIndex + 1} 行`)} = ${vec(b)}`));
    lines.push(prose(`     cos = (${dotTerms(a, b)}) / (${num(norm(a))} × ${num(norm(b))}) = ${num(result.cosine_embedding)}`));
    lines.push('', heading(t('Why embeddings:', '为什么用嵌入：')));
    lines.push(prose(`  ${t(
      'Two different one-hot vectors never share a 1, so their cosine is always 0: one-hot cannot say which words are alike. Dense rows can point alike (cos near 1) or apart, and training learns them.',
      '两个不同的独热向量没有共同的 1，余弦总是 0：独热向量无法表达哪些词相似。稠密的行可以方向相近（cos 接近 1）或相反，并由训练学到。',
    )}`));
    lines.push(prose(`  ${t(
      `One-hot needs |V| numbers per word (tens of thousands in practice); an embedding needs d (a few hundred).`,
      `独热向量每个词要 |V| 个数（实际中有几万个）；嵌入只要 d 个（几百个）。`,
    )}`));
    return finish(lines);
  },
};
