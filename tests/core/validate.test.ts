import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/core/catalog.js';
import type { Text } from '../../src/core/errors.js';
import { validateCatalog } from '../../src/core/validate.js';
import { makeLesson, makeTopic } from './fixtures.js';

const quiz = (id: string, answer: string) => `\`\`\`quiz\nid: ${id}\ntype: truefalse\nprompt: P\nanswer: ${answer}\nexplain: E\n\`\`\`\n`;
const checkDemo = (words: string[]): Text | undefined => (words[0] === 'softmax' ? undefined : () => `unknown demo "${words[0]}"`);

function problemsFor(enBody: string, zhBody: string, front = 'prerequisites: []\n'): string[] {
  const en = makeLesson({ topic: 'rnn', number: 1, slug: 'units', lang: 'en', body: enBody, front });
  const zh = makeLesson({ topic: 'rnn', number: 1, slug: 'units', lang: 'zh', body: zhBody, front });
  const catalog = buildCatalog([en, zh], [makeTopic('rnn', 'en'), makeTopic('rnn', 'zh')]);
  return validateCatalog({ catalog, parseProblems: [], checkDemo }).map((problem) => `${problem.path}:${problem.line}: ${problem.message.en}`);
}

const EN = 'lessons/rnn/01-units.en.md';
const ZH = 'lessons/rnn/01-units.zh.md';

