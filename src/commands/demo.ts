import { UsageError } from '../core/errors.js';
import { demoHelp, formatDemo, listDemos, runDemo } from '../demos/index.js';
import { renderWidth, session, type CommandContext } from './context.js';

/**
 * `ml-tutor demo` lists the demos; `ml-tutor demo NAME [flags]` runs one and prints its working,
 * or with --json the result object (the stable contract), or with --help the demo's own flags.
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
  if (name.startsWith('-')) throw new UsageError(`demo: expected a demo name before the flags, got "${name}" (run "ml-tutor demo" for the list)`);
  if (wantsHelp) {
    context.stdout.write(`${demoHelp(name, current.choice.lang)}\n`);
    return;
  }
  const run = runDemo(rest);
  if (json) {
    context.stdout.write(`${JSON.stringify({ demo: run.name, ...run.result }, null, 2)}\n`);
    return;
  }
  const text = formatDemo(run, { lang: current.choice.lang, color: current.color, width: renderWidth(context, undefined) });
  context.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}
