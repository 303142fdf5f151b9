/** Commands whose runs the build saves a cache for; anything else (typos, no command) counts as home. */
const COMMANDS = new Set(['list', 'read', 'next', 'demo', 'quiz', 'stats', 'progress', 'validate', 'config', 'search', 'completion', '__complete', 'help']);

/** Which cache a command line uses: its command word, `help` for --help/--version. */
export function codeCacheKey(argv: string[]): string {
  for (let index = 0; index < argv.length; index += 1) {
    const word = argv[index]!;
    if (word === '--help' || word === '-h' || word === '--version' || word === '-V') return 'help';
    if (word === '--lang' || word === '--lessons') index += 1; // skip the option's value
    else if (!word.startsWith('-')) return COMMANDS.has(word) ? word : 'home';
  }
  return 'home';
}
