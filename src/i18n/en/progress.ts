// The home screen's progress per topic, and what is said when an event's time is refused (a
// simulated clock, ML_TUTOR_NOW, must not put its answers in a real progress log).

export const homeProgress = {
  homeMenuFirstQuiz: (count: number) => `Take a first quiz: ${count} new card${count === 1 ? '' : 's'}`,
  homeMenuNewCards: (count: number) => `Learn ${count} new card${count === 1 ? '' : 's'} (nothing is due)`,
  homeTopicProgress: (read: number, lessons: number, mastered: number, cards: number) =>
    cards > 0 ? `read ${read}/${lessons} · cards ${mastered}/${cards} mastered` : `read ${read}/${lessons}`,
  homeMasteredMeans: 'mastered: you should still recall it in three weeks (FSRS stability ≥ 21 days)',
};

export const eventTime = {
  eventInFuture: (at: string, clock: string) =>
    `ML_TUTOR_NOW is ${at}, later than the real clock (${clock}): nothing was written, so simulated answers stay out of your progress log. To write them, set ML_TUTOR_SIMULATE=1 (best with a separate ML_TUTOR_HOME)`,
  eventBeforeNewest: (at: string, newest: string) =>
    `ML_TUTOR_NOW is ${at}, before the newest event in your progress log (${newest}): nothing was written, so your history keeps its order. To write anyway, set ML_TUTOR_SIMULATE=1`,
};
