// The home screen (bare `ml-tutor`): progress per topic, what to do next, the menu and the command hints.

export const home = {
  homeProgress: 'Your progress',
  homeNext: 'Next lesson',
  homeLastRead: 'Last read',
  homeAllRead: 'You have read every lesson. Quiz yourself to keep it: ml-tutor quiz',
  homeStart: 'Start here',
  homeMenuPrompt: 'What next?',
  homeMenuRead: (title: string) => `Read the next lesson: ${title}`,
  homeMenuQuiz: (due: number) => `Review ${due} due card${due === 1 ? '' : 's'}`,
  homeMenuFirstQuiz: (count: number) => `Take a first quiz: ${count} new card${count === 1 ? '' : 's'}`,
  homeMenuNewCards: (count: number) => `Learn ${count} new card${count === 1 ? '' : 's'} (nothing is due)`,
  homeTopicProgress: (read: number, lessons: number, mastered: number, cards: number) =>
    cards > 0 ? `read ${read}/${lessons} · cards ${mastered}/${cards} mastered` : `read ${read}/${lessons}`,
  homeMasteredMeans: 'mastered: you should still recall it in three weeks (FSRS stability ≥ 21 days)',
  homeMenuBrowse: 'Pick a lesson to read',
  homeMenuPickLesson: 'Which lesson?',
  homeMenuQuit: 'Quit',
  homeCommands: 'Commands',
  homeHintList: 'every topic and lesson',
  homeHintRead: 'read a lesson (id, prefix or topic/number)',
  homeHintNext: 'read the first unread lesson',
  homeHintHelp: 'all commands and flags',
  homeReviewsDue: (count: number) => `${count} review${count === 1 ? '' : 's'} due`,
  homeContinue: 'Continue where you left off',
  homeHintQuiz: 'review the cards that are due',
};
