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
