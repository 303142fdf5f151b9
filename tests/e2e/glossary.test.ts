import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lessonFile, runCli, tempDir, topicFile, writeTree } from '../helpers.js';

// `ml-tutor glossary`, end to end on the built-in course: the list in both languages' order, lookup
// by English and by Chinese, --json, no match; and validate's glossary checks on a pack.

interface Row {
  en: string;
  zh: string;
  lesson: string;
  id: string;
  section: number | null;
  command: string;
}

function glossaryJson(args: string[] = []): Row[] {
  const result = runCli(['glossary', ...args, '--json']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Row[];
}

/** The concepts of the course's source chapter, each of which the glossary must hold. */
const SOURCE_CONCEPTS = ['深度学习', '卷积神经网络', '循环神经网络', '自编码器', '自然语言处理', '机器翻译', '情感分析', '文本生成', '词向量', '序列模型', '注意力机制', '梯度消失', '梯度爆炸', '长短期记忆网络', '门控循环单元', '点积注意力', '加性注意力', '多头注意力'];

describe('ml-tutor glossary', () => {
  it('holds at least 80 terms of the built-in course, each source concept among them, each once', () => {
    const rows = glossaryJson();
    expect(rows.length).toBeGreaterThanOrEqual(80);
    const byZh = new Map(rows.map((row) => [row.zh, row]));
    expect(byZh.size).toBe(rows.length);
    for (const concept of SOURCE_CONCEPTS) expect(byZh.has(concept), concept).toBe(true);
    expect(byZh.get('长短期记忆网络')!.en).toBe('long short-term memory (LSTM)');
    expect(byZh.get('门控循环单元')!.en).toBe('gated recurrent unit (GRU)');
    for (const row of rows) expect(row.en, row.zh).not.toMatch(/\p{Script=Han}/u);
  });

  it('lists every term in teaching order as "English — 中文   (lesson)", and Chinese first for a Chinese reader', () => {
    const en = runCli(['glossary']);
    expect(en.code).toBe(0);
    const lines = en.stdout.split('\n');
    expect(lines[0]).toMatch(/^deep learning — 深度学习 +\(deep-learning\/1\)$/);
    expect(en.stdout).toMatch(/\nvanishing gradient — 梯度消失 +\(deep-learning\/2\)\n/);
    expect(lines.at(-2)).toMatch(/^\d+ terms, each with the lesson that introduces it \(19 lessons\)$/);
    const zh = runCli(['glossary', '--lang', 'zh']);
    expect(zh.stdout.split('\n')[0]).toMatch(/^深度学习 — deep learning +\(deep-learning\/1\)$/);
    expect(zh.stdout).toContain('个术语，各自注明首次引入它的课');
  });

  it('sorts alphabetically with --alpha: by English, or by pinyin for a Chinese reader', () => {
    const en = glossaryJson(['--alpha']).map((row) => row.en);
    expect(en).toEqual([...en].sort((left, right) => left.localeCompare(right, 'en', { sensitivity: 'base' })));
    const zh = glossaryJson(['--alpha', '--lang', 'zh']).map((row) => row.zh);
    expect(zh.indexOf('鞍点')).toBeLessThan(zh.indexOf('注意力机制'));
  });

  it('finds a term by any part of its English, in any case, with the command that reads its first mention', () => {
    const result = runCli(['glossary', 'LSTM']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('long short-term memory (LSTM) — 长短期记忆网络\n  introduced in deep-learning/5, section 3: ml-tutor read deep-learning/5 --section 3\n');
    const read = runCli(['read', 'deep-learning/5', '--section', '3', '--lang', 'zh', '--no-pager', '--width', '1000']);
    expect(read.stdout).toContain('长短期记忆网络 (long short-term memory, LSTM)');
  });

  it('finds a term by Chinese, and says it in Chinese', () => {
    const result = runCli(['glossary', '梯度爆炸', '--lang', 'zh']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('梯度爆炸 — exploding gradient\n  首次出现在 deep-learning/5 第 3 节：ml-tutor read deep-learning/5 --section 3 --lang zh\n');
  });

  it('prints [{en, zh, lesson, id, section, command}] with --json', () => {
    expect(glossaryJson(['多头注意力'])).toEqual([
      { en: 'multi-head attention', zh: '多头注意力', lesson: 'nlp/4', id: 'nlp/sequence-models-for-text', section: 4, command: 'ml-tutor read nlp/4 --section 4' },
    ]);
  });

  it('says in one line that nothing matches, and exits 1 (--json prints [] too)', () => {
    const result = runCli(['glossary', 'quantum']);
    expect(result).toEqual({ stdout: '', stderr: 'ml-tutor: glossary: no term matches "quantum"; "ml-tutor glossary" lists them all\n', code: 1 });
    const zh = runCli(['glossary', '量子', '--lang', 'zh']);
    expect(zh.code).toBe(1);
    expect(zh.stderr).toContain('没有和“量子”匹配的术语');
    const json = runCli(['glossary', 'quantum', '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual([]);
  });

  it('is in the help of both languages and completes from its first letters', () => {
    expect(runCli(['--help']).stdout).toContain('  glossary [options] [term]  ');
    expect(runCli(['--help', '--lang', 'zh']).stdout).toContain('课程的中英文术语表');
    expect(runCli(['__complete', '--', 'glo']).stdout).toBe('glossary\n');
  });

  it('is the same from its cache: a second run reads cache/glossary.json', () => {
    const home = tempDir();
    const first = runCli(['glossary'], { env: { ML_TUTOR_HOME: home } });
    expect(existsSync(join(home, 'cache', 'glossary.json'))).toBe(true);
    const second = runCli(['glossary'], { env: { ML_TUTOR_HOME: home } });
    expect(second).toEqual(first);
  });
});

describe('ml-tutor quiz --glossary', () => {
  const events = (stdout: string): Array<Record<string, unknown>> => stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);

  it('asks the terms of a scope in the reader language, takes the other language, and schedules them as cards', () => {
    const home = tempDir();
    const en = events(runCli(['quiz', '--glossary', 'deep-learning/1', '--porcelain', '--limit', '2'], { env: { ML_TUTOR_HOME: home }, input: '深度学习\nparameter\n' }).stdout);
    expect(en[0]).toEqual({ event: 'question', id: 'glossary/deep-learning', type: 'text', prompt: 'Glossary: what is the Chinese term for "deep learning"?' });
    expect(en[1]).toMatchObject({ event: 'result', id: 'glossary/deep-learning', correct: true, rating: 3 });
    expect(en[2]).toMatchObject({ event: 'question', id: 'glossary/parameter' });
    expect(en[3]).toMatchObject({ event: 'result', correct: false, expected: '参数', reread: 'ml-tutor read deep-learning/1 --section 1' });
    const log = readFileSync(join(home, 'events.jsonl'), 'utf8');
    expect(log).toContain('"card":"glossary/deep-learning"');
    // Answered Good, the card waits its 10-minute step: the next session starts with the one answered wrong.
    const zh = events(runCli(['quiz', '--glossary', 'deep-learning/1', '--porcelain', '--limit', '1', '--lang', 'zh'], { env: { ML_TUTOR_HOME: home, ML_TUTOR_NOW: '2026-03-01T09:02:00Z' }, input: 'PARAMETER\n' }).stdout);
    expect(zh[0]).toEqual({ event: 'question', id: 'glossary/parameter', type: 'text', prompt: '术语：“参数”的英文术语是什么？' });
    expect(zh[1]).toMatchObject({ event: 'result', correct: true });
  });

  it('suspends a glossary card not seen yet, and the quiz then leaves it out', () => {
    const home = tempDir();
    expect(runCli(['progress', 'suspend', 'glossary/deep-learning'], { env: { ML_TUTOR_HOME: home } }).code).toBe(0);
    const first = events(runCli(['quiz', '--glossary', 'deep-learning/1', '--porcelain', '--limit', '1'], { env: { ML_TUTOR_HOME: home }, input: 'quit\n' }).stdout)[0];
    expect(first).toMatchObject({ event: 'question', id: 'glossary/parameter' });
  });
});

describe('validate: glossary checks', () => {
  const pack = (body: string): string =>
    writeTree({
      'extra/topic.en.md': topicFile('extra'),
      'extra/topic.zh.md': topicFile('extra'),
      'extra/01-one.en.md': lessonFile({ id: 'extra/one' }),
      'extra/01-one.zh.md': lessonFile({ id: 'extra/one', lang: 'zh', body }),
    });

  it('reports a term glossed with other English than the course gives it, and a gloss that is not English, in both languages', () => {
    const dir = pack('## 一\n\n**注意力机制** (attention mechanism) 很重要。\n\n**损失** (见下文)\n');
    const en = runCli(['validate', dir]);
    expect(en.code).toBe(1);
    expect(en.stdout).toContain('extra/01-one.zh.md:10: glossary: "注意力机制" is glossed "attention mechanism" here but "attention" at ');
    expect(en.stdout).toContain('extra/01-one.zh.md:12: glossary: "损失 (见下文)" looks like a gloss but "见下文" is not an English term');
    const zh = runCli(['validate', dir, '--lang', 'zh']);
    expect(zh.stdout).toContain('extra/01-one.zh.md:10: glossary：“注意力机制”在这里注为“attention mechanism”');
  });

  it('accepts a pack that glosses as the course does', () => {
    expect(runCli(['validate', pack('## 一\n\n**注意力机制** (attention) 很重要。\n')]).code).toBe(0);
  });
});
