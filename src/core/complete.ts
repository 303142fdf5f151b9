/**
 * Shell completion, as data: given the command tree (read from the commander program, so a new
 * command or flag completes without a change here) and the words typed so far, the candidates for
 * the last word. The shell scripts (src/ui/completion-scripts.ts) call `ml-tutor __complete` with
 * the words and show what it prints. Values that depend on the data (lesson ids, topics, demo names)
 * come from `sources`, asked only when needed, so most completions never read a lesson file.
 */

import { GLOSSARY_TOPIC } from './topics.js';

/** What a positional argument or an option's value is, for completion. */
export type ValueKind = 'command' | 'lesson' | 'topic' | 'resetTopic' | 'scope' | 'demo' | 'configKey' | 'configValue' | 'lang' | 'shell' | 'path' | 'none';

export interface OptionSpec {
  /** Every spelling: `--limit`, `-h`. */
  names: string[];
  takesValue: boolean;
  values: ValueKind;
}

export interface CommandSpec {
  name: string;
  options: OptionSpec[];
  /** Positional arguments in order; the last may repeat. */
  args: ValueKind[];
  variadic: boolean;
  subcommands: CommandSpec[];
}

type Values = string[] | Promise<string[]>;

export interface CompletionSources {
  /** `rnn/1` style references, then full ids. */
  lessons: () => { refs: string[]; ids: string[] } | Promise<{ refs: string[]; ids: string[] }>;
  topics: () => Values;
  demos: () => Values;
  /** A demo's own flags (`--scores`), for `demo NAME --`. */
  demoFlags: (name: string) => Values;
  configKeys: () => Values;
  /** Allowed values of a config key (lang: en, zh; sync_dir: off and folders), starting with `word` or not. */
  configValues: (key: string, word: string) => Values;
  langs: () => Values;
  /** The shells `completion` has a script for. */
  shells: () => Values;
  /** Files and folders whose path starts with the word (folders end with /). */
  paths: (prefix: string) => Values;
}

async function values(kind: ValueKind, word: string, sources: CompletionSources, context: { configKey?: string | undefined; root: CommandSpec }): Promise<string[]> {
  switch (kind) {
    case 'command':
      return context.root.subcommands.map((command) => command.name);
    case 'lesson': {
      const { refs, ids } = await sources.lessons();
      const byRef = refs.filter((ref) => ref.startsWith(word));
      // `rn` offers rnn/1, rnn/2…; `attention/sc` matches no number, so the full ids.
      return byRef.length > 0 ? byRef : ids.filter((id) => id.startsWith(word));
    }
    case 'topic':
      return sources.topics();
    case 'resetTopic':
      // progress reset --topic: a topic, or the glossary's cards.
      return [...(await sources.topics()), GLOSSARY_TOPIC];
    case 'scope': {
      const topics = await sources.topics();
      // A topic as typed so far, then its lessons once a `/` follows (or nothing else matches).
      return topics.some((topic) => topic.startsWith(word)) && !word.includes('/') ? topics : values('lesson', word, sources, context);
    }
    case 'demo':
      return sources.demos();
    case 'configKey':
      return sources.configKeys();
    case 'configValue':
      return context.configKey === undefined ? [] : sources.configValues(context.configKey, word);
    case 'lang':
      return sources.langs();
    case 'shell':
      return sources.shells();
    case 'path':
      return sources.paths(word);
    case 'none':
      return [];
  }
}

function findOption(options: readonly OptionSpec[], word: string): OptionSpec | undefined {
  const name = word.split('=')[0]!;
  return options.find((option) => option.names.includes(name));
}

/**
 * Candidates for the last of `words` (the words after the program's name; the last is the one
 * being completed, '' for a new word), each starting with it, without duplicates.
 */
export async function completions(root: CommandSpec, words: readonly string[], sources: CompletionSources): Promise<string[]> {
  const current = words[words.length - 1] ?? '';
  let command = root;
  const positionals: string[] = [];
  let awaiting: OptionSpec | undefined;
  let onlyPositionals = false;
  for (const word of words.slice(0, -1)) {
    if (awaiting) {
      awaiting = undefined;
      continue;
    }
    if (!onlyPositionals && word === '--') onlyPositionals = true;
    else if (!onlyPositionals && word.startsWith('-')) {
      const option = findOption([...command.options, ...root.options], word);
      if (option?.takesValue && !word.includes('=')) awaiting = option;
    } else {
      const sub = positionals.length === 0 ? command.subcommands.find((candidate) => candidate.name === word) : undefined;
      if (sub) command = sub;
      else positionals.push(word);
    }
  }
  let candidates: string[];
  if (awaiting) candidates = await values(awaiting.values, current, sources, { root });
  else if (current.startsWith('-') && !onlyPositionals) {
    const own = command.options.flatMap((option) => option.names.filter((name) => name.startsWith('--')));
    if (command.args[0] === 'demo' && positionals[0] !== undefined) own.push(...(await sources.demoFlags(positionals[0])));
    // The program's own options that work after a command too (--lang, --lessons, --no-color).
    const global = command === root ? [] : root.options.flatMap((option) => option.names.filter((name) => name.startsWith('--') && name !== '--version' && name !== '--help'));
    candidates = [...own, ...global];
  } else {
    const index = positionals.length;
    const kind = index < command.args.length ? command.args[index]! : command.variadic ? command.args[command.args.length - 1] : undefined;
    const subcommands = index === 0 ? command.subcommands.map((sub) => sub.name) : [];
    candidates = [...subcommands, ...(kind ? await values(kind, current, sources, { configKey: positionals[0], root }) : [])];
  }
  return [...new Set(candidates.filter((candidate) => candidate.startsWith(current)))];
}
