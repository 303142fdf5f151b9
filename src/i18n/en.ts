import { generated } from './en/generated.js';
import { home } from './en/home.js';
import { usage } from './en/usage.js';
import { eventTime, homeProgress } from './en/progress.js';
import { completion, search } from './en/search.js';
import { glossary } from './en/glossary.js';
import { optimize } from './en/optimize.js';
import { log, problem } from './en/validate.js';
import { steps } from './en/steps.js';
import { quizFlow } from './en/quiz.js';
import { sync } from './en/sync.js';
import { fsReason } from './en/files.js';

/** Why a flag's text is not a number (src/demos/flags.ts). */
export type BadNumber = 'empty' | 'not-finite' | 'too-large' | 'not-a-number';

/** What a number flag accepts (src/demos/flags.ts). */
export interface NumberRange {
  min?: number;
  max?: number;
  /** min itself is not allowed (for "must be positive"). */
  exclusiveMin?: boolean;
  integer?: boolean;
}

/** "1 column", "2 columns": a count with its noun, singular for exactly one. */
function count(value: number, singular: string, plural = `${singular}s`): string {
  return `${value} ${value === 1 ? singular : plural}`;
}

/** " (did you mean a or b?)" after a flag or demo name, or nothing. */
function orHint(names: readonly string[]): string {
  return names.length > 0 ? ` (did you mean ${names.join(' or ')}?)` : '';
}

/** "--a", "--a and --b", "--a, --b and --c". */
function flagList(names: readonly string[]): string {
  const flags = names.map((name) => `--${name}`);
  return flags.length <= 1 ? (flags[0] ?? '') : `${flags.slice(0, -1).join(', ')} and ${flags[flags.length - 1] ?? ''}`;
}

function describeRange(range: NumberRange): string {
  const kind = range.integer ? 'an integer' : 'a number';
  if (range.min !== undefined && range.max !== undefined) {
    return `${kind} ${range.exclusiveMin ? 'above' : 'from'} ${range.min} ${range.exclusiveMin ? 'up to' : 'to'} ${range.max}`;
  }
  if (range.min !== undefined) return `${kind} ${range.exclusiveMin ? '>' : '≥'} ${range.min}`;
  if (range.max !== undefined) return `${kind} ≤ ${range.max}`;
  return kind;
}

