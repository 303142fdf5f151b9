/** The command line: commands, options and help text (commander). `src/cli.ts` runs it. */
import { Command, Option } from 'commander';
import { fileURLToPath } from 'node:url';
import packageJson from '../package.json' with { type: 'json' };
import { closestMatches } from './core/suggest.js';
import type { CommandContext, GlobalOptions } from './commands/context.js';
import { isTerminal, standardError, standardOutput } from './io/std-streams.js';
import { helpEn } from './i18n/help-en.js';
import { localizedHelp, shownHelp } from './program-help.js';

// Every command module is imported inside its action, so `--help` and `--version` load only this
// file and commander (shared/STYLE.md habit 5).

/** The package folder (lessons/ is in it), found when a command needs it: --help does not. */
const packageRoot = (): string => fileURLToPath(new URL('..', import.meta.url));

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function contextFor(program: Command): CommandContext {
  return {
    env: process.env,
    stdout: standardOutput(),
    stderr: standardError(),
    // Looked up only by the commands that ask (quiz, home's menu): building process.stdin costs start-up time.
    get stdinIsTTY() {
      return isTerminal(0);
    },
    get stdin() {
      return process.stdin;
    },
    packageRoot: packageRoot(),
    global: program.opts<GlobalOptions>(),
    page: async (text) => {
      const [{ showInPager }, { createPagerLog }] = await Promise.all([import('./ui/pager.js'), import('./io/pager-log.js')]);
      return showInPager(text, process.env, createPagerLog());
    },
  };
}

/** commander reads a mistyped command as an argument of the home action: say what it is instead. */
async function unknownCommand(program: Command, name: string): Promise<Error> {
  const { UsageError } = await import('./core/errors.js');
  const names = program.commands.map((command) => command.name());
  const suggestion = closestMatches(name, names)[0];
  return new UsageError((t) => t.unknownCommand(name, suggestion, names));
}

