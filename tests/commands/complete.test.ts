import { describe, expect, it } from 'vitest';
import { completions, type CompletionSources } from '../../src/core/complete.js';
import { commandSpec } from '../../src/commands/complete.js';
import { buildProgram } from '../../src/program.js';

// The real command tree (from the commander program) with made-up lessons, demos and files.
const sources: CompletionSources = {
  lessons: () => ({ refs: ['rnn/1', 'rnn/2', 'attention/1', 'attention/2'], ids: ['rnn/recurrent-units', 'rnn/bptt', 'attention/why', 'attention/scaled-dot-product'] }),
  topics: () => ['deep-learning', 'nlp', 'rnn', 'attention'],
  demos: () => ['softmax', 'sampling', 'rnn', 'attention'],
  demoFlags: (name) => (name === 'softmax' ? ['--scores', '--temperature', '--json', '--help'] : []),
  configKeys: () => ['lang', 'new_per_day', 'desired_retention'],
  configValues: (key) => (key === 'lang' ? ['en', 'zh'] : []),
  langs: () => ['en', 'zh'],
  shells: () => ['bash', 'zsh', 'fish'],
  paths: (prefix) => ['pack/', 'progress.jsonl'].filter((path) => path.startsWith(prefix)),
};
const root = commandSpec(buildProgram());
const complete = (line: string) => completions(root, line.split(' '), sources);

describe('completions (the words after ml-tutor; the last one is being typed)', () => {
  it.each([
    { line: 're', expected: ['read'] },
    { line: 's', expected: ['search', 'stats'] },
    { line: 'read rn', expected: ['rnn/1', 'rnn/2'] },
    { line: 'read attention/sc', expected: ['attention/scaled-dot-product'] },
    { line: 'read rnn/1 ', expected: [] },
    { line: 'demo so', expected: ['softmax'] },
    { line: 'demo softmax --sc', expected: ['--scores'] },
    { line: 'list a', expected: ['attention'] },
    { line: 'quiz att', expected: ['attention'] },
    { line: 'quiz attention/', expected: ['attention/1', 'attention/2'] },
    { line: 'progress ', expected: ['undo', 'suspend', 'unsuspend', 'export', 'import', 'reset'] },
    { line: 'progress reset --topic r', expected: ['rnn'] },
    { line: 'progress export p', expected: ['pack/', 'progress.jsonl'] },
    { line: 'config ', expected: ['lang', 'new_per_day', 'desired_retention'] },
    { line: 'config lang ', expected: ['en', 'zh'] },
    { line: 'config new_per_day ', expected: [] },
    { line: '--lang ', expected: ['en', 'zh'] },
    { line: '--lang zh re', expected: ['read'] },
    { line: 'read --lang z', expected: ['zh'] },
    { line: 'completion ', expected: ['bash', 'zsh', 'fish'] },
    { line: 'completion f', expected: ['fish'] },
    { line: 'validate pa', expected: ['pack/'] },
    { line: '--ver', expected: ['--version'] },
    { line: 'h', expected: ['help'] },
    { line: 'help pro', expected: ['progress'] },
  ])('ml-tutor $line<Tab> -> $expected', async ({ line, expected }) => {
    expect(await complete(line)).toEqual(expected);
  });

  it('offers a command\'s own flags, then the global ones, never the hidden __complete', async () => {
    expect(await complete('quiz --')).toEqual(['--new', '--limit', '--cram', '--seed', '--porcelain', '--glossary', '--help', '--lang', '--lessons', '--no-color']);
    expect(await complete('search --')).toEqual(['--all-langs', '--limit', '--json', '--help', '--lang', '--lessons', '--no-color']);
    expect(await complete('')).not.toContain('__complete');
    expect(await complete('')).toEqual(expect.arrayContaining(['list', 'read', 'search', 'glossary', 'completion', 'progress', 'config']));
  });

  it('skips option values and -- when counting arguments', async () => {
    expect(await complete('quiz --limit 5 rn')).toEqual(['rnn']);
    expect(await complete('config -- la')).toEqual(['lang']);
  });
});
