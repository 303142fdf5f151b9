import type { CommandContext } from '../../src/commands/context.js';

export interface FakeOutput {
  text: string;
  isTTY: boolean;
  columns: number;
  rows: number;
  write(text: string): boolean;
}

/** A command's outside world for tests: stdout collected in `out.text`, a terminal or a pipe. */
export function fakeContext(options: { env: NodeJS.ProcessEnv; tty: boolean; packageRoot: string; global?: CommandContext['global']; columns?: number }): { context: CommandContext; out: FakeOutput } {
  const out: FakeOutput = {
    text: '',
    isTTY: options.tty,
    columns: options.columns ?? 80,
    rows: 500,
    write(text: string) {
      this.text += text;
      return true;
    },
  };
  const context: CommandContext = {
    env: options.env,
    stdout: out,
    stderr: { write: () => true },
    stdinIsTTY: options.tty,
    packageRoot: options.packageRoot,
    global: options.global ?? {},
  };
  return { context, out };
}