/** Interface strings in English. Every key here must exist in zh.ts (checked by the type). */
export const en = {
  /** The table's own language, for messages core built in both (`problem.message[t.lang]`). */
  lang: 'en' as 'en' | 'zh',
  appTagline: 'learn the foundations behind ChatGPT, one small idea at a time',
  minutes: (count: number) => `${count} min`,
  readCount: (read: number, total: number) => `${read}/${total} read`,
  lessonOf: (topic: string, number: number, total: number) => `${topic} · lesson ${number} of ${total}`,
  objectives: 'After this lesson you can:',
  prerequisites: (lessons: ReadonlyArray<{ title: string; ref: string | undefined }>) =>
    `Read first: ${lessons.map(({ title, ref }) => (ref ? `${title} (${ref})` : title)).join(', ')}`,
  noLessonsInTopic: 'no lessons yet',
  nextAllRead: 'You have read every lesson. Run "ml-tutor list" to pick one to read again.',
  demoHeading: 'Demo',
  quizHeading: 'Check yourself',
  quizHint: (command: string) => `Answer it in the quiz: ${command}`,
  footerNext: 'Next: ',
  footerQuiz: 'Quiz this lesson: ',
  footerLast: 'This is the last lesson. Review with: ml-tutor quiz',
  outlineTitle: (title: string) => `Outline of "${title}"`,
  fallbackNote: (lesson: string, wanted: string) => `note: ${lesson} has no ${wanted} version yet; showing English`,
  validateOk: (lessons: number, questions: number) =>
    `${lessons} lesson${lessons === 1 ? '' : 's'} and ${questions} question${questions === 1 ? '' : 's'} checked: no problems.`,
  validateProblems: (count: number) => `${count} problem${count === 1 ? '' : 's'} found.`,
  configAboutLang: (langs: readonly string[]) => `interface and lesson language (${langs.join(' or ')}); unset = from the locale`,
  configAboutNewPerDay: 'new quiz cards introduced per day (0-1000)',
  configAboutRetention: 'the probability of recall the scheduler aims for (0.70-0.99)',
  optionTrue: 'True',
  optionFalse: 'False',
  configUnset: '(not set)',
  configDefault: '(default)',
  intervalUnit: (value: number, unit: 'minute' | 'hour' | 'day' | 'month' | 'year') =>
    `${value}${{ minute: 'm', hour: 'h', day: 'd', month: 'mo', year: 'y' }[unit]}`,
  promptMore: '(more below: ↓)',
  promptKeys: { navigate: 'navigate', select: 'select', submit: 'submit', all: 'all', invert: 'invert', skip: 'skip', quit: 'quit' } as Readonly<Record<string, string>>,
  ratingName: { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' },
  quizHeader: (due: number, fresh: number) => `Quiz: ${due} due, ${fresh} new`,
  quizCramHeader: (count: number) => `Cram: ${count} card${count === 1 ? '' : 's'} (practice; schedules do not change)`,
  quizNothingDue: 'Nothing to review right now.',
  quizNextDue: (when: string) => `Next review due in ${when}.`,
  quizNewLimit: 'No new cards left for today. "ml-tutor quiz --new 5" adds more; "ml-tutor quiz --cram" practises anyway.',
  quizNoCards: 'There are no quiz questions here yet.',
  quizYourAnswer: 'Your answer',
  quizPickAtLeastOne: 'pick at least one option (space to tick, Enter to submit)',
  quizPickAll: 'Your answer (pick every correct option)',
  demoPredictNeedsTerminal: 'note: --predict asks for your guess on a terminal; showing the answer straight away',
  demoPredictNothing: 'note: this demo has no single number to predict; showing the answer',
  demoPredictVerdict: (guess: string, answer: string, close: boolean) =>
    close ? `Your guess ${guess} is right: the answer is ${answer}.` : `Your guess was ${guess}; the answer is ${answer}. Read the working above to see where they part.`,
  quizTypeNumber: 'Your answer (a number, such as 0.25 or 1/3)',
  quizRate: 'Right! How well did you know it?',
  quizRight: '✓ Right',
  quizWrong: '✗ Not quite',
  quizExpected: (answer: string) => `Answer: ${answer}`,
  quizWhyNot: (option: number, why: string) => `Why not ${option}: ${why}`,
  quizNext: (interval: string) => `next review in ${interval}`,
  quizCramNote: 'practice: the schedule is unchanged',
  quizReread: (command: string) => `Reread: ${command}`,
  quizLeech: (card: string, command: string) =>
    `"${card}" has been forgotten many times, so it is suspended for now. Reread ${command}, then run "ml-tutor progress unsuspend ${card}".`,
  quizSummary: (answered: number, correct: number, skipped: number) =>
    `Session done: ${answered} answered, ${correct} right${skipped > 0 ? `, ${skipped} skipped` : ''}.`,
  quizNotSaved: (card: string, saved: number, reason: string) =>
    `your answer to ${card} was not saved: ${reason}. The session stopped; the ${saved} answer${saved === 1 ? '' : 's'} before it ${saved === 1 ? 'is' : 'are'} saved.`,
  quizInterrupted: (saved: number) => `quiz stopped; ${saved} answer${saved === 1 ? '' : 's'} saved`,
  quizGeneratorFailed: (card: string, reason: string) => `warning: skipping "${card}": its numbers could not be drawn (${reason})`,
  quizBrokenBlocks: (lessons: number) =>
    `warning: ${lessons} lesson${lessons === 1 ? ' has' : 's have'} quiz questions with errors; those questions are skipped (run "ml-tutor validate")`,
  quizFallback: (count: number, lang: string) =>
    `note: ${count} lesson${count === 1 ? ' has' : 's have'} no ${lang} version yet; ${count === 1 ? 'its' : 'their'} questions are in English`,
  statsTopic: 'Topic',
  statsSeen: 'Seen',
  statsMastered: 'Mastered',
  statsDue: 'Due',
  statsRetention: 'Retention (30 d)',
  statsStreak: (days: number) => `Streak: ${days} day${days === 1 ? '' : 's'}`,
  statsReviewsToday: (count: number) => `Reviews today: ${count}`,
  statsForecast: 'Due in the next 14 days',
  statsToday: 'today',
  statsNoData: 'No reviews yet: start with "ml-tutor quiz".',
  undoReview: (card: string, rating: string, at: string) => `Undid your review of "${card}" (${rating}, ${at}).`,
  undoReset: (scope: string, at: string) => `Undid the reset of ${scope} (${at}).`,
  scopeTopic: (topic: string) => `topic "${topic}"`,
  scopeGlossary: 'the glossary terms (quiz --glossary)',
  scopeAll: 'everything',
  suspendDone: (card: string) => `Suspended "${card}": the quiz will not show it until you unsuspend it.`,
  unsuspendDone: (card: string) => `Unsuspended "${card}": it is back in the quiz.`,
  alreadySuspended: (card: string) => `"${card}" is already suspended.`,
  notSuspended: (card: string) => `"${card}" is not suspended.`,
  exportDone: (count: number, path: string) => `Exported ${count} line${count === 1 ? '' : 's'} to ${path}.`,
  importDone: (added: number, present: number) =>
    `Imported ${added} new event${added === 1 ? '' : 's'}${present > 0 ? ` (${present} already present)` : ''}.`,
  resetQuestion: (scope: string) => `Forget the quiz progress of ${scope}? (you can undo it with "ml-tutor progress undo")`,
  resetDone: (scope: string, cards: number) =>
    `Reset ${scope}: ${cards} card${cards === 1 ? ' is' : 's are'} new again. Undo with "ml-tutor progress undo".`,
  resetCancelled: 'Nothing was reset.',
  answerEmpty: 'type an answer',
  answerNotOption: (count: number, input: string) => `expected an option number from 1 to ${count}, got "${input}"`,
  answerNotOptions: (count: number, input: string) => `expected option numbers from 1 to ${count} separated by commas, such as "1,3"; got "${input}"`,
  answerNotTrueFalse: (input: string) => `expected true or false (or 1 or 2), got "${input}"`,
  answerNotNumber: (input: string) => `expected a number such as 0.25 or 1/3, got "${input}"`,
  answerDecimalComma: (input: string) => `expected a number with a dot for decimals and no thousands separator, such as 1.5; got "${input}"`,
  answerZeroDenominator: (input: string) => `"${input}" divides by zero; expected a number such as 0.25 or 1/3`,
  answerWrongCount: (expected: number, got: number, input: string) =>
    `expected ${expected} numbers separated by spaces, such as "0.5 -1${expected > 2 ? ' 2' : ''}"; got ${got} in "${input}"`,
  // Errors (src/core/errors.ts): cli.ts prints them in the learner's language, after "ml-tutor: ".
  internalError: (message: string) => `internal error: ${message}`,
  bugHint: 'This is a bug in ml-tutor; run again with ML_TUTOR_DEBUG=1 for details.',
  warning: (text: string) => `warning: ${text}`,
  inFile: (path: string, text: string) => `${path}: ${text}`,
  configNotObject: 'expected a JSON object; using the defaults',
  configUnknownIgnored: (key: string) => `unknown setting "${key}" ignored`,
  configValueIgnored: (reason: string) => `${reason}; using the default`,
  configNotJson: (path: string, line: number) => `${path}:${line}: not valid JSON; fix it or delete the file`,
  configDefaultsUsed: (problem: string) => `${problem} (using the defaults)`,
  notJson: 'not valid JSON',
  interrupted: 'interrupted',
  didYouMean: (names: readonly string[]) => (names.length > 0 ? `\nDid you mean ${names.map((name) => `"${name}"`).join(' or ')}?` : ''),
  fileProblems: (lines: readonly string[]) => lines.join('\n'),
  unknownCommand: (name: string, suggestion: string | undefined, names: readonly string[]) =>
    `unknown command "${name}"${suggestion ? `\nDid you mean "${suggestion}"?` : `\nCommands: ${names.join(', ')}`}`,
  langUnknown: (langs: readonly string[], given: string) => `--lang: expected one of ${langs.join(', ')}, got "${given}"`,
  badNow: (value: string) => `ML_TUTOR_NOW: expected an ISO date-time like 2026-03-01T09:00:00Z, got "${value}"`,
  badWidth: (value: string) => `--width: expected a whole number from 20 to 1000, got "${value}"`,
  flagWholeNumber: (flag: string, max: number, value: string) => `${flag}: expected a whole number from 0 to ${max}, got "${value}"`,
  notUtf8: (path: string, line: number) => `${path}:${line}: not valid UTF-8 text (save the file as UTF-8)`,
  fsReason,
  cannotRead: (path: string, reason: string) => `cannot read ${path}: ${reason}`,
  cannotWrite: (path: string, reason: string) => `cannot write ${path}: ${reason}`,
  cannotCreateDataDir: (home: string, reason: string) => `cannot create the data directory ${home}: ${reason} (set ML_TUTOR_HOME to a writable directory)`,
  cannotWriteProgress: (path: string, reason: string, hint: boolean) =>
    `cannot write progress to ${path}: ${reason}${hint ? ' (set ML_TUTOR_HOME to a writable directory)' : ''}`,
  cannotReadProgress: (path: string, reason: string) => `cannot read progress from ${path}: ${reason}`,
  noLessonsDir: (label: string, dir: string) => `${label}: no such lessons directory: ${dir}`,
  notMarkedRead: (reason: string) => `${reason}; the lesson is not marked read`,
  progressNotSaved: (home: string, reason: string) => `progress is not being saved: the data directory ${home} cannot be used (${reason}); set ML_TUTOR_HOME to a writable directory`,
  fileSkipped: (problem: string) => `${problem} (file skipped)`,
  moreFilesSkipped: (count: number) => `… and ${count} more unusable lesson file${count === 1 ? '' : 's'} (run "ml-tutor validate" for the list)`,
  noLessonsFound: (dir: string, example: string) => `${dir}: no lessons found (expected <topic>/NN-slug.<lang>.md files, e.g. ${example})`,
  topicAmbiguous: (query: string, names: readonly string[]) => `topic "${query}" is ambiguous: it could be ${names.join(', ')}`,
  unknownTopic: (query: string, ids: readonly string[]) => `unknown topic "${query}" (topics: ${ids.join(', ')})`,
  lessonNumberMissing: (topic: string, number: number, range: string | undefined) =>
    `"${topic}" has no lesson ${number} (its lessons are numbered ${range ?? 'none'}; see "ml-tutor list ${topic}")`,
  lessonAmbiguous: (query: string, names: readonly string[]) => `lesson "${query}" is ambiguous: it could be ${names.join(', ')}`,
  topicNotLesson: (query: string, topic: string) => `"${query}" is a topic, not a lesson: name a lesson like "${topic}/1", or run "ml-tutor list ${topic}"`,
  unknownLesson: (query: string) => `unknown lesson "${query}"`,
  seeListLessons: '\nSee "ml-tutor list" for every lesson.',
  unknownScope: (query: string) => `unknown topic or lesson "${query}"`,
  seeListScopes: '\nSee "ml-tutor list" for every topic and lesson.',
  sectionMissing: (lesson: string, number: string, top: number) => `--section: "${lesson}" has no section ${number} (it has sections 1-${top}; see --outline)`,
  langMissingVariant: (lang: string, lesson: string, available: readonly string[]) =>
    `--lang ${lang}: "${lesson}" has no ${lang} version (it exists in: ${available.join(', ')})`,
  porcelainNoInput: 'quiz --porcelain needs answers on standard input',
  retentionRange: (value: number) => `desired retention must be a number between 0 and 1, such as 0.9; got ${value}`,
  configLangBad: (langs: readonly string[], raw: string) => `config lang: expected one of ${langs.join(', ')}, got "${raw}"`,
  configNewPerDayBad: (raw: string) => `config new_per_day: expected a whole number from 0 to 1000, got "${raw}"`,
  configRetentionBad: (raw: string) => `config desired_retention: expected a number from 0.70 to 0.99, got "${raw}"`,
  unknownSetting: (key: string, keys: readonly string[]) => `unknown setting "${key}" (settings: ${keys.join(', ')})`,
  configNameSetting: 'config: name the setting to change, e.g. "ml-tutor config lang zh" or "ml-tutor config lang --unset"',
  configValueAndUnset: (name: string) => `config ${name}: give a value or --unset, not both`,
  nothingToUndo: 'nothing to undo: there are no reviews, resets or fitted FSRS weights in your progress yet',
  unknownCard: (card: string) => `unknown card "${card}"`,
  notRegularFile: (path: string) => `${path} is not a regular file`,
  exportExists: (file: string) => `${file} already exists; add --force to replace it`,
  importCollision: (where: string, id: string) => `${where}: event ${id} is already in your progress with different content; nothing was imported`,
  importNotLog: (first: string, more: number) =>
    `${first}${more > 0 ? ` (and ${more} more bad line${more === 1 ? '' : 's'})` : ''}: not a progress log, nothing was imported`,
  resetNeedsYes: 'progress reset: add --yes to confirm (there is no terminal to ask on); nothing was reset',
  demoNameFirst: (name: string) => `demo: expected a demo name before the flags, got "${name}" (run "ml-tutor demo" for the list)`,
  demoMissingName: (names: readonly string[]) => `missing demo name (one of ${names.join(', ')})`,
  demoUnknown: (name: string, near: readonly string[]) => `unknown demo "${name}"${orHint(near)}`,
  // Demo flags (src/demos): each names the flag first.
  flagUnexpected: (token: string) => `unexpected argument "${token}" (flags start with --)`,
  flagUnknown: (name: string, near: readonly string[]) => `unknown flag --${name}${orHint(near)}`,
  flagTwice: (name: string) => `--${name}: given more than once`,
  flagNoValue: (name: string) => `--${name}: takes no value`,
  flagMissingValue: (name: string, value: string) => `--${name}: missing value (expected ${value})`,
  flagBadEntry: (flag: string, row: number | undefined, entry: number, problem: BadNumber, text: string) =>
    `--${flag}: ${row === undefined ? `entry ${entry}` : `row ${row} entry ${entry}`} ${
      { empty: 'is empty', 'not-finite': `is "${text}", not a finite number`, 'too-large': `is "${text}", too large to be a finite number`, 'not-a-number': `is "${text}", not a number` }[problem]
    }`,
  matrixEmpty: (flag: string) => `--${flag}: empty matrix`,
  matrixTooManyRows: (flag: string, rows: number, max: number) => `--${flag}: ${count(rows, 'row')}, at most ${max} allowed`,
  matrixTooManyColumns: (flag: string, columns: number, max: number) => `--${flag}: ${count(columns, 'column')}, at most ${max} allowed`,
  matrixEmptyRow: (flag: string, row: number) => `--${flag}: row ${row} is empty`,
  matrixRaggedRow: (flag: string, row: number, entries: number, width: number) => `--${flag}: row ${row} has ${count(entries, 'entry', 'entries')}, expected ${width}`,
  vectorNotOneRow: (flag: string, rows: number) => `--${flag}: expected one row (a vector), got ${count(rows, 'row')}`,
  scalarOutOfRange: (flag: string, range: NumberRange, text: string) => `--${flag}: expected ${describeRange(range)}, got "${text}"`,
  choiceUnknown: (flag: string, choices: readonly string[], text: string, near: readonly string[]) =>
    `--${flag}: expected ${choices.join(', ')}; got "${text}"${orHint(near)}`,
  overflow: (flags: readonly string[]) =>
    `${flags.length > 0 ? `${flagList(flags)}: ` : ''}the numbers are too large to compute with (a result overflowed); use smaller values`,
  rnnWxWidth: (columns: number, entries: number) =>
    `--wx: ${count(columns, 'column')}, but each --inputs row has ${count(entries, 'entry', 'entries')} (W_x is d_h × d_in)`,
  rnnWhShape: (rows: number, columns: number, hidden: number) => `--wh: ${rows}×${columns}, expected ${hidden}×${hidden} (d_h × d_h, d_h = rows of --wx)`,
  rnnVectorSize: (flag: string, entries: number, hidden: number) => `--${flag}: ${count(entries, 'entry', 'entries')}, expected ${hidden} (d_h = rows of --wx)`,
  vocabTooMany: (words: number, max: number) => `--vocab: ${words} words, at most ${max} allowed`,
  vocabEmptyWord: (index: number) => `--vocab: word ${index} is empty`,
  vocabTwice: (word: string) => `--vocab: "${word}" appears twice (each word must differ)`,
  vocabOnlyOne: (word: string) => `--vocab: only one word, "${word}"; at least 2 are needed to compare`,
  labelTooWide: (flag: string, label: string, width: number, max: number) => `--${flag}: "${label}" is ${width} columns wide, at most ${max} allowed`,
  wordNotInVocab: (flag: string, word: string, near: readonly string[], vocab: readonly string[]) =>
    `--${flag}: "${word}" is not in the vocabulary${orHint(near)}; --vocab is ${vocab.join(',')}`,
  otherSameWord: (word: string) => `--other: "${word}" is the same word as --word; pick a different one`,
  tokensCount: (tokens: number, scores: number) => `--tokens: ${count(tokens, 'token')}, but --scores has ${scores} (one label per score)`,
  tokenEmpty: (index: number) => `--tokens: token ${index} is empty`,
  tokenTwice: (token: string) => `--tokens: "${token}" appears twice (each label must differ)`,
  dModelOdd: (given: string) => `--d-model: expected an even number (sin and cos come in pairs), got "${given}"`,
  wordUnknown: (flag: string, word: string, near: readonly string[], total: number) =>
    `--${flag}: unknown word "${word}"${orHint(near)}; see --list for the ${total} words`,
  wordModesExclusive: (flag: string) => `--${flag}: use only one of --similar, --analogy, --list`,
  analogyCount: (given: number) => `--analogy: expected three words a,b,c (computes a − b + c), got ${given}`,
  analogyMissing: '--analogy: expected three words a,b,c',
  cosineLengths: (b: number, a: number) => `--b: ${count(b, 'entry', 'entries')}, but --a has ${a} (the vectors must have the same length)`,
  zeroVector: (flag: string) => `--${flag}: the zero vector has no direction, so no cosine`,
  vectorUnderflow: (flag: string) => `--${flag}: the numbers are too small to compute with (‖${flag}‖² underflowed to 0); use larger values`,
  keysWidth: (keys: number, query: number) => `--keys: rows have ${count(keys, 'entry', 'entries')}, but --query rows have ${query} (q·k needs equal widths)`,
  valuesRows: (values: number, keys: number) => `--values: ${count(values, 'row')}, but --keys has ${keys} (one value per key)`,
  headsDivide: (heads: number, model: number) => `--heads: ${heads} heads do not divide d_model = ${model} (each head gets d_model / heads columns)`,
  kernelLonger: (kernel: number, signal: number) => `--kernel: ${count(kernel, 'entry', 'entries')}, longer than --signal (${signal})`,
  langName: { en: 'English', zh: 'Chinese' },
  ...homeProgress,
  ...eventTime,
  problem,
  log,
  generated,
  usage,
  ...home,
  ...quizFlow,
  steps,
  search,
  completion,
  glossary,
  sync,
  optimize,
};

export type Messages = typeof en;
