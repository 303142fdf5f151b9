// The terminal quiz's flow: skipping, quitting, "I guessed", cards that come back, near misses.

export const quizFlow = {
  quizCardHeading: (number: number, left: number, again: number, where: string) =>
    `Card ${number} · ${left} left${again > 0 ? ` + ${again} to repeat` : ''} · ${where}`,
  /** The result line of a card answered Again that comes back before the session ends. */
  quizAgainInSession: 'again later in this session',
  /** Under a typed answer's prompt. */
  quizTextKeys: 'Enter with no answer skips · Esc ends the quiz',
  quizSkipped: 'Skipped: nothing recorded.',
  quizGuessed: 'Again: I guessed',
  quizRateHint: 'press 1 if you guessed, else 2, 3 or 4 (Enter = Good)',
  /** A typed answer one letter away from an accepted one: the learner gets one more try. */
  quizNearMiss: 'Close: check the spelling (Enter again to submit it as it is)',
  quizNearMissResult: 'Close: one letter away from the answer.',
  quizMissed: (options: readonly number[]) => `You missed: ${options.join(', ')}`,
  quizWrongPicks: (options: readonly number[]) => `Should not be picked: ${options.join(', ')}`,
  quizStopped: 'Quiz ended.',
};
