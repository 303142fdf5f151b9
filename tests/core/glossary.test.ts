import { describe, expect, it } from 'vitest';
import { gradeAnswer, presentQuestion } from '../../src/core/grade.js';
import { glossaryCardId, glossaryQuestions } from '../../src/core/glossary-quiz.js';
import type { TextQuestion } from '../../src/core/question.js';
import { alphabetical, buildGlossary, englishName, findTerms, lessonGlosses, parseGloss, type GlossSource } from '../../src/core/glossary.js';

// The glossary's rules as tables: what a gloss is, where its Chinese term starts, and which lesson
// introduces a term.

describe('parseGloss', () => {
  it.each([
    ['attention', { en: 'attention' }],
    ['long short-term memory, LSTM', { en: 'long short-term memory', abbr: 'LSTM' }],
    ['LSTM', { en: 'LSTM', abbr: 'LSTM' }],
    ['sequence-to-sequence, seq2seq', { en: 'sequence-to-sequence', abbr: 'seq2seq' }],
    ['hyperbolic tangent, tanh', { en: 'hyperbolic tangent', abbr: 'tanh' }],
    ['encoder–decoder', { en: 'encoder–decoder' }],
    ['top-5 error', { en: 'top-5 error' }],
  ])('(%s) is a gloss', (inner, expected) => {
    expect(parseGloss(inner)).toEqual(expected);
  });

  it.each(['0, 1', '1.575, 0.335', 'h1, h2', 'n − 1', 'h·d_v', 'unrolling / unfolding', 'x', ''])('(%s) is not', (inner) => {
    expect(parseGloss(inner)).toBeUndefined();
  });
});

describe('lessonGlosses', () => {
  const mentions = (text: string) => lessonGlosses(text, 10).mentions.map(({ zh, en, abbr }) => (abbr === undefined ? `${zh}=${en}` : `${zh}=${en}/${abbr}`));

  it.each([
    ['注意力机制 (attention) 去掉了瓶颈。', ['注意力机制=attention']],
    ['**门控循环单元** (gated recurrent unit, GRU)', ['门控循环单元=gated recurrent unit/GRU']],
    ['提出的*长短期记忆网络* (long short-term memory, LSTM)', ['长短期记忆网络=long short-term memory/LSTM']],
    ['即长短期记忆网络 (LSTM)', ['即长短期记忆网络=LSTM/LSTM']],
    ['这种编码器–解码器 (encoder–decoder) 结构', ['这种编码器–解码器=encoder–decoder']],
    ['权重为 (0.5, -1)，输出 (h1, h2)', []],
    ['梯度消失（vanishing gradient）用的是全角括号', []],
    ['查询 (query)、键 (key) 和值 (value)', ['查询=query', '键=key', '和值=value']],
  ])('%s', (text, expected) => {
    expect(mentions(text)).toEqual(expected);
  });

  it('gives each mention its file line and section, and skips fenced blocks', () => {
    const body = ['开头的深度学习 (deep learning)', '## 一', '```quiz', 'prompt: 梯度 (gradient)', '```', '## 二', '', '**梯度** (gradient) 在这里'].join('\n');
    const found = lessonGlosses(body, 5).mentions;
    expect(found.map(({ zh, line, section, emphasized }) => ({ zh, line, section, emphasized }))).toEqual([
      { zh: '开头的深度学习', line: 5, section: 0, emphasized: false },
      { zh: '梯度', line: 12, section: 2, emphasized: true },
    ]);
  });

  it('keeps a parenthesis that is empty or Chinese as a bad gloss', () => {
    expect(lessonGlosses('梯度 () 和损失 (见下文)', 3).bad).toEqual([
      { zh: '梯度', inner: '', line: 3 },
      { zh: '和损失', inner: '见下文', line: 3 },
    ]);
  });
});

function source(lesson: string, body: string): GlossSource {
  return { lesson, id: `${lesson.split('/')[0]}/x${lesson.split('/')[1]}`, path: `lessons/${lesson}.zh.md`, glosses: lessonGlosses(body, 1) };
}

