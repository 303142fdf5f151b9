import { describe, expect, it } from 'vitest';
import { foldCase, matchLine, mergeSpans, queryTerms, search, searchUnits, type SearchField, type SearchUnit } from '../../src/core/search.js';
import { makeLesson } from './fixtures.js';

describe('queryTerms', () => {
  it.each([
    { words: ['Attention'], terms: ['word:attention'] },
    { words: ['vanishing', 'GRADIENT', 'vanishing'], terms: ['word:vanishing', 'word:gradient'] },
    { words: ['self-attention'], terms: ['word:self', 'word:attention'] },
    { words: ['ＲＮＮ'], terms: ['word:rnn'] }, // full-width letters count as ASCII
    { words: ['梯度消失'], terms: ['han:梯度', 'han:度消', 'han:消失'] },
    { words: ['注意力'], terms: ['han:注意', 'han:意力'] },
    { words: ['词'], terms: ['han:词'] },
    { words: ['softmax函数'], terms: ['word:softmax', 'han:函数'] },
    { words: ['...', '—'], terms: [] },
  ])('$words -> $terms', ({ words, terms }) => {
    expect(queryTerms(words).map((term) => `${term.kind}:${term.text}`)).toEqual(terms);
  });
});

describe('matchLine', () => {
  const hit = (text: string, words: string[], field: SearchField = 'body') => matchLine(text, queryTerms(words), field);
  it.each([
    // English: case-insensitive, on the start of words.
    { text: 'Attention is all you need', words: ['attention'], score: 4, spans: [[0, 9]] },
    { text: 'Gradients vanish', words: ['grad'], score: 4, spans: [[0, 9]] },
    { text: 'upgrade the model', words: ['grad'], score: undefined, spans: [] },
    { text: 'The vanishing gradient problem', words: ['vanishing', 'gradient'], score: 8, spans: [[4, 13], [14, 22]] },
    // At least half of the terms, rounded up: one of two is enough, one of three is not.
    { text: 'A gradient step', words: ['vanishing', 'gradient'], score: 4, spans: [[2, 10]] },
    { text: 'A gradient step', words: ['vanishing', 'gradient', 'problem'], score: undefined, spans: [] },
    // Chinese: bigrams anywhere, adjacent matches highlighted as one span.
    { text: '梯度消失问题', words: ['梯度消失'], score: 12, spans: [[0, 4]] },
    { text: '注意力机制', words: ['注意力'], score: 8, spans: [[0, 3]] },
    { text: '请注意这里', words: ['注意力'], score: 4, spans: [[1, 3]] },
    { text: '梯度很大', words: ['梯度消失'], score: undefined, spans: [] },
    { text: '用 Softmax 归一化', words: ['softmax'], score: 4, spans: [[2, 9]] },
  ])('"$text" for $words: score $score', ({ text, words, score, spans }) => {
    const match = hit(text, words);
    expect(match?.score).toBe(score);
    expect(match?.spans ?? []).toEqual(spans);
  });

  it('ranks by terms matched first, then title > heading > question = explanation > body', () => {
    const scores = (['title', 'heading', 'question', 'explain', 'body'] as const).map((field) => hit('vanishing gradient', ['vanishing', 'gradient'], field)!.score);
    expect(scores).toEqual([11, 10, 9, 9, 8]);
    expect(hit('vanishing gradient', ['vanishing', 'gradient'], 'body')!.score).toBeGreaterThan(hit('a gradient', ['vanishing', 'gradient'], 'title')!.score);
  });

  it('keeps offsets into the original text when folding case', () => {
    expect(foldCase('ＡＢc Ä')).toBe('abc ä');
    expect(foldCase('İx')).toHaveLength(2); // a letter whose lower case is longer stays as it is
    expect(mergeSpans([[4, 6], [0, 2], [1, 3], [6, 7]])).toEqual([[0, 3], [4, 7]]);
  });
});

describe('searchUnits', () => {
  const lesson = makeLesson({
    topic: 'rnn',
    number: 3,
    slug: 'gates',
    title: 'Gates and memory',
    body: `Intro before any section.

## Why gates

The gradient vanishes
over long sequences.

\`\`\`demo
rnn --inputs "1,0"
\`\`\`

### A closer look

- forget gate

\`\`\`quiz
id: rnn/forget
type: choice
prompt: What does the forget gate do?
options:
  - {text: "It erases part of the cell state", correct: true}
  - {text: "It adds noise"}
explain: Its sigmoid output scales the old cell state.
\`\`\`

## Memory

\`\`\`
code stays searchable
\`\`\`
`,
  });
  const units = searchUnits(lesson);
  const row = (unit: SearchUnit) => `${unit.field} §${unit.section} L${unit.line}: ${unit.text}`;

  it('takes the title, headings and body lines by section, and each question at its block', () => {
    const bodyLine = lesson.bodyLine;
    expect(units.map(row)).toEqual([
      'title §0 L3: Gates and memory',
      `body §0 L${bodyLine}: Intro before any section.`,
      `heading §1 L${bodyLine + 2}: Why gates`,
      `body §1 L${bodyLine + 4}: The gradient vanishes`,
      `body §1 L${bodyLine + 5}: over long sequences.`,
      `heading §1 L${bodyLine + 11}: A closer look`,
      `body §1 L${bodyLine + 13}: - forget gate`,
      `heading §2 L${bodyLine + 25}: Memory`,
      `body §2 L${bodyLine + 28}: code stays searchable`,
      `question §1 L${bodyLine + 15}: What does the forget gate do?`,
      `question §1 L${bodyLine + 15}: It erases part of the cell state`,
      `question §1 L${bodyLine + 15}: It adds noise`,
      `explain §1 L${bodyLine + 15}: Its sigmoid output scales the old cell state.`,
    ]);
  });

  it('search ranks across lessons and counts every hit', () => {
    const other = { ref: 'other', units: [{ field: 'body', section: 1, line: 9, text: 'forget nothing' } as SearchUnit] };
    const found = search([other, { ref: 'gates', units }], ['forget', 'gate'], 2);
    expect(found.total).toBe(5); // also the title and the heading "Why gates" (gate is the start of gates)
    expect(found.hits.map((hit) => `${hit.ref} ${hit.unit.field} ${hit.match.score}: ${hit.unit.text}`)).toEqual([
      'gates question 9: What does the forget gate do?',
      'gates body 8: - forget gate',
    ]);
  });
});
