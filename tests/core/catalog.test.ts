import { describe, expect, it } from 'vitest';
import { buildCatalog, lessonLink, resolveLesson, resolveResetScope, resolveTopic } from '../../src/core/catalog.js';
import { makeLesson, sampleCatalog } from './fixtures.js';

const catalog = sampleCatalog();

describe('buildCatalog', () => {
  it('orders topics as taught, then lessons by number', () => {
    expect(catalog.topics.map((topic) => topic.id)).toEqual(['deep-learning', 'nlp', 'rnn', 'attention']);
    expect(catalog.lessons.map((lesson) => lesson.id).slice(0, 3)).toEqual([
      'deep-learning/what-is-deep-learning',
      'deep-learning/neurons-and-perceptrons',
      'nlp/what-is-nlp',
    ]);
    expect(Object.keys(catalog.lessons[0]!.variants).sort()).toEqual(['en', 'zh']);
  });

  it('keeps the first definition of a lesson and reports the second', () => {
    const first = makeLesson({ topic: 'rnn', number: 1, slug: 'units', title: 'Built in' });
    const second = makeLesson({ topic: 'rnn', number: 1, slug: 'units', title: 'From a pack' });
    const built = buildCatalog([first, second], []);
    expect(built.lessons[0]!.variants.en!.title).toBe('Built in');
    expect(built.duplicates).toEqual([{ path: second.path, line: 1, message: expect.objectContaining({ en: `lesson "rnn/units" (en) is already defined in ${first.path}` }) }]);
  });
});

describe('lessonLink', () => {
  it('names a prerequisite by its title in the reading language and the short id to type', () => {
    const zh = makeLesson({ topic: 'rnn', number: 1, slug: 'units', title: '循环单元', lang: 'zh' });
    const en = makeLesson({ topic: 'rnn', number: 1, slug: 'units', title: 'Recurrent units' });
    const built = buildCatalog([en, zh], []);
    expect(lessonLink(built, 'rnn/units', 'zh')).toEqual({ title: '循环单元', ref: 'rnn/1' });
    expect(lessonLink(built, 'rnn/units', 'en')).toEqual({ title: 'Recurrent units', ref: 'rnn/1' });
    // No lesson has the id (validate reports it): the id stands in for the title.
    expect(lessonLink(built, 'rnn/nothing', 'zh')).toEqual({ title: 'rnn/nothing', ref: undefined });
  });
});

describe('resolveLesson', () => {
  it.each([
    ['attention/scaled-dot-product', 'attention/scaled-dot-product'],
    ['attention/2', 'attention/scaled-dot-product'],
    ['att/2', 'attention/scaled-dot-product'],
    ['attention/sc', 'attention/scaled-dot-product'],
    ['Attention/Masks', 'attention/masks-and-self-attention'],
    ['scaled', 'attention/scaled-dot-product'],
    ['rnn/backprop', 'rnn/backpropagation-through-time'],
    ['deep-learning/1/', 'deep-learning/what-is-deep-learning'],
  ])('%s → %s', (query, id) => {
    expect(resolveLesson(catalog, query).id).toBe(id);
  });

  it.each([
    ['atention/2', 'unknown lesson "atention/2"\nDid you mean "attention/2"?\nSee "ml-tutor list" for every lesson.'],
    ['attention/9', '"attention" has no lesson 9 (its lessons are numbered 1-3; see "ml-tutor list attention")'],
    ['attention/', '"attention/" is a topic, not a lesson: name a lesson like "attention/1", or run "ml-tutor list attention"'],
    ['what', 'lesson "what" is ambiguous: it could be deep-learning/what-is-deep-learning, nlp/what-is-nlp'],
    ['zzzzzz', 'unknown lesson "zzzzzz"\nSee "ml-tutor list" for every lesson.'],
  ])('%s fails with a clear message', (query, message) => {
    expect(() => resolveLesson(catalog, query)).toThrow(message);
  });
});

describe('resolveTopic', () => {
  it('accepts ids and unique prefixes', () => {
    expect(resolveTopic(catalog, 'rnn').id).toBe('rnn');
    expect(resolveTopic(catalog, 'deep').id).toBe('deep-learning');
  });

  it('suggests the closest topic', () => {
    expect(() => resolveTopic(catalog, 'atention')).toThrow('unknown topic "atention" (topics: deep-learning, nlp, rnn, attention)\nDid you mean "attention"?');
  });
});

describe('resolveResetScope (progress reset --topic)', () => {
  it('takes a topic, or glossary (the glossary\'s cards), by itself or a unique prefix', () => {
    expect(resolveResetScope(catalog, 'rnn')).toBe('rnn');
    expect(resolveResetScope(catalog, 'glossary')).toBe('glossary');
    expect(resolveResetScope(catalog, ' Glos')).toBe('glossary');
    expect(() => resolveTopic(catalog, 'glossary')).toThrow('unknown topic "glossary"');
  });

  it('names glossary among the topics when nothing matches', () => {
    expect(() => resolveResetScope(catalog, 'glosary')).toThrow('unknown topic "glosary" (topics: deep-learning, nlp, rnn, attention, glossary)\nDid you mean "glossary"?');
  });
});