describe('buildGlossary', () => {
  it('cuts a clause to the shortest ending glossed elsewhere with the same English, else keeps it; the first lesson in order wins', () => {
    const { terms, problems } = buildGlossary([
      source('rnn/1', '这就是梯度消失 (vanishing gradient)，而门 (gate)'),
      source('rnn/2', '## A\n## B\n**梯度消失** (vanishing gradient)\n输入门 (input gate)'),
    ]);
    expect(problems).toEqual([]);
    expect(terms.map(({ zh, en, lesson, section, line }) => ({ zh, en, lesson, section, line }))).toEqual([
      { zh: '梯度消失', en: 'vanishing gradient', lesson: 'rnn/1', section: 0, line: 1 },
      // Nothing shorter is glossed "gate" (输入门 is another term): the clause stays whole, as validate cannot tell.
      { zh: '而门', en: 'gate', lesson: 'rnn/1', section: 0, line: 1 },
      { zh: '输入门', en: 'input gate', lesson: 'rnn/2', section: 2, line: 4 },
    ]);
  });

  it('keeps a run whole when it is a term emphasized elsewhere, even if an ending of it is glossed too', () => {
    const { terms } = buildGlossary([source('a/1', '**随时间反向传播** (backpropagation through time)'), source('a/2', '（随时间反向传播 (backpropagation through time)）'), source('a/3', '叫作**时间反向传播** (backpropagation through time)')]);
    expect(terms.map((term) => `${term.zh} ${term.lesson}`)).toEqual(['随时间反向传播 a/1', '时间反向传播 a/3']);
  });

  it('takes the full English when an abbreviation came first, and matches either', () => {
    const { terms, problems } = buildGlossary([source('a/1', '**长短期记忆网络** (LSTM)'), source('a/2', '**长短期记忆网络** (long short-term memory, LSTM)')]);
    expect(problems).toEqual([]);
    expect(terms).toHaveLength(1);
    expect(englishName(terms[0]!)).toBe('long short-term memory (LSTM)');
    expect(terms[0]!.lesson).toBe('a/1');
    expect(findTerms(terms, 'lstm')).toHaveLength(1);
    expect(findTerms(terms, 'Short-Term')).toHaveLength(1);
    expect(findTerms(terms, '记忆')).toHaveLength(1);
    expect(findTerms(terms, 'gru')).toEqual([]);
  });

  it('reports a term glossed with different English, and a gloss that is not English, in both languages', () => {
    const { problems } = buildGlossary([source('a/1', '**前向传播** (forward propagation)'), source('a/2', '\n**前向传播** (forward pass)\n损失 (见下文)')]);
    expect(problems.map((problem) => `${problem.path}:${problem.line}`)).toEqual(['lessons/a/2.zh.md:2', 'lessons/a/2.zh.md:3']);
    expect(problems[0]!.message.en).toBe('glossary: "前向传播" is glossed "forward pass" here but "forward propagation" at lessons/a/1.zh.md:1; use one English term');
    expect(problems[0]!.message.zh).toContain('“前向传播”在这里注为“forward pass”');
    expect(problems[1]!.message.en).toContain('"见下文" is not an English term');
  });
});

describe('alphabetical', () => {
  const { terms } = buildGlossary([source('a/1', '**注意力机制** (attention)、**梯度** (gradient)、**词元** (Token)、**暂退法** (dropout)')]);
  it('sorts by English for English readers, in any case', () => {
    expect(alphabetical(terms, 'en').map((term) => term.en)).toEqual(['attention', 'dropout', 'gradient', 'Token']);
  });
  it('sorts by pinyin for Chinese readers', () => {
    expect(alphabetical(terms, 'zh').map((term) => term.zh)).toEqual(['词元', '梯度', '暂退法', '注意力机制']);
  });
});

/** Whether the text grader takes `input` for the question. */
function gradeText(question: TextQuestion, input: string): boolean {
  const result = gradeAnswer(presentQuestion(question, () => 0), input);
  return result.kind === 'graded' && result.correct;
}

describe('glossaryQuestions', () => {
  const { terms } = buildGlossary([
    source('a/1', '**长短期记忆网络** (long short-term memory, LSTM)，**偏置** (bias)'),
    source('a/2', '## 一\n**偏见** (bias)'),
  ]);

  it('makes one card per English term, asked in the reader language and answered in the other', () => {
    expect(glossaryQuestions(terms, 'en').map(({ id, prompt, accept, lessonId, section }) => ({ id, prompt, accept, lessonId, section }))).toEqual([
      { id: 'glossary/long-short-term-memory', prompt: 'Glossary: what is the Chinese term for "long short-term memory (LSTM)"?', accept: ['长短期记忆网络'], lessonId: 'a/x1', section: 0 },
      // One English, two Chinese terms: either is right.
      { id: 'glossary/bias', prompt: 'Glossary: what is the Chinese term for "bias"?', accept: ['偏置', '偏见'], lessonId: 'a/x1', section: 0 },
    ]);
    expect(glossaryQuestions(terms, 'zh').map(({ id, prompt, accept }) => ({ id, prompt, accept }))).toEqual([
      { id: 'glossary/long-short-term-memory', prompt: '术语：“长短期记忆网络”的英文术语是什么？', accept: ['long short-term memory', 'LSTM'] },
      { id: 'glossary/bias', prompt: '术语：“偏置”的英文术语是什么？', accept: ['bias'] },
    ]);
  });

  it('grades English in any case and Chinese exactly, with the text grader', () => {
    const [lstm] = glossaryQuestions(terms, 'zh');
    expect(gradeText(lstm!, 'Long Short-Term Memory')).toBe(true);
    expect(gradeText(lstm!, 'lstm')).toBe(true);
    const [chinese] = glossaryQuestions(terms, 'en');
    expect(gradeText(chinese!, '长短期记忆网络')).toBe(true);
    expect(gradeText(chinese!, '长短期记忆')).toBe(false);
  });

  it.each([
    ['long short-term memory', 'glossary/long-short-term-memory'],
    ['encoder–decoder', 'glossary/encoder-decoder'],
    ['Markov assumption', 'glossary/markov-assumption'],
  ])('%s has the card id %s', (en, id) => {
    expect(glossaryCardId(en)).toBe(id);
  });
});
