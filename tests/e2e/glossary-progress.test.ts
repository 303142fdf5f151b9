import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers.js';
import { readEvents } from './quiz-helpers.js';
import type { TopicStats } from '../../src/core/stats.js';

// The glossary's cards (quiz --glossary) in stats, on the home screen and in progress reset.

const events = (stdout: string): Array<Record<string, unknown>> => stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
const at = (home: string, now: string, extra: Record<string, string> = {}): Record<string, string> => ({ ML_TUTOR_HOME: home, ML_TUTOR_NOW: now, ...extra });

/** How many glossary cards the course has, from `glossary --json`: one per English term (its abbreviation left off), by slug. */
function glossaryCards(): number {
  const rows = JSON.parse(runCli(['glossary', '--json']).stdout) as Array<{ en: string }>;
  const slug = (en: string): string => en.replace(/ \([^)]*\)$/, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return new Set(rows.map((row) => slug(row.en))).size;
}

const topicsOf = (home: string, now: string): TopicStats[] => (JSON.parse(runCli(['stats', '--json'], { env: at(home, now) }).stdout) as { topics: TopicStats[] }).topics;

/** Two glossary terms answered at 09:00 on 2026-03-01: deep learning right (Good), parameter wrong (Again). */
function quizzedGlossary(): string {
  const home = tempDir();
  const answered = events(runCli(['quiz', '--glossary', 'deep-learning/1', '--porcelain', '--limit', '2'], { env: at(home, '2026-03-01T09:00:00Z'), input: '深度学习\nparameter\n' }).stdout);
  expect(answered.filter((line) => line.event === 'result').map((line) => [line.id, line.correct])).toEqual([
    ['glossary/deep-learning', true],
    ['glossary/parameter', false],
  ]);
  return home;
}

describe('glossary cards in stats and on the home screen', () => {
  const total = glossaryCards();

  it('are not counted, nor the glossary read, before the learner quizzes it', () => {
    const home = tempDir();
    events(runCli(['quiz', 'deep-learning/1', '--porcelain', '--limit', '1'], { env: at(home, '2026-03-01T09:00:00Z'), input: 'skip\nquit\n' }).stdout);
    expect(topicsOf(home, '2026-03-01T09:30:00Z').map((topic) => topic.topic)).toEqual(['deep-learning', 'nlp', 'rnn', 'attention']);
  });

  it('are one more entry of stats, after the topics, in --json and as text in both languages', () => {
    const home = quizzedGlossary();
    const topics = topicsOf(home, '2026-03-01T09:30:00Z');
    expect(total).toBeGreaterThan(80);
    // Both are in their (re)learning steps, due after 10 and 1 minutes: due now, not mastered.
    expect(topics.at(-1)).toEqual({ topic: 'glossary', total, seen: 2, mastered: 0, due_now: 2, retention: null, retention_reviews: 0 });
    expect(topics.find((topic) => topic.topic === 'deep-learning')).toMatchObject({ seen: 0, due_now: 0 });
    const text = runCli(['stats'], { env: at(home, '2026-03-01T09:30:00Z') }).stdout.split('\n');
    expect(text.find((line) => line.startsWith('Glossary'))).toMatch(new RegExp(`^Glossary +2/${total} +0 +2 +—$`));
    const zh = runCli(['stats', '--lang', 'zh'], { env: at(home, '2026-03-01T09:30:00Z') }).stdout.split('\n');
    expect(zh.find((line) => line.startsWith('术语表'))).toMatch(new RegExp(`^术语表 +2/${total} +0 +2 +—$`));
    // In the forecast too: today's two.
    expect((JSON.parse(runCli(['stats', '--json'], { env: at(home, '2026-03-01T09:30:00Z') }).stdout) as { forecast: number[] }).forecast[0]).toBe(2);
  });

  it('have a row on the home screen, and their due terms the command that reviews them, in both languages', () => {
    const home = quizzedGlossary();
    const en = runCli([], { env: at(home, '2026-03-01T09:30:00Z') }).stdout.split('\n');
    expect(en.find((line) => line.startsWith('  Glossary'))).toMatch(new RegExp(`^  Glossary +░{10}  terms 0/${total} mastered$`));
    expect(en).toContain('  2 glossary terms due → ml-tutor quiz --glossary');
    const zh = runCli(['--lang', 'zh'], { env: at(home, '2026-03-01T09:30:00Z') }).stdout.split('\n');
    expect(zh.find((line) => line.startsWith('  术语表'))).toMatch(new RegExp(`^  术语表 +░{10}  已掌握术语 0/${total}$`));
    expect(zh).toContain('  2 个术语待复习 → ml-tutor quiz --glossary');
  });
});

