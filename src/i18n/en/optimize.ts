// `ml-tutor optimize` (src/commands/optimize.ts) and `progress undo` of what it saved.

export const optimize = {
  tooFew: (needed: number, have: number) =>
    `optimize needs at least ${needed} reviews made on a later day than the card's previous review (cram practice does not count); you have ${have}. Keep quizzing and try again later`,
  unavailable: (module: string, reason: string) =>
    `optimize: the FSRS optimizer (${module}) could not be loaded: ${reason}. Nothing else is affected: scheduling keeps its current weights`,
  notInstalled: 'it is not installed (an optional dependency: "npm install" in ml-tutor\'s folder installs it where a build exists for your system)',
  notFound: 'there is no such module',
  failed: (reason: string) => `optimize: the FSRS optimizer failed: ${reason}; nothing was saved`,
  fitted: (reviews: number) => `FSRS weights fitted to your history: ${reviews} reviews made on a later day than the card's previous one.`,
  headings: { weight: 'weight', current: 'current', fitted: 'fitted' },
  currentDefault: "current: FSRS-6's default weights",
  currentYours: (at: string) => `current: fitted by optimize on ${at}`,
  logLossTitle: 'Log loss on your history (how well the weights predict what you recalled; lower is better):',
  saved: 'Saved: scheduling uses the fitted weights from now on, and your whole history is replayed with them. "ml-tutor progress undo" goes back to the current ones.',
  dryRun: 'Not saved (--dry-run).',
  kept: 'Kept the current weights: the fitted ones do not predict your history better. Nothing was saved.',
  undone: (at: string, inForce: string) => `Undid the FSRS weights fitted on ${at}; scheduling uses ${inForce} again.`,
  defaultsName: "FSRS-6's default weights",
  fittedOn: (at: string) => `the weights fitted on ${at}`,
};
