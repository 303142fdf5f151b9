import { describe, expect, it } from 'vitest';
import { joinSoftBreaks, outline, prepareLessonView } from '../../src/core/lesson-view.js';
import { makeLesson } from './fixtures.js';

const body = `Intro line one
continues here.

## Scores

First paragraph
of two lines.

\`\`\`demo
softmax --scores 2,1,0
\`\`\`

### Scaling

- item one
  wraps on
- item two

\`\`\`
code line
kept as is
\`\`\`

## Weights

中文段落第一行
第二行。

\`\`\`quiz
id: attention/q
type: truefalse
prompt: Weights sum to 1?
answer: true
explain: Softmax.
\`\`\`
`;

const lesson = makeLesson({ topic: 'attention', number: 2, slug: 'scores', body });

describe('joinSoftBreaks', () => {
  it.each([
    ['Latin lines get a space', 'one\ntwo', 'one two'],
    ['Chinese lines join directly', '注意力\n机制', '注意力机制'],
    ['nothing after full-width punctuation', '我们说。\nSoftmax 很常用', '我们说。Softmax 很常用'],
    ['a blank line ends the paragraph', 'one\n\ntwo', 'one\n\ntwo'],
    ['list items stay separate, continuations join', '- a\n  b\n- c', '- a b\n- c'],
    ['headings are not joined', '## Head\ntext', '## Head\ntext'],
    ['table rows are not joined', '| a |\n| - |', '| a |\n| - |'],
    ['a hard break is kept', 'one  \ntwo', 'one  \ntwo'],
    ['fenced code is untouched', '```\na\nb\n```', '```\na\nb\n```'],
  ])('%s', (_name, input, expected) => {
    expect(joinSoftBreaks(input)).toBe(expected);
  });
});

describe('prepareLessonView', () => {
  it('numbers headings and replaces special blocks with placeholders', () => {
    const view = prepareLessonView(lesson);
    expect(view.markdown).toBe(
      [
        'Intro line one continues here.',
        '',
        '## 1. Scores',
        '',
        'First paragraph of two lines.',
        '',
        '',
        'MLTUTORBLOCK0X',
        '',
        '',
        '### 1.1 Scaling',
        '',
        '- item one wraps on',
        '- item two',
        '',
        '```',
        'code line',
        'kept as is',
        '```',
        '',
        '## 2. Weights',
        '',
        '中文段落第一行第二行。',
        '',
        '',
        'MLTUTORBLOCK1X',
      ].join('\n'),
    );
    expect(view.blocks.map((block) => block.kind)).toEqual(['demo', 'quiz']);
  });

  it('cuts out one section with its subsections', () => {
    const view = prepareLessonView(lesson, { section: '1' });
    expect(view.markdown.startsWith('## 1. Scores')).toBe(true);
    expect(view.markdown).toContain('### 1.1 Scaling');
    expect(view.markdown).not.toContain('Weights');
    expect(view.blocks).toHaveLength(1);
  });

  it('cuts out a subsection', () => {
    expect(prepareLessonView(lesson, { section: '1.1' }).markdown.split('\n')[0]).toBe('### 1.1 Scaling');
  });

  it('names the sections that exist when asked for one that does not', () => {
    expect(() => prepareLessonView(lesson, { section: '7' })).toThrow('--section: "attention/scores" has no section 7 (it has sections 1-2; see --outline)');
  });
});

describe('outline', () => {
  it('lists numbered headings, subsections indented', () => {
    expect(outline(lesson)).toEqual(['1. Scores', '  1.1 Scaling', '2. Weights']);
  });
});
