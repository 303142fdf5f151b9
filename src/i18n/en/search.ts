// `ml-tutor search`: what it says besides the hits themselves (src/commands/search.ts, src/ui/search-view.ts).

export const search = {
  noHits: (query: string) => `No lesson or question mentions "${query}". Try fewer words, a word's beginning, or --all-langs.`,
  more: (shown: number, total: number) => `${shown} of ${total} hits shown; --limit ${total} shows them all.`,
  noTerms: (query: string) => `search: "${query}" has no letters or digits to look for`,
};

// `ml-tutor completion` (src/commands/completion.ts).
export const completion = {
  unknownShell: (shell: string, shells: readonly string[]) => `completion: unknown shell "${shell}"; expected one of ${shells.join(', ')}`,
};
