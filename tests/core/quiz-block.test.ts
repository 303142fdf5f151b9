import { describe, expect, it } from 'vitest';
import { parseQuizBlock } from '../../src/core/quiz-block.js';

const context = { path: 'lessons/rnn/02-bptt.en.md', line: 40, lessonId: 'rnn/bptt', topic: 'rnn', section: 3 };

function problemsOf(content: string): string[] {
  return parseQuizBlock(content, context).problems.map((problem) => `${problem.line}: ${problem.message.en}`);
}

describe('parseQuizBlock', () => {
  it('parses every question type', () => {
    const cases: Array<[string, Record<string, unknown>]> = [
      ['id: rnn/a\ntype: truefalse\nprompt: P\nanswer: false\nexplain: E', { type: 'truefalse', answer: false }],
      ['id: rnn/a\ntype: numeric\nprompt: P\nanswer: 0.25\ntolerance: 0.01\nexplain: E', { type: 'numeric', answer: 0.25, tolerance: 0.01 }],
      ['id: rnn/a\ntype: numeric\nprompt: P\ngenerator: rnn-step\nexplain: E', { type: 'numeric', generator: 'rnn-step' }],
      ['id: rnn/a\ntype: steps\nprompt: P\ngenerator: rnn-steps\nexplain: E', { type: 'steps', generator: 'rnn-steps' }],
      ['id: rnn/a\ntype: steps\nprompt: P\ngenerator: attention-steps\ntolerance: 0.05\nexplain: E', { type: 'steps', generator: 'attention-steps', tolerance: 0.05 }],
      ['id: rnn/a\ntype: text\nprompt: P\naccept: [LSTM, 长短期记忆]\nexplain: E', { type: 'text', accept: ['LSTM', '长短期记忆'] }],
      [
        'id: rnn/a\ntype: multi\nprompt: P\noptions:\n  - {text: A, correct: true}\n  - {text: B, correct: true}\n  - {text: C}\nexplain: E',
        { type: 'multi', options: [{ text: 'A', correct: true }, { text: 'B', correct: true }, { text: 'C', correct: false }] },
      ],
      [
        'id: rnn/a\ntype: numeric\nprompt: P\nanswer: 0.9\ntolerance: 0.001\nverify: {demo: "vanishing-gradient --weight 0.9 --steps 3", path: gradients.1}\nexplain: E',
        { verify: { demo: 'vanishing-gradient --weight 0.9 --steps 3', path: 'gradients.1' } },
      ],
    ];
    for (const [content, expected] of cases) {
      const { question, problems } = parseQuizBlock(content, context);
      expect(problems).toEqual([]);
      expect(question).toMatchObject({ id: 'rnn/a', prompt: 'P', explain: 'E', section: 3, line: 40, ...expected });
    }
  });

  it.each([
    ['no correct option', 'id: rnn/a\ntype: choice\nprompt: P\noptions:\n  - {text: A}\n  - {text: B}\nexplain: E', '44: quiz "rnn/a": a choice question needs exactly one option marked "correct: true", found 0'],
    ['two correct options in a choice', 'id: rnn/a\ntype: choice\nprompt: P\noptions:\n  - {text: A, correct: true}\n  - {text: B, correct: true}\nexplain: E', '44: quiz "rnn/a": a choice question needs exactly one option marked "correct: true", found 2'],
    ['numeric without tolerance', 'id: rnn/a\ntype: numeric\nprompt: P\nanswer: 3\nexplain: E', '44: quiz "rnn/a": a numeric question needs a "tolerance" (a positive number) beside its "answer"'],
    ['a non-numeric tolerance', 'id: rnn/a\ntype: numeric\nprompt: P\nanswer: 3\ntolerance: abc\nexplain: E', '45: quiz "rnn/a": "tolerance" must be a positive number, got "abc"'],
    ['an unknown generator', 'id: rnn/a\ntype: numeric\nprompt: P\ngenerator: magic\nexplain: E', '44: quiz "rnn/a": unknown generator "magic"; known: softmax-prob, scaled-dot-score, attention-weight, cosine, rnn-step, sigmoid'],
    ['a steps question without a generator', 'id: rnn/a\ntype: steps\nprompt: P\nexplain: E', '42: quiz "rnn/a": a steps question needs a "generator", one of attention-steps, rnn-steps, backprop-steps, perceptron-steps, cosine-steps'],
    ['an unknown steps generator', 'id: rnn/a\ntype: steps\nprompt: P\ngenerator: lstm-steps\nexplain: E', '44: quiz "rnn/a": unknown generator "lstm-steps"; known: attention-steps, rnn-steps, backprop-steps, perceptron-steps, cosine-steps'],
    ['a numeric generator in a steps question', 'id: rnn/a\ntype: steps\nprompt: P\ngenerator: rnn-step\nexplain: E', '44: quiz "rnn/a": unknown generator "rnn-step"; known: attention-steps, rnn-steps, backprop-steps, perceptron-steps, cosine-steps (that one is for a "type: numeric" question)'],
    ['a steps generator in a numeric question', 'id: rnn/a\ntype: numeric\nprompt: P\ngenerator: rnn-steps\nexplain: E', '44: quiz "rnn/a": unknown generator "rnn-steps"; known: softmax-prob, scaled-dot-score, attention-weight, cosine, rnn-step, sigmoid (that one is for a "type: steps" question)'],
    ['an answer in a steps question', 'id: rnn/a\ntype: steps\nprompt: P\ngenerator: rnn-steps\nanswer: 3\nexplain: E', '45: quiz "rnn/a": unknown field "answer" for a steps question'],
    ['a steps tolerance that is not positive', 'id: rnn/a\ntype: steps\nprompt: P\ngenerator: rnn-steps\ntolerance: 0\nexplain: E', '45: quiz "rnn/a": "tolerance" must be a positive number, got 0'],
    ['an unknown type', 'id: rnn/a\ntype: essay\nprompt: P\nexplain: E', '42: quiz "rnn/a": "type" must be one of choice, multi, truefalse, numeric, text, steps, got "essay"'],
    ['a missing prompt', 'id: rnn/a\ntype: truefalse\nanswer: true\nexplain: E', '41: quiz "rnn/a": missing "prompt"'],
    ['an id outside the topic', 'id: nlp/a\ntype: truefalse\nprompt: P\nanswer: true\nexplain: E', '41: quiz "nlp/a": "id" must start with the topic "rnn/", got "nlp/a"'],
    ['an unknown field', 'id: rnn/a\ntype: truefalse\nprompt: P\nanswer: true\nexplain: E\nhint: H', '46: quiz "rnn/a": unknown field "hint" for a truefalse question'],
    ['a string truefalse answer', 'id: rnn/a\ntype: truefalse\nprompt: P\nanswer: "yes"\nexplain: E', '44: quiz "rnn/a": "answer" must be true or false, got "yes"'],
    ['empty accept', 'id: rnn/a\ntype: text\nprompt: P\naccept: []\nexplain: E', '44: quiz "rnn/a": "accept" must be a non-empty list of answers, got []'],
  ])('reports %s at the field line', (_name, content, expected) => {
    expect(problemsOf(content)).toEqual([expected]);
    expect(parseQuizBlock(content, context).question).toBeUndefined();
  });

  it('reports a YAML syntax error at its line in the file', () => {
    const [problem] = parseQuizBlock('id: rnn/a\ntype: choice\nprompt: "unclosed\nexplain: E', context).problems;
    expect(problem!.path).toBe(context.path);
    expect(problem!.line).toBeGreaterThanOrEqual(43);
    expect(problem!.message.en).toMatch(/^quiz block: invalid YAML: /);
  });
});

