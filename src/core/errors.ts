/**
 * Errors a person caused (bad input, unknown lesson, a broken lesson file). The one handler in
 * `src/cli.ts` prints `message` as is, on stderr, without a stack trace, and exits with `exitCode`.
 * Helpers throw; only cli.ts exits.
 */
export class UserError extends Error {
  readonly exitCode: number = 1;
  /**
   * @param message the English text
   * @param chinese the same in Chinese, printed instead when the learner reads Chinese
   */
  constructor(
    message: string,
    readonly chinese?: string,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/** Bad usage of the command line itself (unknown flag, malformed flag value): exit code 2. */
export class UsageError extends UserError {
  override readonly exitCode: number = 2;
  constructor(message: string, chinese?: string) {
    super(message, chinese);
    this.name = 'UsageError';
  }
}

/** A problem found in a file, located by path and 1-based line, printed as `path:line: message`. */
export interface Problem {
  path: string;
  line: number;
  message: string;
}

export function formatProblem(problem: Problem): string {
  return `${problem.path}:${problem.line}: ${problem.message}`;
}

/**
 * The learner pressed Ctrl-C at a prompt: exit code 130 (128 + SIGINT), with a calm one-line message.
 * Thrown only after every answer already given is on disk.
 */
export class InterruptedError extends UserError {
  override readonly exitCode: number = 130;
  constructor(message = 'interrupted') {
    super(message);
    this.name = 'InterruptedError';
  }
}
