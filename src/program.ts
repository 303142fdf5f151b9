/** The command line: commands, options and help text (commander). `src/cli.ts` runs it. */
import { Command, Option } from 'commander';
import { fileURLToPath } from 'node:url';
import packageJson from '../package.json' with { type: 'json' };
import { closestMatches } from './core/suggest.js';
import type { CommandContext, GlobalOptions } from './commands/context.js';
import { isTerminal, standardError, standardOutput } from './io/std-streams.js';

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
    page: async (text) => (await import('./ui/pager.js')).showInPager(text, process.env),
  };
}

/** commander reads a mistyped command as an argument of the home action: say what it is instead. */
async function unknownCommand(program: Command, name: string): Promise<Error> {
  const { UsageError } = await import('./core/errors.js');
  const names = program.commands.map((command) => command.name());
  const suggestion = closestMatches(name, names)[0];
  return new UsageError((t) => t.unknownCommand(name, suggestion, names));
}

function examples(lines: string[]): string {
  return `\nExamples:\n${lines.map((line) => `  $ ${line}`).join('\n')}\n`;
}

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('ml-tutor')
    .description('A terminal tutor for the foundations behind ChatGPT (deep learning, NLP, RNNs, attention), in English and Chinese.')
    .version(packageJson.version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .addOption(new Option('--lang <code>', 'language for lessons and messages: en or zh (default: config, then your locale)'))
    .option('--lessons <dir>', 'also load the lesson pack in DIR (repeatable)', collect)
    .option('--no-color', 'plain text without colour (NO_COLOR works too)')
    .showSuggestionAfterError(true)
    .configureHelp({ showGlobalOptions: true, sortSubcommands: false })
    .addHelpText(
      'after',
      `${examples(['ml-tutor                      # home: your progress and what to read next', 'ml-tutor list', 'ml-tutor read attention/2', 'ml-tutor next --lang zh', 'ml-tutor demo softmax --scores 2,1,0', 'ml-tutor quiz', 'ml-tutor stats'])}
Environment:
  ML_TUTOR_HOME   where progress is kept (default: $XDG_DATA_HOME/ml-tutor or ~/.local/share/ml-tutor)
  ML_TUTOR_NOW    an ISO date-time used as "now" (for testing)
  ML_TUTOR_LANG   en or zh; LANGUAGE / LANG are used when it is not set
  NO_COLOR        any value turns colour off; PAGER picks the pager (default: less -R)
`,
    )
    .allowExcessArguments(true)
    .action(async () => {
      if (program.args[0] === 'help') {
        // `ml-tutor help [command]`, as git and npm have it.
        const target = program.commands.find((command) => command.name() === program.args[1]);
        (target ?? program).outputHelp();
        return;
      }
      if (program.args.length > 0) throw await unknownCommand(program, program.args[0]!);
      const { homeCommand } = await import('./commands/home.js');
      await homeCommand(contextFor(program));
    });

  program
    .command('list')
    .description('topics and lessons, with what you have read')
    .argument('[topic]', 'only this topic (id or prefix)')
    .option('--json', 'machine-readable output')
    .addHelpText('after', examples(['ml-tutor list', 'ml-tutor list rnn', 'ml-tutor list --json --lang zh']))
    .action(async (topic: string | undefined, options: { json?: boolean }) => {
      const { listCommand } = await import('./commands/list.js');
      await listCommand(contextFor(program), topic, options);
    });

  const readOptions = (command: Command): Command =>
    command
      .option('--width <columns>', 'wrap to this many columns (default: terminal width, at most 100)')
      .option('--no-pager', 'print straight to the terminal, never through $PAGER');

  readOptions(
    program
      .command('read')
      .description('read a lesson; its demos run in place, and it is marked read')
      .argument('<lesson>', 'lesson id, unique prefix, or topic/number (attention/2)'),
  )
    .option('--outline', 'print the numbered list of sections only')
    .option('--section <n>', 'print only section N (or subsection N.M)')
    .addHelpText('after', examples(['ml-tutor read deep-learning/1', 'ml-tutor read attention/scaled --lang zh', 'ml-tutor read rnn/2 --outline', 'ml-tutor read rnn/2 --section 3 --no-pager']))
    .action(async (lesson: string, options: { width?: string; pager?: boolean; outline?: boolean; section?: string }) => {
      const { readCommand } = await import('./commands/read.js');
      await readCommand(contextFor(program), lesson, options);
    });

  readOptions(program.command('next').description('read the first lesson you have not read yet'))
    .addHelpText('after', examples(['ml-tutor next', 'ml-tutor next --lang zh --no-pager']))
    .action(async (options: { width?: string; pager?: boolean }) => {
      const { nextCommand } = await import('./commands/next.js');
      await nextCommand(contextFor(program), options);
    });

  const demo = program
    .command('demo')
    .description('list the numeric demos, or run one step by step (--json for the result)')
    .argument('[name]', 'demo to run')
    .argument('[flags...]', "the demo's own flags (see: ml-tutor demo NAME --help)")
    .helpOption(false)
    .allowUnknownOption()
    .addHelpText('after', examples(['ml-tutor demo', 'ml-tutor demo softmax --scores 1000,1001,1002', 'ml-tutor demo attention --mask causal --json', 'ml-tutor demo xor-mlp --help']))
    .action(async (_name: string | undefined, _flags: string[], _options: unknown, command: Command) => {
      const { demoCommand } = await import('./commands/demo.js');
      await demoCommand(contextFor(program), command.args, () => demo.helpInformation());
    });

  program
    .command('quiz')
    .description('a spaced-repetition session: due reviews first, then new cards; every answer is saved at once')
    .argument('[scope]', 'a topic (id or prefix) or a lesson (id, prefix or topic/number); default: everything')
    .option('--new <n>', 'new cards for this session, instead of what is left of today\'s allowance')
    .option('--limit <n>', 'at most N cards (due ones first)')
    .option('--cram', 'practise every card of the scope; logged, but schedules do not move')
    .option('--seed <n>', 'seed for option order and generated numbers (reproducible sessions)')
    .option('--porcelain', 'JSON lines on stdout, one answer per line on stdin (the default when stdin is not a terminal)')
    .addHelpText(
      'after',
      `${examples(['ml-tutor quiz', 'ml-tutor quiz attention', 'ml-tutor quiz rnn/2 --new 5', 'ml-tutor quiz deep-learning --cram --limit 10', 'printf "2\\nquit\\n" | ml-tutor quiz --porcelain --seed 1'])}
Porcelain protocol (one JSON object per line):
  out {"event":"question","id","type","prompt","options"?}
  in  an option number (multi: "1,3"), a number, the text, "skip" or "quit" (end of input = quit)
  out {"event":"result","id","correct","expected","rating","due","interval_days",...} once the answer is saved
  out {"event":"error","message"} for input that cannot be graded, then the same question again
  out {"event":"summary","answered","correct",...} at the end
`,
    )
    .action(async (scope: string | undefined, options: { new?: string; limit?: string; cram?: boolean; seed?: string; porcelain?: boolean }) => {
      const { quizCommand } = await import('./commands/quiz.js');
      await quizCommand(contextFor(program), scope, options);
    });

  program
    .command('stats')
    .description('mastery per topic, retention, streak and the due forecast')
    .option('--json', 'machine-readable output: {topics, streak, reviews_today, forecast}')
    .addHelpText('after', examples(['ml-tutor stats', 'ml-tutor stats --json']))
    .action(async (options: { json?: boolean }) => {
      const { statsCommand } = await import('./commands/stats.js');
      await statsCommand(contextFor(program), options);
    });

  const progress = program
    .command('progress')
    .description('undo, suspend, export, import or reset your quiz progress (every change is an event you can undo)')
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
  progress
    .command('undo')
    .description('undo the last review (or reset)')
    .action(async () => {
      const { progressUndo } = await import('./commands/progress.js');
      await progressUndo(contextFor(program));
    });
  progress
    .command('suspend')
    .description('keep a card out of the quiz until you unsuspend it')
    .argument('<card>', 'card (question) id, such as attention/why-scale')
    .action(async (card: string) => {
      const { progressSuspend } = await import('./commands/progress.js');
      await progressSuspend(contextFor(program), card, true);
    });
  progress
    .command('unsuspend')
    .description('put a suspended card back in the quiz')
    .argument('<card>', 'card (question) id')
    .action(async (card: string) => {
      const { progressSuspend } = await import('./commands/progress.js');
      await progressSuspend(contextFor(program), card, false);
    });
  progress
    .command('export')
    .description('write the progress log (events.jsonl) to FILE, or to stdout')
    .argument('[file]', 'where to write (written atomically); default: stdout')
    .option('--force', 'replace FILE if it exists')
    .action(async (file: string | undefined, options: { force?: boolean }) => {
      const { progressExport } = await import('./commands/progress.js');
      await progressExport(contextFor(program), file, options);
    });
  progress
    .command('import')
    .description('merge another progress log into yours, by event id (importing twice adds nothing)')
    .argument('<file>', 'an events.jsonl from "ml-tutor progress export"')
    .action(async (file: string) => {
      const { progressImport } = await import('./commands/progress.js');
      await progressImport(contextFor(program), file);
    });
  progress
    .command('reset')
    .description('forget quiz progress (all, or one topic); recorded as an event, so "progress undo" brings it back')
    .option('--topic <topic>', 'only this topic')
    .option('--yes', 'do not ask for confirmation (required when stdin is not a terminal)')
    .action(async (options: { topic?: string; yes?: boolean }) => {
      const { progressReset } = await import('./commands/progress.js');
      await progressReset(contextFor(program), options);
    });

  program
    .command('validate')
    .description('check lessons and quiz questions; each problem prints as path:line: message')
    .argument('[dir]', 'a lessons directory (default: the built-in lessons and any --lessons packs)')
    .option('--json', 'machine-readable output')
    .addHelpText('after', examples(['ml-tutor validate', 'ml-tutor validate ./my-pack']))
    .action(async (dir: string | undefined, options: { json?: boolean }) => {
      const { validateCommand } = await import('./commands/validate.js');
      await validateCommand(contextFor(program), dir, options);
    });

  program
    .command('config')
    .description('show or change settings: lang, new_per_day, desired_retention')
    .argument('[key]', 'setting to show or change')
    .argument('[value]', 'new value')
    .option('--unset', 'remove the setting (back to its default)')
    .option('--json', 'machine-readable output')
    .addHelpText('after', examples(['ml-tutor config', 'ml-tutor config lang zh', 'ml-tutor config new_per_day 20', 'ml-tutor config lang --unset']))
    .action(async (key: string | undefined, value: string | undefined, options: { json?: boolean; unset?: boolean }) => {
      const { configCommand } = await import('./commands/config.js');
      await configCommand(contextFor(program), key, value, options);
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