describe('why on a wrong option', () => {
  const block = (options: string[], extra: string[] = [], type = 'choice'): string =>
    ['id: rnn/a', `type: ${type}`, 'prompt: P', 'options:', ...options, 'explain: E', ...extra].join('\n');

  it.each([
    ['a flow mapping', ['  - {text: A, correct: true}', '  - {text: B, why: "B is tempting, but wrong."}'], [{ text: 'A', correct: true }, { text: 'B', correct: false, why: 'B is tempting, but wrong.' }]],
    [
      'a block mapping with a folded why',
      ['  - {text: A, correct: true}', '  - text: B', '    why: >-', '      B looks right', '      but is not.'],
      [{ text: 'A', correct: true }, { text: 'B', correct: false, why: 'B looks right but is not.' }],
    ],
    ['plain strings beside it', ['  - {text: A, correct: true}', '  - B', '  - {text: C, why: W}'], [{ text: 'A', correct: true }, { text: 'B', correct: false }, { text: 'C', correct: false, why: 'W' }]],
    ['Chinese, folded', ['  - {text: 甲, correct: true}', '  - text: 乙', '    why: >-', '      乙看起来对，', '      其实不对。'], [{ text: '甲', correct: true }, { text: '乙', correct: false, why: '乙看起来对，其实不对。' }]],
  ])('parses %s', (_name, options, expected) => {
    const { question, problems } = parseQuizBlock(block(options), context);
    expect(problems).toEqual([]);
    expect(question).toMatchObject({ type: 'choice', options: expected });
  });

  it('parses a why on the wrong options of a multi question', () => {
    const { question } = parseQuizBlock(block(['  - {text: A, correct: true}', '  - {text: B, correct: true}', '  - {text: C, why: W}'], [], 'multi'), context);
    expect(question?.type === 'multi' && question.options).toEqual([{ text: 'A', correct: true }, { text: 'B', correct: true }, { text: 'C', correct: false, why: 'W' }]);
  });

  // The block starts at file line 41 (the fence is line 40); option lines are 45, 46, 47.
  it.each([
    ['a why on the correct option', block(['  - {text: A, correct: true, why: W}', '  - {text: B}']), '45: quiz "rnn/a": option 1 is correct: "why" is for a wrong option ("explain" covers the right one)'],
    [
      'a why on a correct option of a multi question, in block style',
      block(['  - {text: A, correct: true}', '  - {text: B}', '  - text: C', '    correct: true', '    why: W'], [], 'multi'),
      '47: quiz "rnn/a": option 3 is correct: "why" is for a wrong option ("explain" covers the right one)',
    ],
    ['an empty why', block(['  - {text: A, correct: true}', '  - {text: B, why: "  "}']), '46: quiz "rnn/a": option 2: "why" must say why the option is tempting and why it is wrong, got "  "'],
    ['a why that is not text', block(['  - {text: A, correct: true}', '  - {text: B, why: [x]}']), '46: quiz "rnn/a": option 2: "why" must say why the option is tempting and why it is wrong, got ["x"]'],
    ['a why map beside the options (naming options by key)', block(['  - {text: A, correct: true}', '  - {text: B}'], ['why: {2: W}']), '48: quiz "rnn/a": "why" goes on the wrong option it explains: - {text: "…", why: "…"}'],
    ['a why on a truefalse question', 'id: rnn/a\ntype: truefalse\nprompt: P\nanswer: true\nexplain: E\nwhy: W', '46: quiz "rnn/a": "why" belongs to a wrong option of a choice or multi question; a truefalse question has no options (use "explain")'],
    ['a why on a numeric question', 'id: rnn/a\ntype: numeric\nprompt: P\nanswer: 1\ntolerance: 0.1\nwhy: W\nexplain: E', '46: quiz "rnn/a": "why" belongs to a wrong option of a choice or multi question; a numeric question has no options (use "explain")'],
    ['a misspelt why', block(['  - {text: A, correct: true}', '  - {text: B, wyh: W}']), '46: quiz "rnn/a": option 2: unknown field "wyh" (known: text, correct, why)'],
  ])('reports %s at its line', (_name, content, expected) => {
    expect(problemsOf(content)).toEqual([expected]);
    expect(parseQuizBlock(content, context).question).toBeUndefined();
  });

  it('reports the problem in Chinese too', () => {
    const [problem] = parseQuizBlock(block(['  - {text: A, correct: true, why: W}', '  - {text: B}']), context).problems;
    expect(problem!.message.zh).toBe('quiz“rnn/a”：第 1 个选项是正确答案：“why”只写给错误选项（正确答案由“explain”解释）');
  });
});

