import { CommanderError, type Command } from 'commander';
import type { GlobalOptions } from './commands/context.js';
import { standardError, standardOutput } from './io/std-streams.js';
import { buildProgram } from './program.js';

/** Whether the learner reads Chinese (--lang, ML_TUTOR_LANG, config, locale), for error messages. */
async function readsChinese(program: Command): Promise<boolean> {
  try {
    const [{ chooseLanguage }, { readConfig }, { dataDir }] = await Promise.all([
      import('./core/lang.js'),
      import('./io/config-store.js'),
      import('./io/paths.js'),
    ]);
    const config = readConfig(dataDir(process.env)).config.lang;
    return chooseLanguage({ flag: program.opts<GlobalOptions>().lang, config, env: process.env }).lang === 'zh';
  } catch {
    return false;
  }
}

/** The one place that turns errors into exit codes: 1 user error, 2 usage, 130 interrupted (Ctrl-C), 70 a bug. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  const overrideExit = (command: Command): void => {
    command.exitOverride();
    // Usage errors read like every other error: "ml-tutor: unknown option '--jsno'".
    command.configureOutput({
      outputError: (text, write) => write(`ml-tutor: ${text.replace(/^error: /, '')}`),
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
      // commander has already printed its message (with a "did you mean" where it has one).
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
      return 2;
    }
    // Errors load the message tables only now: --help and --version never pay for them.
    const { UserError, messages } = await import('./core/errors.js');
    const t = messages((await readsChinese(program)) ? 'zh' : 'en');
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
