import { describe, expect, it } from 'vitest';
import { codeCacheKey } from '../../src/core/code-cache-key.js';

describe('codeCacheKey: which saved code cache a command line uses', () => {
  it.each([
    [[], 'home'],
    [['--help'], 'help'],
    [['-h'], 'help'],
    [['--version'], 'help'],
    [['list'], 'list'],
    [['list', '--json'], 'list'],
    [['--lang', 'zh', 'read', 'rnn/2'], 'read'],
    [['--lessons', 'list', 'quiz'], 'quiz'], // "list" is the value of --lessons here
    [['--no-color', 'stats'], 'stats'],
    [['progress', 'undo'], 'progress'],
    [['lisst'], 'home'], // a typo runs the home action's "unknown command"
    [['help', 'read'], 'help'],
    [['search', 'attention', '--all-langs'], 'search'],
    [['completion', 'bash'], 'completion'],
    [['__complete', '--', 'read', '--help'], '__complete'], // a Tab after --help is not help
  ])('%j -> %s', (argv, key) => {
    expect(codeCacheKey(argv)).toBe(key);
  });
});
