/**
 * The shell completion scripts `ml-tutor completion SHELL` prints. Each only collects the words on
 * the command line and asks `ml-tutor __complete -- WORDS…` for the candidates (see
 * src/commands/complete.ts for why completion is dynamic); the `--` keeps the words from being read
 * as ml-tutor's own options. Folders are completed without a trailing space, so one can go on typing.
 */

export const COMPLETION_SHELLS = ['bash', 'zsh', 'fish'] as const;
export type CompletionShell = (typeof COMPLETION_SHELLS)[number];

const BASH = `# ml-tutor completion for bash. Install: source <(ml-tutor completion bash)
_ml_tutor_complete() {
  local line
  COMPREPLY=()
  # One candidate a line, read as is (no word splitting or globbing of file names).
  while IFS= read -r line; do COMPREPLY+=("$line"); done < <(ml-tutor __complete -- "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null)
  if [[ \${#COMPREPLY[@]} -eq 1 && \${COMPREPLY[0]} == */ ]]; then compopt -o nospace 2>/dev/null; fi
  return 0
}
complete -F _ml_tutor_complete ml-tutor
`;

const ZSH = `#compdef ml-tutor
# ml-tutor completion for zsh. Install: source <(ml-tutor completion zsh)  (after compinit)
_ml_tutor() {
  local -a candidates
  candidates=("\${(@f)$(ml-tutor __complete -- "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  candidates=(\${candidates:#})
  (( \${#candidates} )) || return 1
  local -a folders others
  folders=(\${(M)candidates:#*/})
  others=(\${candidates:#*/})
  (( \${#others} )) && compadd -Q -- "\${others[@]}"
  (( \${#folders} )) && compadd -Q -S '' -- "\${folders[@]}"
  return 0
}
if (( $+functions[compdef] )); then compdef _ml_tutor ml-tutor; fi
`;

const FISH = `# ml-tutor completion for fish. Install: ml-tutor completion fish > ~/.config/fish/completions/ml-tutor.fish
function __ml_tutor_complete
    set -l words (commandline -opc)
    set -l current (commandline -ct)
    # Quoted, an empty list is one empty word: the new word being completed.
    ml-tutor __complete -- $words[2..-1] "$current" 2>/dev/null
end
complete -c ml-tutor -f -a '(__ml_tutor_complete)'
`;

export function completionScript(shell: CompletionShell): string {
  switch (shell) {
    case 'bash':
      return BASH;
    case 'zsh':
      return ZSH;
    case 'fish':
      return FISH;
  }
}
