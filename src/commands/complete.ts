import type { Command } from 'commander';
import { completions, type CommandSpec, type CompletionSources, type ValueKind } from '../core/complete.js';
import { CONFIG_KEYS } from '../core/config.js';
import { LANGS } from '../core/topics.js';
import { pathsStartingWith } from '../io/path-complete.js';
import { COMPLETION_SHELLS } from '../ui/completion-scripts.js';
import { loadCatalog, type CommandContext } from './context.js';

// Completion is dynamic: the shell script calls `ml-tutor __complete WORDS…` at each Tab, and the
// candidates come from the commander program itself and from the lessons as loaded now. So a new
// command or flag, and the lessons of a --lessons pack, complete with no change to the script (a
// static script would go stale at each release and know nothing of packs). It must stay fast: it
// loads commander (already loaded), the lesson header cache when a lesson is asked for, and the
// demos only for `demo`; never the renderer, the prompts or the scheduler.

/** What each positional argument is, by `command [sub] argument-name`; anything else completes nothing. */
const ARG_KINDS: Readonly<Record<string, ValueKind>> = {
  'list topic': 'topic',
  'read lesson': 'lesson',
  'quiz scope': 'scope',
  'demo name': 'demo',
  'validate dir': 'path',
  'config key': 'configKey',
  'config value': 'configValue',
  'progress export file': 'path',
  'progress import file': 'path',
  'completion shell': 'shell',
};
/** What an option's value is, by its long name. */
const OPTION_KINDS: Readonly<Record<string, ValueKind>> = { '--lang': 'lang', '--lessons': 'path', '--topic': 'resetTopic' };

/** The command tree as completion sees it (internal commands, named `__…`, left out). */
export function commandSpec(command: Command, path: string[] = []): CommandSpec {
  const options = command.options
    .filter((option) => !option.hidden)
    .map((option) => {
      const names = [option.long, option.short].filter((name): name is string => Boolean(name));
      return { names, takesValue: option.required || option.optional, values: OPTION_KINDS[option.long ?? ''] ?? 'none' };
    });
  options.push({ names: ['--help'], takesValue: false, values: 'none' });
  const args = command.registeredArguments.map((argument) => ARG_KINDS[[...path, argument.name()].join(' ')] ?? 'none');
  const subcommands = command.commands
    .filter((sub) => !sub.name().startsWith('__'))
    .map((sub) => commandSpec(sub, [...path, sub.name()]));
  // `ml-tutor help read` is the program's own action (src/program.ts), not a commander command.
  if (path.length === 0) subcommands.push({ name: 'help', options: [], args: ['command'], variadic: false, subcommands: [] });
  return { name: command.name(), options, args, variadic: command.registeredArguments.at(-1)?.variadic ?? false, subcommands };
}

/** The --lessons packs named on the line being completed, so their lessons complete too. */
function packsOnLine(words: readonly string[]): string[] {
  return words.flatMap((word, index) => (word === '--lessons' && index + 1 < words.length - 1 ? [words[index + 1]!] : word.startsWith('--lessons=') ? [word.slice(10)] : []));
}

/** `ml-tutor __complete WORDS…`: the candidates for the last word, one a line. */
export async function completeCommand(context: CommandContext, program: Command, words: string[]): Promise<void> {
  const lessonContext: CommandContext = { ...context, global: { ...context.global, lessons: [...(context.global.lessons ?? []), ...packsOnLine(words)] } };
  let catalog: ReturnType<typeof loadCatalog> | undefined;
  const loaded = (): ReturnType<typeof loadCatalog> => (catalog ??= loadCatalog(lessonContext));
  const sources: CompletionSources = {
    lessons: () => {
      const lessons = loaded().lessons;
      return { refs: lessons.map((entry) => `${entry.topic}/${entry.number}`), ids: lessons.map((entry) => entry.id) };
    },
    topics: () => loaded().topics.map((topic) => topic.id),
    demos: async () => (await import('../demos/index.js')).DEMOS.map((demo) => demo.name),
    demoFlags: async (name) => (await import('../demos/index.js')).demoFlagNames(name),
    configKeys: () => Object.keys(CONFIG_KEYS),
    configValues: (key, word) => (key === 'lang' ? [...LANGS] : key === 'sync_dir' ? ['off', ...pathsStartingWith(word, process.cwd())] : []),
    langs: () => [...LANGS],
    shells: () => [...COMPLETION_SHELLS],
    paths: (prefix) => pathsStartingWith(prefix, process.cwd()),
  };
  let candidates: string[];
  try {
    candidates = await completions(commandSpec(program), words, sources);
  } catch {
    candidates = []; // a broken pack or config: no candidates, never an error under the cursor
  }
  if (candidates.length > 0) context.stdout.write(`${candidates.join('\n')}\n`);
}