describe('Chinese text in quiz blocks', () => {
  it('drops the spaces a folded YAML scalar puts between Chinese characters, keeping English spacing', () => {
    const content = 'id: rnn/a\ntype: truefalse\nprompt: >-\n  梯度在每一步都会乘以\n  同一个矩阵， 对吗？\nanswer: true\nexplain: >-\n  是的。 tanh 的导数\n  不超过 1, so it shrinks.';
    const { question } = parseQuizBlock(content, context);
    expect(question?.prompt).toBe('梯度在每一步都会乘以同一个矩阵，对吗？');
    expect(question?.explain).toBe('是的。tanh 的导数不超过 1, so it shrinks.');
  });
});

describe('escape sequences written as YAML escapes', () => {
  it('are removed after decoding, in every string', () => {
    const content = 'id: rnn/a\ntype: choice\nprompt: "Pick \\e[5mone\\e[0m \\e]0;HACK\\a"\noptions:\n  - {text: "A\\x1b[31m", correct: true}\n  - {text: B}\nexplain: E';
    const { question } = parseQuizBlock(content, context);
    expect(question?.prompt).toBe('Pick one');
    expect(question?.type === 'choice' && question.options[0]!.text).toBe('A');
  });
});

describe('hostile YAML (issue 9: fuzzed lesson packs)', () => {
  it('stops a "billion laughs" alias bomb at the value limit instead of walking 9^9 values', () => {
    const bomb = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let level = 1; level < 9; level++) bomb.push(`a${level}: &a${level} [${Array(9).fill(`*a${level - 1}`).join(',')}]`);
    const started = performance.now();
    const problems = problemsOf(`id: rnn/a\ntype: truefalse\nprompt: P\nanswer: true\nexplain: E\n${bomb.join('\n')}\nbomb: *a8`);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(problems).toEqual(['41: quiz block: invalid YAML: more than 20000 values (repeated aliases "*name"?): not a lesson']);
  });

  it.each([
    ['brackets', `${'['.repeat(50_000)}${']'.repeat(50_000)}`, /^41: quiz block: invalid YAML: nested more than the parser can follow/],
    ['lists 40 deep', `${'['.repeat(40)}1${']'.repeat(40)}`, /^41: quiz block: invalid YAML: nested more than 32 levels deep$/],
  ])('reports nesting too deep (%s) as a problem, not a crash', (_name, nested, message) => {
    const problems = problemsOf(`id: rnn/a\ntype: truefalse\nprompt: P\nanswer: true\nexplain: E\nextra: ${nested}`);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });
});
