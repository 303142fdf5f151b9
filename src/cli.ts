import { CommanderError, type Command } from 'commander';
import type { GlobalOptions } from './commands/context.js';
import { closestMatches } from './core/suggest.js';
import type { Messages } from './i18n/index.js';
import { standardError, standardOutput } from './io/std-streams.js';
import { buildProgram } from './program.js';

/**
 * Whether the learner reads Chinese (--lang, ML_TUTOR_LANG, config, locale), for error messages. An
 * unknown --lang is itself the error: it is then said in the language the learner reads without it.
 */
async function readsChinese(program: Command): Promise<boolean> {
  try {
    const [{ chooseLanguage }, { languageWithoutFlag }, { readConfig }, { dataDir }] = await Promise.all([
      import('./core/lang.js'),
      import('./core/lang-choice.js'),
      import('./io/config-store.js'),
      import('./io/paths.js'),
    ]);
    const config = readConfig(dataDir(process.env)).config.lang;
    try {
      return chooseLanguage({ flag: program.opts<GlobalOptions>().lang, config, env: process.env }).lang === 'zh';
    } catch {
      return languageWithoutFlag({ config, env: process.env }) === 'zh';
    }
  } catch {
    return false;
  }
}

/** The command's path as typed ("read", "progress undo"); empty for the program itself. */
function pathOf(command: Command): string {
  const names: string[] = [];
  for (let at: Command | null = command; at?.parent; at = at.parent) names.unshift(at.name());
  return names.join(' ');
}

/**
 * commander's usage error, said again from the tables so that it reads in the learner's language.
 * commander 14 (pinned) quotes what it names in its English text: '--foo', 'lesson', '--width <columns>'.
 */
function usageMessage(error: CommanderError, command: Command, t: Messages): string {
  const where = pathOf(command);
  const quoted = [...error.message.matchAll(/'([^']*)'/g)].map((match) => match[1]!);
  const named = quoted[0] ?? '';
  switch (error.code) {
    case 'commander.unknownOption': {
      const flags: string[] = [];
      for (let at: Command | null = command; at; at = at.parent) flags.push(...at.options.flatMap((option) => option.long ?? []));
      return t.usage.unknownOption(where, named) + (named.startsWith('--') ? t.didYouMean(closestMatches(named, flags, 1)) : '');
    }
    case 'commander.unknownCommand': {
      const names = command.commands.map((sub) => sub.name());
      return t.unknownCommand(`${where} ${named}`.trim(), closestMatches(named, names)[0], names);
    }
    case 'commander.missingArgument':
      return t.usage.missingArgument(where, `<${named}>`, `ml-tutor ${where} ${command.usage()}`);
    case 'commander.excessArguments':
      return t.usage.tooManyArguments(where, command.registeredArguments.length, Number(/got (\d+)/.exec(error.message)?.[1] ?? 0));
    case 'commander.optionMissingArgument': {
      const [flag = named, value = ''] = named.split(' ');
      return t.usage.missingValue(where, flag, value);
    }
    case 'commander.invalidArgument':
      // "option '--x <n>' argument 'v' is invalid." or "command-argument value 'v' is invalid for argument 'name'."
      return error.message.includes("option '")
        ? t.usage.invalidValue(where, named.split(' ')[0] ?? named, quoted[1] ?? '')
        : t.usage.invalidValue(where, `<${quoted[1] ?? ''}>`, named);
    default:
      return t.usage.other(where, `ml-tutor ${`${where} `.trimStart()}--help`);
  }
}

/** The one place that turns errors into exit codes: 1 user error, 2 usage, 130 interrupted (Ctrl-C), 70 a bug. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  // The command whose usage commander refused; its message is printed from our tables (below).
  let refused: Command = program;
  const overrideExit = (command: Command): void => {
    command.exitOverride();
    command.configureOutput({
      outputError: () => {
        refused = command;
      },
      // The same streams the commands use, so help in a pipe never builds process.stdout.
      writeOut: (text) => standardOutput().write(text),
      writeErr: (text) => standardError().write(text),
      getOutHelpWidth: () => standardOutput().columns ?? 80,
      getErrHelpWidth: () => 80,
      getOutHasColors: () => false,
      getErrHasColors: () => false,
    });
    command.commands.forEach(overrideExit);
  };
  overrideExit(program);
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
    }
    // Errors load the message tables only now: --help and --version never pay for them.
    const { UserError, messages } = await import('./core/errors.js');
    const t = messages((await readsChinese(program)) ? 'zh' : 'en');
    if (error instanceof CommanderError) {
      // Usage errors read like every other error: "ml-tutor: read: unknown option "--foo"".
      standardError().write(`ml-tutor: ${usageMessage(error, refused, t)}\n`);
      return 2;
    }
    if (error instanceof UserError) {
      const text = error.text(t);
      standardError().write(`${text.split('\n').map((line, index) => (index === 0 ? `ml-tutor: ${line}` : line)).join('\n')}\n`);
      return error.exitCode;
    }
    standardError().write(`ml-tutor: ${t.internalError((error as Error).message ?? String(error))}\n`);
    if (process.env.ML_TUTOR_DEBUG) standardError().write(`${(error as Error).stack}\n`);
    else standardError().write(`${t.bugHint}\n`);
    return 70;
  }
}

void main(process.argv).then((exitCode) => {
  // Exit at once rather than let Node tear its heap down page by page (measured: up to 10 ms on a
  // short command). Safe: all our output is written synchronously (src/io/std-streams.ts), and
  // every event is fsynced before its command returns.
  process.exit(exitCode);
});
