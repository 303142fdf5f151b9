import { describe, expect, it } from 'vitest';
import { cosine } from '../../src/math/similarity.js';
import { analogyVector, DIMENSIONS, nearestWords, runWordVectors, WORDS } from '../../src/demos/word-vectors.js';

const REQUIRED = ['king', 'queen', 'man', 'woman', 'prince', 'princess', 'boy', 'girl', 'cat', 'dog', 'paris', 'france', 'tokyo', 'japan', 'good', 'bad'];

describe('word vectors', () => {
  it('has at least 40 lowercase words with Chinese glosses and one number per named dimension', () => {
    expect(WORDS.length).toBeGreaterThanOrEqual(40);
    for (const required of REQUIRED) expect(WORDS.map((entry) => entry.word)).toContain(required);
    for (const entry of WORDS) {
      expect(entry.word).toMatch(/^[a-z]+$/);
      expect(entry.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(entry.vector).toHaveLength(DIMENSIONS.length);
      expect(entry.vector.some((value) => value !== 0)).toBe(true);
    }
    expect(new Set(WORDS.map((entry) => entry.word)).size).toBe(WORDS.length);
  });

  it('king − man + woman ranks queen first, with the input words excluded', () => {
    const result = runWordVectors({ analogy: 'king,man,woman' });
    expect(result.results[0]?.word).toBe('queen');
    expect(result.results.map((entry) => entry.word)).not.toContain('king');
    expect(result.results.map((entry) => entry.word)).not.toContain('woman');
    expect(result.results.map((entry) => entry.word)).not.toContain('man');
  });

  it.each([
    ['paris,france,japan', 'tokyo'],
    ['prince,boy,girl', 'princess'],
    ['puppy,dog,cat', 'kitten'],
    ['father,man,woman', 'mother'],
  ])('%s → %s', (analogy, expected) => {
    expect(runWordVectors({ analogy }).results[0]?.word).toBe(expected);
  });

  it('the default is the classic analogy, and results carry the cosine', () => {
    const result = runWordVectors({});
    expect(result.mode).toBe('analogy');
    expect(result.words).toEqual(['king', 'man', 'woman']);
    const queen = WORDS.find((entry) => entry.word === 'queen');
    expect(result.results[0]?.cosine).toBe(cosine(result.query, queen?.vector ?? []));
  });

  it('similar words: cat is nearest to dog, good is far from bad', () => {
    const similar = runWordVectors({ similar: 'cat', top: '3' });
    expect(similar.results).toHaveLength(3);
    expect(similar.results[0]?.word).toBe('dog');
    expect(similar.results.map((entry) => entry.word)).not.toContain('cat');
    const good = WORDS.find((entry) => entry.word === 'good')?.vector ?? [];
    const bad = WORDS.find((entry) => entry.word === 'bad')?.vector ?? [];
    expect(cosine(good, bad)).toBeLessThan(0);
    const ranked = nearestWords(good, ['good'], WORDS.length);
    expect(ranked[0]?.word).toBe('great');
  });

  it('analogyVector is a − b + c', () => {
    expect(analogyVector([1, 2], [3, 5], [10, 20])).toEqual([8, 17]);
  });

  it('--list returns the table and words are case-insensitive', () => {
    expect(runWordVectors({ list: 'true' }).table).toHaveLength(WORDS.length);
    expect(runWordVectors({ similar: 'King' }).words).toEqual(['king']);
  });
});