describe('progress reset and the glossary', () => {
  it('resets the glossary cards with --topic glossary (or a prefix of it), and only them; undo brings them back', () => {
    const home = quizzedGlossary();
    // One lesson card too, answered at 09:05: a reset of the glossary leaves it alone.
    const lesson = events(runCli(['quiz', 'deep-learning/1', '--porcelain', '--limit', '1', '--seed', '1'], { env: at(home, '2026-03-01T09:05:00Z'), input: '1\n' }).stdout);
    const lessonCard = lesson[0]!.id as string;
    const reset = runCli(['progress', 'reset', '--topic', 'glos', '--yes'], { env: at(home, '2026-03-01T09:30:00Z') });
    expect(reset.stdout).toBe('Reset the glossary terms (quiz --glossary): 2 cards are new again. Undo with "ml-tutor progress undo".\n');
    expect(readEvents(home).at(-1)).toMatchObject({ type: 'reset', scope: 'glossary' });
    const topics = topicsOf(home, '2026-03-01T09:31:00Z');
    expect(topics.at(-1)).toMatchObject({ topic: 'glossary', seen: 0, due_now: 0 });
    expect(topics.find((topic) => topic.topic === 'deep-learning')).toMatchObject({ seen: 1 });
    expect(lessonCard.startsWith('deep-learning/')).toBe(true);
    const undone = runCli(['progress', 'undo', '--lang', 'zh'], { env: at(home, '2026-03-01T09:32:00Z') });
    expect(undone.stdout).toBe('已撤销对术语表的卡片（quiz --glossary）的重置（2026-03-01 09:30）。\n');
    expect(topicsOf(home, '2026-03-01T09:33:00Z').at(-1)).toMatchObject({ topic: 'glossary', seen: 2 });
  });

  it('resets them with everything else when no topic is given, and says so in Chinese too', () => {
    const home = quizzedGlossary();
    const reset = runCli(['progress', 'reset', '--yes', '--lang', 'zh'], { env: at(home, '2026-03-01T09:30:00Z') });
    expect(reset.stdout).toBe('已重置全部：2 张卡片重新变为新卡。撤销请运行“ml-tutor progress undo”。\n');
    expect(topicsOf(home, '2026-03-01T09:31:00Z').at(-1)).toMatchObject({ topic: 'glossary', seen: 0 });
    const glossaryReset = runCli(['progress', 'reset', '--topic', 'glossary', '--yes', '--lang', 'zh'], { env: at(home, '2026-03-01T09:35:00Z') });
    expect(glossaryReset.stdout).toBe('已重置术语表的卡片（quiz --glossary）：0 张卡片重新变为新卡。撤销请运行“ml-tutor progress undo”。\n');
  });

  it('names glossary in the help of --topic and among the topics of an unknown one', () => {
    // Help wraps to the terminal: compare with the lines joined.
    const help = (lang: string): string => runCli(['progress', 'reset', '--help', '--lang', lang]).stdout.replace(/\s+/g, ' ');
    expect(help('en')).toContain('--topic <topic> only this topic, or glossary: the glossary terms of quiz --glossary');
    expect(help('zh').replace(/ /g, '')).toContain('只重置这个主题；写glossary则重置quiz--glossary的术语卡片');
    const unknown = runCli(['progress', 'reset', '--topic', 'glosary', '--yes']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('ml-tutor: unknown topic "glosary" (topics: deep-learning, nlp, rnn, attention, glossary)\nDid you mean "glossary"?\n');
  });
});
