import { parseNumberInput, describeProblem } from '../core/answer-input.js';
import { UsageError } from '../core/errors.js';
import { wrapLine } from '../core/wrap.js';
import { demoHelp, formatDemo, listDemos, runDemo, type DemoRun } from '../demos/index.js';
import { promptIo, renderWidth, session, warn, type CommandContext, type Session } from './context.js';

/**
 * `ml-tutor demo` lists the demos; `ml-tutor demo NAME [flags]` runs one and prints its working,
 * or with --json the result object (the stable contract), or with --help the demo's own flags.
 * With --predict on a terminal, the learner sees the inputs, guesses the key number, then sees the working.
 */
export async function demoCommand(context: CommandContext, argv: string[], generalHelp: () => string): Promise<void> {
  const current = session(context);
  const wantsHelp = argv.includes('--help') || argv.includes('-h');
  const json = argv.includes('--json');
  const rest = argv.filter((word) => word !== '--json' && word !== '--help' && word !== '-h');
  const name = rest[0];
  if (name === undefined) {
    context.stdout.write(wantsHelp ? generalHelp() : `${listDemos(current.choice.lang)}\n`);
    return;
  }
  if (name.startsWith('-')) throw new UsageError((t) => t.demoNameFirst(name));
  if (wantsHelp) {
    context.stdout.write(`${demoHelp(name, current.choice.lang)}\n`);
    return;
  }
  const run = runDemo(rest);
  if (json) {
    context.stdout.write(`${JSON.stringify({ demo: run.name, ...run.result }, null, 2)}\n`);
    return;
  }
  const guess = rest.includes('--predict') ? await askForGuess(context, run, current) : undefined;
  const text = formatDemo(run, { lang: current.choice.lang, color: current.color, width: renderWidth(context, undefined) });
  context.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  if (guess !== undefined && run.prediction) {
    const { answer, tolerance } = run.prediction;
    const shown = Number(answer.toPrecision(6)).toString();
    context.stdout.write(`\n${current.t.demoPredictVerdict(guess.text, shown, Math.abs(guess.value - answer) <= tolerance)}\n`);
  }
}

/** Ask for the key number before revealing it; only on a terminal (a pipe just gets the answer). */
async function askForGuess(context: CommandContext, run: DemoRun, current: Session): Promise<{ text: string; value: number } | undefined> {
  if (!run.prediction) {
    warn(context, current.t.demoPredictNothing);
    return undefined;
  }
  if (!context.stdinIsTTY || !context.stdout.isTTY) {
    warn(context, current.t.demoPredictNeedsTerminal);
    return undefined;
  }
  const lang = current.choice.lang;
  const given = run.prediction.given?.[lang];
  if (given !== undefined) {
    const width = renderWidth(context, undefined);
    const lines = given.split('\n').flatMap((line) => wrapLine(`  ${line}`, width));
    context.stdout.write([...lines, '', ''].join('\n'));
  }
  const prompts = await import('../ui/prompts.js');
  const validate = (value: string): string | undefined => {
    const parsed = parseNumberInput(value);
    return parsed.ok ? undefined : describeProblem(parsed.problem)[lang];
  };
  const io = promptIo(context, current);
  const text = (await prompts.askText(run.prediction.question[lang], validate, io)).trim();
  const parsed = parseNumberInput(text);
  return parsed.ok ? { text, value: parsed.value } : undefined;
}
