import { describe, expect, it } from 'vitest';
import { runDemo } from '../../src/demos/index.js';
import { EMBEDDING_DEFAULT_MATRIX, EMBEDDING_DEFAULT_VOCAB, type EmbeddingResult } from '../../src/demos/embedding.js';

const embedding = (argv: string[]): EmbeddingResult => runDemo(['embedding', ...argv]).result as EmbeddingResult;

describe('embedding demo', () => {
  it('the default run: king against queen with the hand-chosen matrix', () => {
    const result = embedding([]);
    expect(result.vocab).toEqual(EMBEDDING_DEFAULT_VOCAB);
    expect(result).toMatchObject({ word: 'king', other: 'queen', dim: 3, source: 'hand-chosen' });
    expect(result.matrix).toEqual(EMBEDDING_DEFAULT_MATRIX);
    expect(result.one_hot).toEqual([1, 0, 0, 0, 0]);
    expect(result.embedding).toEqual(result.matrix[0]);
    expect(result.cosine_one_hot).toBe(0);
    expect(Math.abs(result.cosine_embedding - 0.73 / 0.91)).toBeLessThan(1e-12);
  });

  it('the embedding is exactly the row of --word, for any word, vocabulary and width', () => {
    for (const word of ['the', 'cat', 'sat']) {
      const result = embedding(['--vocab', 'the,cat,sat,on,mat', '--word', word, '--dim', '4', '--seed', '11']);
      expect(result.source).toBe('random');
      expect(result.matrix).toHaveLength(5);
      expect(result.matrix[0]).toHaveLength(4);
      expect(result.embedding).toEqual(result.matrix[result.vocab.indexOf(word)]);
      expect(result.embedding_other).toEqual(result.matrix[result.vocab.indexOf(result.other)]);
      expect(result.cosine_one_hot).toBe(0);
    }
  });

  it('--other defaults to the next word, wrapping round; --seed or another width means random numbers', () => {
    expect(embedding(['--word', 'apple']).other).toBe('king');
    expect(embedding(['--word', 'man', '--other', 'apple']).other).toBe('apple');
    expect(embedding(['--seed', '42']).source).toBe('random');
    expect(embedding(['--dim', '2']).source).toBe('random');
    expect(embedding(['--seed', '1']).matrix).not.toEqual(embedding(['--seed', '2']).matrix);
  });

  it('--predict asks for the one-hot cosine: 0', () => {
    expect(runDemo(['embedding']).prediction?.answer).toBe(0);
  });
});