describe('validateCatalog', () => {
  it('passes matching languages', () => {
    const body = `## A\n\n${quiz('rnn/q1', 'true')}\n\`\`\`demo\nsoftmax --scores 1,2\n\`\`\`\n`;
    expect(problemsFor(body, body)).toEqual([]);
  });

  it('reports a different answer in the other language at the question line', () => {
    expect(problemsFor(`## A\n${quiz('rnn/q1', 'true')}`, `## A\n${quiz('rnn/q1', 'false')}`)).toEqual([
      `${ZH}:9: quiz "rnn/q1": answer differs from en: truefalse, answer false vs truefalse, answer true (en: ${EN})`,
    ]);
  });

  it('reports a worked exercise whose generator differs between the languages', () => {
    const steps = (generator: string) => `\`\`\`quiz\nid: rnn/s1\ntype: steps\ngenerator: ${generator}\nprompt: P\nexplain: E\n\`\`\`\n`;
    expect(problemsFor(`## A\n${steps('rnn-steps')}`, `## A\n${steps('rnn-steps')}`)).toEqual([]);
    expect(problemsFor(`## A\n${steps('rnn-steps')}`, `## A\n${steps('cosine-steps')}`)).toEqual([
      `${ZH}:9: quiz "rnn/s1": answer differs from en: worked exercise from generator cosine-steps vs worked exercise from generator rnn-steps (en: ${EN})`,
    ]);
  });

  it('words each problem in Chinese too, the answers compared included', () => {
    const en = makeLesson({ topic: 'rnn', number: 1, slug: 'units', lang: 'en', body: `## A\n${quiz('rnn/q1', 'true')}`, front: 'prerequisites: []\n' });
    const zh = makeLesson({ topic: 'rnn', number: 1, slug: 'units', lang: 'zh', body: `## A\n${quiz('rnn/q1', 'false')}`, front: 'prerequisites: []\n' });
    const catalog = buildCatalog([en, zh], [makeTopic('rnn', 'en'), makeTopic('rnn', 'zh')]);
    expect(validateCatalog({ catalog, parseProblems: [], checkDemo }).map((problem) => problem.message.zh)).toEqual([
      `quiz“rnn/q1”：答案与英文版本不同：判断题，答案为 false 与 判断题，答案为 true（en：${EN}）`,
    ]);
  });

  it('reports a why given in one language but not the other, per option, in both languages', () => {
    const choice = (whys: Array<string | undefined>): string =>
      `## A\n\`\`\`quiz\nid: rnn/c\ntype: choice\nprompt: P\noptions:\n  - {text: R, correct: true}\n${whys
        .map((why, index) => `  - {text: W${index}${why ? `, why: ${why}` : ''}}`)
        .join('\n')}\nexplain: E\n\`\`\`\n`;
    expect(problemsFor(choice(['Because.', 'Also.']), choice(['因为。', '也是。']))).toEqual([]);
    expect(problemsFor(choice(['Because.', undefined]), choice([undefined, '也是。']))).toEqual([
      `${ZH}:9: quiz "rnn/c": option 2 has a "why" in en but not here (en: ${EN})`,
      `${ZH}:9: quiz "rnn/c": option 3 has a "why" here but not in en (en: ${EN})`,
    ]);
    const en = makeLesson({ topic: 'rnn', number: 1, slug: 'units', lang: 'en', body: choice(['Because.']), front: 'prerequisites: []\n' });
    const zh = makeLesson({ topic: 'rnn', number: 1, slug: 'units', lang: 'zh', body: choice([undefined]), front: 'prerequisites: []\n' });
    const catalog = buildCatalog([en, zh], [makeTopic('rnn', 'en'), makeTopic('rnn', 'zh')]);
    expect(validateCatalog({ catalog, parseProblems: [], checkDemo }).map((problem) => problem.message.zh)).toEqual([
      `quiz“rnn/c”：第 2 个选项在英文版本中有“why”，这里没有（en：${EN}）`,
    ]);
  });

  it('reports missing and extra question ids', () => {
    expect(problemsFor(`## A\n${quiz('rnn/q1', 'true')}`, `## A\n${quiz('rnn/q2', 'true')}`)).toEqual([
      `${ZH}:9: quiz ids differ from en: missing rnn/q1; not in en: rnn/q2 (en: ${EN})`,
    ]);
  });

  it('reports an unknown demo and a missing prerequisite', () => {
    const body = '## A\n\n```demo\nsoftmx --scores 1\n```\n';
    expect(problemsFor(body, body, 'prerequisites: [rnn/nothing]\n')).toEqual([
      `${EN}:6: prerequisite "rnn/nothing" is not a lesson`,
      `${EN}:11: demo "softmx --scores 1": unknown demo "softmx"`,
      `${ZH}:6: prerequisite "rnn/nothing" is not a lesson`,
      `${ZH}:11: demo "softmx --scores 1": unknown demo "softmx"`,
    ]);
  });

  it('reports a lesson missing in one language and a missing topic file', () => {
    const en = makeLesson({ topic: 'rnn', number: 1, slug: 'units', lang: 'en' });
    const onlyZh = makeLesson({ topic: 'rnn', number: 2, slug: 'gates', lang: 'zh' });
    const catalog = buildCatalog([en, onlyZh], [makeTopic('rnn', 'en')]);
    expect(validateCatalog({ catalog, parseProblems: [], checkDemo }).map((problem) => problem.message.en)).toEqual([
      'lesson "rnn/units" has no zh version (expected lessons/rnn/01-units.zh.md)',
      'topic "rnn" has zh lessons but no topic.zh.md with its title and overview',
      'lesson "rnn/gates" has no en version (expected lessons/rnn/02-gates.en.md)',
    ]);
  });

  it('reports a question id used by two lessons', () => {
    const a = makeLesson({ topic: 'rnn', number: 1, slug: 'a', body: `## A\n${quiz('rnn/same', 'true')}` });
    const b = makeLesson({ topic: 'rnn', number: 2, slug: 'b', body: `## B\n${quiz('rnn/same', 'true')}` });
    const catalog = buildCatalog([a, b], [makeTopic('rnn')]);
    expect(validateCatalog({ catalog, parseProblems: [], checkDemo }).map((problem) => problem.message.en)).toEqual([
      'quiz id "rnn/same" is already used in lessons/rnn/01-a.en.md:9',
    ]);
  });
});