export function buildProgram(): Command {
  // Help text is written in English here (from the help table) and shown in the learner's language:
  // see localizedHelp. What is added after a command's help is a function, so it is built then too.
  const h = helpEn;
  const examples = (lines: string[]): (() => string) => () => `\n${shownHelp().examples}\n${lines.map((line) => `  $ ${line}`).join('\n')}\n`;
  const program = new Command();
  program
    .name('ml-tutor')
    .description(h.program)
    .version(packageJson.version, '-V, --version', h.version)
    .helpOption('-h, --help', h.help)
    .addOption(new Option('--lang <code>', h.lang))
    .option('--lessons <dir>', h.lessons, collect)
    .option('--no-color', h.noColor)
    .showSuggestionAfterError(true)
    .configureHelp({ showGlobalOptions: true, sortSubcommands: false, ...localizedHelp })
    .addHelpText(
      'after',
      () => `${examples([`ml-tutor                      # ${shownHelp().homeExample}`, 'ml-tutor list', 'ml-tutor read attention/2', 'ml-tutor next --lang zh', 'ml-tutor demo softmax --scores 2,1,0', 'ml-tutor quiz', 'ml-tutor stats'])()}
${shownHelp().environment}
`,
    )
    .allowExcessArguments(true)
    .action(async () => {
      if (program.args[0] === 'help') {
        // `ml-tutor help [command]`, as git and npm have it.
        const name = program.args[1];
        const target = program.commands.find((command) => command.name() === name);
        // `help foo` is a mistyped command, said as `ml-tutor foo` says it (exit 2), not the whole help.
        if (name !== undefined && !target) throw await unknownCommand(program, name);
        (target ?? program).outputHelp();
        return;
      }
      if (program.args.length > 0) throw await unknownCommand(program, program.args[0]!);
      const { homeCommand } = await import('./commands/home.js');
      await homeCommand(contextFor(program));
    });

  program
    .command('list')
    .description(h.list.description)
    .argument('[topic]', h.list.topic)
    .option('--json', h.json)
    .addHelpText('after', examples(['ml-tutor list', 'ml-tutor list rnn', 'ml-tutor list --json --lang zh']))
    .action(async (topic: string | undefined, options: { json?: boolean }) => {
      const { listCommand } = await import('./commands/list.js');
      await listCommand(contextFor(program), topic, options);
    });

  const readOptions = (command: Command): Command => command.option('--width <columns>', h.width).option('--no-pager', h.noPager);

  readOptions(
    program
      .command('read')
      .description(h.read.description)
      .argument('<lesson>', h.read.lesson),
  )
    .option('--outline', h.read.outline)
    .option('--section <n>', h.read.section)
    .addHelpText('after', examples(['ml-tutor read deep-learning/1', 'ml-tutor read attention/scaled --lang zh', 'ml-tutor read rnn/2 --outline', 'ml-tutor read rnn/2 --section 3 --no-pager']))
    .action(async (lesson: string, options: { width?: string; pager?: boolean; outline?: boolean; section?: string }) => {
      const { readCommand } = await import('./commands/read.js');
      await readCommand(contextFor(program), lesson, options);
    });

  readOptions(program.command('next').description(h.next.description))
    .addHelpText('after', examples(['ml-tutor next', 'ml-tutor next --lang zh --no-pager']))
    .action(async (options: { width?: string; pager?: boolean }) => {
      const { nextCommand } = await import('./commands/next.js');
      await nextCommand(contextFor(program), options);
    });

  program
    .command('search')
    .description(h.search.description)
    .argument('<words...>', h.search.words)
    .option('--all-langs', h.search.allLangs)
    .option('--limit <n>', h.search.limit)
    .option('--json', h.json)
    .addHelpText('after', () => `${examples(['ml-tutor search attention', 'ml-tutor search vanishing gradient --limit 5', h.search.zhExample, 'ml-tutor search softmax --all-langs --json'])()}\n${shownHelp().search.ranking}\n`)
    .action(async (words: string[], options: { json?: boolean; allLangs?: boolean; limit?: string }) => {
      const { searchCommand } = await import('./commands/search.js');
      await searchCommand(contextFor(program), words, options);
    });

  program.command('glossary').description(h.glossary.description).argument('[term]', h.glossary.term).option('--alpha', h.glossary.alpha).option('--json', h.json)
    .addHelpText('after', () => `${examples(['ml-tutor glossary', 'ml-tutor glossary attention', h.glossary.zhExample, 'ml-tutor glossary --alpha --json'])()}\n${shownHelp().glossary.notes}\n`)
    .action(async (term: string | undefined, options: { json?: boolean; alpha?: boolean }) => (await import('./commands/glossary.js')).glossaryCommand(contextFor(program), term, options));

  const demo = program
    .command('demo')
    .description(h.demo.description)
    .argument('[name]', h.demo.name)
    .argument('[flags...]', h.demo.flags)
    .helpOption(false)
    .allowUnknownOption()
    .addHelpText('after', examples(['ml-tutor demo', 'ml-tutor demo softmax --scores 1000,1001,1002', 'ml-tutor demo attention --mask causal --json', 'ml-tutor demo xor-mlp --help']))
    .action(async (_name: string | undefined, _flags: string[], _options: unknown, command: Command) => {
      const { demoCommand } = await import('./commands/demo.js');
      await demoCommand(contextFor(program), command.args, () => demo.helpInformation());
    });

  program
    .command('quiz')
    .description(h.quiz.description)
    .argument('[scope]', h.quiz.scope)
    .option('--new <n>', h.quiz.new)
    .option('--limit <n>', h.quiz.limit)
    .option('--cram', h.quiz.cram).option('--seed <n>', h.quiz.seed)
    .option('--porcelain', h.quiz.porcelain).option('--glossary', h.quiz.glossary)
    .addHelpText(
      'after',
      () => `${examples(['ml-tutor quiz', 'ml-tutor quiz attention', 'ml-tutor quiz rnn/2 --new 5', 'ml-tutor quiz deep-learning --cram --limit 10', 'ml-tutor quiz --glossary', 'printf "2\\nquit\\n" | ml-tutor quiz --porcelain --seed 1'])()}
${shownHelp().quiz.protocol}
`,
    )
    .action(async (scope: string | undefined, options: { new?: string; limit?: string; cram?: boolean; seed?: string; porcelain?: boolean; glossary?: boolean }) => {
      const { quizCommand } = await import('./commands/quiz.js');
      await quizCommand(contextFor(program), scope, options);
    });

  program
    .command('stats')
    .description(h.stats.description)
    .option('--json', h.stats.json)
    .addHelpText('after', examples(['ml-tutor stats', 'ml-tutor stats --json']))
    .action(async (options: { json?: boolean }) => {
      const { statsCommand } = await import('./commands/stats.js');
      await statsCommand(contextFor(program), options);
    });

  program.command('optimize').description(h.optimize.description).option('--dry-run', h.optimize.dryRun).option('--json', h.optimize.json)
    .addHelpText('after', () => `${examples(['ml-tutor optimize', 'ml-tutor optimize --dry-run --json', 'ml-tutor progress undo'])()}\n${shownHelp().optimize.notes}\n`)
    .action(async (options: { dryRun?: boolean; json?: boolean }) => (await import('./commands/optimize.js')).optimizeCommand(contextFor(program), options));

  const progress = program
    .command('progress')
    .description(h.progress.description)
    .addHelpText(
      'after',
      examples([
        'ml-tutor progress undo',
        'ml-tutor progress suspend attention/why-scale',
        'ml-tutor progress export backup.jsonl',
        'ml-tutor progress import other-machine.jsonl',
        'ml-tutor progress reset --topic rnn --yes',
      ]),
    );
  progress.command('undo').description(h.progress.undo).action(async () => (await import('./commands/progress.js')).progressUndo(contextFor(program)));
  progress
    .command('suspend')
    .description(h.progress.suspend)
    .argument('<card>', h.progress.suspendCard)
    .action(async (card: string) => {
      const { progressSuspend } = await import('./commands/progress.js');
      await progressSuspend(contextFor(program), card, true);
    });
  progress
    .command('unsuspend')
    .description(h.progress.unsuspend)
    .argument('<card>', h.progress.card)
    .action(async (card: string) => {
      const { progressSuspend } = await import('./commands/progress.js');
      await progressSuspend(contextFor(program), card, false);
    });
  progress
    .command('export')
    .description(h.progress.export)
    .argument('[file]', h.progress.exportFile)
    .option('--force', h.progress.force)
    .action(async (file: string | undefined, options: { force?: boolean }) => {
      const { progressExport } = await import('./commands/progress.js');
      await progressExport(contextFor(program), file, options);
    });
  progress
    .command('import')
    .description(h.progress.import)
    .argument('<file>', h.progress.importFile)
    .action(async (file: string) => {
      const { progressImport } = await import('./commands/progress.js');
      await progressImport(contextFor(program), file);
    });
  progress
    .command('reset')
    .description(h.progress.reset)
    .option('--topic <topic>', h.progress.topic)
    .option('--yes', h.progress.yes)
    .action(async (options: { topic?: string; yes?: boolean }) => {
      const { progressReset } = await import('./commands/progress.js');
      await progressReset(contextFor(program), options);
    });

  program
    .command('validate')
    .description(h.validate.description)
    .argument('[dir]', h.validate.dir)
    .option('--json', h.json)
    .addHelpText('after', examples(['ml-tutor validate', 'ml-tutor validate ./my-pack']))
    .action(async (dir: string | undefined, options: { json?: boolean }) => {
      const { validateCommand } = await import('./commands/validate.js');
      await validateCommand(contextFor(program), dir, options);
    });

  program
    .command('config')
    .description(h.config.description)
    .argument('[key]', h.config.key)
    .argument('[value]', h.config.value)
    .option('--unset', h.config.unset)
    .option('--json', h.json)
    .addHelpText('after', examples(['ml-tutor config', 'ml-tutor config lang zh', 'ml-tutor config new_per_day 20', 'ml-tutor config lang --unset', 'ml-tutor config sync_dir ~/Dropbox/ml-tutor', 'ml-tutor config sync_dir', 'ml-tutor config sync_dir off']))
    .action(async (key: string | undefined, value: string | undefined, options: { json?: boolean; unset?: boolean }) => {
      const { configCommand } = await import('./commands/config.js');
      await configCommand(contextFor(program), key, value, options);
    });

  program
    .command('completion')
    .description(h.completion.description)
    .argument('<shell>', h.completion.shell)
    .addHelpText('after', () => `${examples(['ml-tutor completion bash', 'ml-tutor completion fish > ~/.config/fish/completions/ml-tutor.fish'])()}\n${shownHelp().completion.install}\n`)
    .action(async (shell: string) => {
      const { completionCommand } = await import('./commands/completion.js');
      completionCommand(contextFor(program), shell);
    });

  // What the completion scripts call at each Tab: `__complete -- WORDS…` (src/commands/complete.ts). Not listed in help.
  program
    .command('__complete', { hidden: true })
    .argument('[words...]')
    .helpOption(false)
    .allowUnknownOption()
    .action(async (words: string[]) => {
      const { completeCommand } = await import('./commands/complete.js');
      await completeCommand(contextFor(program), program, words);
    });

  // The home action accepts stray words only to answer them with "unknown command"; commands
  // created after it inherited that, and must refuse extra arguments (`config lang zh extra`).
  const refuseExtra = (command: Command): void => {
    command.commands.forEach((sub) => {
      sub.allowExcessArguments(false);
      refuseExtra(sub);
    });
  };
  refuseExtra(program);
  return program;
}
