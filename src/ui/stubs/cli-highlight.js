// Bundled in place of cli-highlight (highlight.js with every grammar: ~100 ms at start-up).
// Lessons show formulas and diagrams in plain code blocks, which we render ourselves; a block with a
// language is shown in one colour, which keeps `read` fast.
export function highlight(code) {
  return code;
}
