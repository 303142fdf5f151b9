import { UsageError } from '../core/errors.js';
import { COMPLETION_SHELLS, completionScript, type CompletionShell } from '../ui/completion-scripts.js';
import type { CommandContext } from './context.js';

/** `ml-tutor completion bash|zsh|fish`: print the script that completes ml-tutor in that shell. */
export function completionCommand(context: CommandContext, shell: string): void {
  const name = shell.trim().toLowerCase();
  if (!(COMPLETION_SHELLS as readonly string[]).includes(name)) throw new UsageError((t) => t.completion.unknownShell(shell, COMPLETION_SHELLS));
  context.stdout.write(completionScript(name as CompletionShell));
}
