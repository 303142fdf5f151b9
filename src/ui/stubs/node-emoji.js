// Bundled in place of node-emoji (a large emoji table): we render with marked-terminal's `emoji: false`,
// so `:name:` shortcodes stay as written and the table is never consulted.
export function get() {
  return undefined;
}
