import type { Problem } from '../../src/core/errors.js';
import { describe, expect, it } from 'vitest';
import { parseLesson, parseTopic } from '../../src/core/lesson.js';

/** Problems with their English message, as validate --json prints them. */
const english = (problems: readonly Problem[]) => problems.map((problem) => ({ ...problem, message: problem.message.en }));

const PATH = 'lessons/attention/02-scaled-dot-product.en.md';

const LESSON = `---
id: attention/scaled-dot-product
title: Scaled dot-product attention
minutes: 12
objectives: [compute weights by hand, explain the scale]
prerequisites: [attention/why-attention]
---
Intro before any section.

## Scores

Text with a \`code\` span.

\`\`\`demo
attention --query "1,0,1" --keys "1,0,1; 0,1,0" --values "1,2;3,4"
\`\`\`

### Why scale

\`\`\`
## not a heading: inside a code block
\`\`\`

\`\`\`quiz
id: attention/why-scale
type: choice
prompt: Why divide by √d_k?
options:
  - {text: "Keep the variance near 1", correct: true}
  - {text: "Make weights sum to 1"}
explain: Dot products of d_k unit-variance terms have variance d_k.
\`\`\`

## Weights

More.
`;

describe('parseLesson', () => {
  const { lesson, problems } = parseLesson(LESSON, PATH);

  it('reads the front matter', () => {
    expect(problems).toEqual([]);
    expect(lesson).toMatchObject({
      id: 'attention/scaled-dot-product',
      topic: 'attention',
      slug: 'scaled-dot-product',
      number: 2,
      lang: 'en',
      title: 'Scaled dot-product attention',
      minutes: 12,
      objectives: ['compute weights by hand', 'explain the scale'],
      prerequisites: ['attention/why-attention'],
      bodyLine: 8,
    });
  });

  it('numbers sections and subsections, ignoring headings inside code', () => {
    expect(lesson!.headings.map((heading) => [heading.number, heading.title, heading.line])).toEqual([
      ['1', 'Scores', 10],
      ['1.1', 'Why scale', 18],
      ['2', 'Weights', 34],
    ]);
  });

  it('splits a demo block shell-style and records its line and section', () => {
    expect(lesson!.demos).toEqual([
      {
        source: 'attention --query "1,0,1" --keys "1,0,1; 0,1,0" --values "1,2;3,4"',
        words: ['attention', '--query', '1,0,1', '--keys', '1,0,1; 0,1,0', '--values', '1,2;3,4'],
        line: 14,
        section: 1,
      },
    ]);
  });

  it('parses a quiz block into a question that knows its section and line', () => {
    expect(lesson!.questions).toEqual([
      {
        id: 'attention/why-scale',
        type: 'choice',
        prompt: 'Why divide by √d_k?',
        options: [
          { text: 'Keep the variance near 1', correct: true },
          { text: 'Make weights sum to 1', correct: false },
        ],
        explain: 'Dot products of d_k unit-variance terms have variance d_k.',
        lessonId: 'attention/scaled-dot-product',
        section: 1,
        path: PATH,
        line: 24,
      },
    ]);
  });

  it('refuses JavaScript front matter without running it', () => {
    const marker = '__mlTutorFrontMatterRan';
    const text = `---js\n{ title: (globalThis.${marker} = true, 'x') }\n---\nbody\n`;
    const result = parseLesson(text, 'lessons/x/01-a.en.md');
    expect(result.lesson).toBeUndefined();
    expect(english(result.problems)).toEqual([{ path: 'lessons/x/01-a.en.md', line: 1, message: 'front matter in "js" is not allowed: lessons use YAML only' }]);
    expect((globalThis as Record<string, unknown>)[marker]).toBeUndefined();
  });

  it('reports malformed YAML at its file line', () => {
    const text = '---\nid: x/a\ntitle: [unclosed\nminutes: 3\n---\nbody\n';
    const result = parseLesson(text, 'lessons/x/01-a.en.md');
    expect(result.lesson).toBeUndefined();
    expect(result.problems[0]!.path).toBe('lessons/x/01-a.en.md');
    expect(result.problems[0]!.line).toBeGreaterThanOrEqual(3);
    expect(result.problems[0]!.message.en).toMatch(/^invalid YAML in front matter: /);
  });

  it.each([
    ['no front matter', '## Just a body\n', 1, 'missing front matter'],
    ['unclosed front matter', '---\nid: x/a\n', 1, 'front matter is not closed'],
  ])('rejects %s', (_name, text, line, message) => {
    const result = parseLesson(text, 'lessons/x/01-a.en.md');
    expect(result.lesson).toBeUndefined();
    expect(result.problems[0]).toMatchObject({ line });
    expect(result.problems[0]!.message.en).toContain(message);
  });

  it('rejects a file name that does not follow NN-slug.lang.md', () => {
    expect(parseLesson(LESSON, 'lessons/attention/scaled.md').problems[0]!.message.en).toBe(
      'lesson file names look like "01-some-slug.en.md", got "scaled.md"',
    );
  });

  it('reports field problems at the field line but keeps the lesson', () => {
    const text = '---\nid: attention/other\ntitle: T\nminutes: many\nobjectives: [a]\ncolour: red\n---\n## A\n';
    const result = parseLesson(text, PATH);
    expect(result.lesson).toBeDefined();
    expect(english(result.problems)).toEqual([
      { path: PATH, line: 2, message: '"id" must be "attention/scaled-dot-product" (topic folder / file slug), got "attention/other"' },
      { path: PATH, line: 4, message: '"minutes" must be a positive whole number, got "many"' },
      { path: PATH, line: 6, message: 'unknown front matter field "colour" (known: id, title, minutes, objectives, prerequisites)' },
    ]);
  });

  it('removes escape sequences written as YAML escapes in the front matter', () => {
    const text = LESSON.replace('title: Scaled dot-product attention', 'title: "Scaled \\e]0;PWNED\\a\\e[41mattention"');
    expect(parseLesson(text, PATH).lesson!.title).toBe('Scaled attention');
  });

  it('removes terminal escape sequences from the text', () => {
    const text = LESSON.replace('Text with', 'Text \u001b]0;owned\u0007with \u001b[31mred\u001b[0m');
    expect(parseLesson(text, PATH).lesson!.body).toContain('Text with red');
  });
});

describe('parseTopic', () => {
  it('reads title and overview', () => {
    const result = parseTopic('---\nid: rnn\ntitle: Recurrent networks\n---\nNetworks with memory.\n', 'lessons/rnn/topic.en.md');
    expect(result).toEqual({
      topic: { id: 'rnn', lang: 'en', path: 'lessons/rnn/topic.en.md', title: 'Recurrent networks', overview: 'Networks with memory.' },
      problems: [],
    });
  });

  it('wants the id to be the folder name', () => {
    const result = parseTopic('---\nid: rnns\ntitle: R\n---\nx\n', 'lessons/rnn/topic.zh.md');
    expect(english(result.problems)).toEqual([{ path: 'lessons/rnn/topic.zh.md', line: 2, message: '"id" must be the folder name "rnn", got "rnns"' }]);
  });
});
