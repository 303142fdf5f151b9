// What `validate` says about lesson files, and what the progress log's unusable lines are called.
// Core builds each problem in both languages (src/core/errors.ts, `localize`); commands pick one.

/** A value quoted as YAML/JSON shows it: "abc", 3, nothing. */
type Shown = string;

export const problem = {
  // Front matter (src/core/front-matter.ts)
  noFrontMatter: 'missing front matter: the file must start with a "---" line, then YAML fields, then "---"',
  frontMatterOpen: 'front matter is not closed: add a "---" line after the YAML fields',
  frontMatterEngine: (engine: string) => `front matter in "${engine}" is not allowed: lessons use YAML only`,
  frontMatterYaml: (reason: string) => `invalid YAML in front matter: ${reason}`,
  frontMatterNotFields: 'front matter must be YAML fields ("id: …", "title: …")',
  // Lesson and topic files (src/core/lesson.ts, src/io/lessons.ts)
  lessonFileName: (file: string) => `lesson file names look like "01-some-slug.en.md", got "${file}"`,
  unknownFileLang: (lang: string, known: readonly string[]) => `unknown language "${lang}" in the file name; expected one of ${known.join(', ')}`,
  controlCharacters: 'contains terminal control characters or escape sequences (they are removed when shown)',
  missingId: (expected: string) => `missing "id" (expected "id: ${expected}")`,
  wrongId: (expected: string, got: string) => `"id" must be "${expected}" (topic folder / file slug), got "${got}"`,
  missingTitle: 'missing "title" (a non-empty string)',
  badMinutes: (got: Shown) => `"minutes" must be a positive whole number, got ${got}`,
  badObjectives: '"objectives" must be a list of short strings',
  badPrerequisites: '"prerequisites" must be a list of lesson ids like "attention/why-attention"',
  unknownField: (key: string, known: readonly string[]) => `unknown front matter field "${key}" (known: ${known.join(', ')})`,
  unclosedFence: 'code block is never closed (add a closing ``` line)',
  demoBlock: (reason: string) => `demo block: ${reason}`,
  demoBlockEmpty: 'demo block is empty: write a demo name and its flags',
  unterminatedQuote: (quote: string) => `unterminated ${quote} quote`,
  topicFileName: (file: string) => `topic files are named "topic.en.md" or "topic.zh.md", got "${file}"`,
  topicId: (folder: string, got: Shown) => `"id" must be the folder name "${folder}", got ${got}`,
  topicTitle: 'missing "title"',
  topicOverview: 'the topic overview (the text after the front matter) is empty',
  yamlTooManyValues: (limit: number) => `more than ${limit} values (repeated aliases "*name"?): not a lesson`,
  yamlTooDeep: (limit: number) => `nested more than ${limit} levels deep`,
  yamlTooDeepToParse: (limit: number) => `nested more than the parser can follow (keep lesson YAML under ${limit} levels)`,
  fileTooLarge: (megabytes: string, limit: number) => `file too large (${megabytes} MB; a lesson file may be at most ${limit} MB)`,
  notLessonFile: 'not a lesson file name: expected "NN-slug.<lang>.md" (e.g. 01-intro.en.md) or "topic.<lang>.md"',
  cannotRead: (reason: string) => `cannot read: ${reason}`,
  nothing: 'nothing',
  // Quiz blocks (src/core/quiz-block.ts)
  quizYaml: (reason: string) => `quiz block: invalid YAML: ${reason}`,
  quizNotFields: 'quiz block: expected YAML fields like "id:", "type:", "prompt:"',
  quizLabel: (id: string | undefined, message: string) => `${id === undefined ? 'quiz block' : `quiz "${id}"`}: ${message}`,
  missingKey: (key: string) => `missing "${key}"`,
  notString: (key: string, got: Shown) => `"${key}" must be a non-empty string, got ${got}`,
  quizIdForm: (got: string) => `"id" must look like "<topic>/<name>" in lowercase letters, digits and dashes, got "${got}"`,
  quizIdTopic: (topic: string, got: string) => `"id" must start with the topic "${topic}/", got "${got}"`,
  quizType: (types: readonly string[], got: Shown) => `"type" must be one of ${types.join(', ')}, got ${got}`,
  quizUnknownField: (key: string, type: string) => `unknown field "${key}" for a ${type} question`,
  choiceCorrect: (found: number) => `a choice question needs exactly one option marked "correct: true", found ${found}`,
  multiCorrect: 'a multi question needs at least one option marked "correct: true"',
  trueFalse: (got: Shown) => `"answer" must be true or false, got ${got}`,
  accept: (got: Shown) => `"accept" must be a non-empty list of answers, got ${got}`,
  acceptEntries: '"accept" entries must be non-empty strings',
  options: (got: Shown) => `"options" must be a list of at least 2 options, got ${got}`,
  option: (index: number, got: Shown) => `option ${index} must be {text: "…", correct: true|false, why: "…"}, got ${got}`,
  optionCorrect: (index: number, got: Shown) => `option ${index}: "correct" must be true or false, got ${got}`,
  optionField: (index: number, key: string) => `option ${index}: unknown field "${key}" (known: text, correct, why)`,
  whyEmpty: (index: number, got: Shown) => `option ${index}: "why" must say why the option is tempting and why it is wrong, got ${got}`,
  whyOnCorrect: (index: number) => `option ${index} is correct: "why" is for a wrong option ("explain" covers the right one)`,
  whyOnQuestion: '"why" goes on the wrong option it explains: - {text: "…", why: "…"}',
  whyNoOptions: (type: string) => `"why" belongs to a wrong option of a choice or multi question; a ${type} question has no options (use "explain")`,
  tolerance: (got: Shown) => `"tolerance" must be a positive number, got ${got}`,
  generator: (got: Shown, known: readonly string[]) => `unknown generator ${got}; known: ${known.join(', ')}`,
  generatorOtherType: (type: string) => ` (that one is for a "type: ${type}" question)`,
  stepsGeneratorMissing: (known: readonly string[]) => `a steps question needs a "generator", one of ${known.join(', ')}`,
  generatorAnswer: 'a generator question computes its own answer: remove "answer"',
  generatorVerify: 'a generator question has no static answer to verify: remove "verify"',
  answerNumber: (got: Shown) => `"answer" must be a number (or name a "generator"), got ${got}`,
  answerTolerance: 'a numeric question needs a "tolerance" (a positive number) beside its "answer"',
  verifyForm: (got: Shown) => `"verify" must be {demo: "<demo invocation>", path: "<field path>"}, got ${got}`,
  // The whole catalog (src/core/validate.ts, src/core/catalog.ts)
  topicTwice: (topic: string, lang: string, other: string) => `topic "${topic}" (${lang}) is already defined in ${other}`,
  lessonTwice: (lesson: string, lang: string, other: string) => `lesson "${lesson}" (${lang}) is already defined in ${other}`,
  topicNoFile: (topic: string, lang: string) => `topic "${topic}" has ${lang} lessons but no topic.${lang}.md with its title and overview`,
  topicEmpty: (topic: string) => `topic "${topic}" has no lessons`,
  numberTwice: (number: string, topic: string, other: string) => `lesson number ${number} is used twice in "${topic}" (also by ${other})`,
  noVariant: (lesson: string, lang: string, expected: string) => `lesson "${lesson}" has no ${lang} version (expected ${expected})`,
  selfPrerequisite: (lesson: string) => `lesson "${lesson}" lists itself as a prerequisite`,
  unknownPrerequisite: (id: string) => `prerequisite "${id}" is not a lesson`,
  demoFails: (source: string, reason: string) => `demo "${source}": ${reason}`,
  quizIdTwiceHere: (id: string) => `quiz id "${id}" is used twice in this file`,
  quizIdTaken: (id: string, where: string) => `quiz id "${id}" is already used in ${where}`,
  verifyFails: (id: string, demo: string, reason: string) => `quiz "${id}": verify demo "${demo}": ${reason}`,
  // Comparing one lesson's languages (src/core/validate.ts)
  variantOf: (message: string, lang: string, path: string) => `${message} (${lang}: ${path})`,
  minutesDiffer: (here: number, there: number, lang: string) => `"minutes" is ${here} here but ${there} in ${lang}`,
  prerequisitesDiffer: (lang: string, here: readonly string[], there: readonly string[]) => `"prerequisites" differ from ${lang}: [${here.join(', ')}] vs [${there.join(', ')}]`,
  sectionsDiffer: (here: number, lang: string, there: number) => `has ${here} "##" sections but the ${lang} version has ${there}`,
  demoMissing: (index: number, source: string, lang: string) => `demo block ${index} ("${source}") is not in the ${lang} version`,
  demoDiffers: (index: number, lang: string, here: string, there: string) => `demo block ${index} differs from ${lang}: "${here}" vs "${there}"`,
  demosFewer: (here: number, lang: string, there: number) => `has ${here} demo blocks but the ${lang} version has ${there}`,
  quizIdsDiffer: (lang: string, missing: readonly string[], extra: readonly string[]) =>
    `quiz ids differ from ${lang}: ${
      [missing.length ? `missing ${missing.join(', ')}` : '', extra.length ? `not in ${lang}: ${extra.join(', ')}` : '', !missing.length && !extra.length ? 'same ids in a different order' : '']
        .filter(Boolean)
        .join('; ')
    }`,
  answerChoice: (type: string, options: number, correct: readonly number[]) => `${type} with ${options} options, correct: ${correct.join(',')}`,
  answerTrueFalse: (answer: boolean) => `truefalse, answer ${answer}`,
  answerGenerator: (generator: string, tolerance: number | undefined) => `numeric from generator ${generator}${tolerance ? ` ± ${tolerance}` : ''}`,
  answerNumeric: (answer: number, tolerance: number) => `numeric ${answer} ± ${tolerance}`,
  answerText: 'text',
  answerSteps: (generator: string, tolerance: number | undefined) => `worked exercise from generator ${generator}${tolerance ? ` ± ${tolerance}` : ''}`,
  answerDiffers: (id: string, lang: string, here: string, there: string) => `quiz "${id}": answer differs from ${lang}: ${here} vs ${there}`,
  whyMissing: (id: string, option: number, lang: string) => `quiz "${id}": option ${option} has a "why" in ${lang} but not here`,
  whyExtra: (id: string, option: number, lang: string) => `quiz "${id}": option ${option} has a "why" here but not in ${lang}`,
  sectionDiffers: (id: string, here: number, there: number, lang: string) => `quiz "${id}" sits in section ${here} here but in section ${there} in ${lang}`,
};

/** What is wrong with one line of events.jsonl (src/core/event-log.ts). */
export const log = {
  notObject: 'not a JSON object',
  version: (got: Shown) => `unsupported version ${got}`,
  missingId: 'missing "id"',
  badAt: 'missing or invalid "at" date',
  type: (got: Shown) => `unknown event type ${got}`,
  needs: (type: string, field: string) => `${type === 'undo' ? 'an' : 'a'} ${type} event needs "${field}"`,
  invalid: (field: string, got: Shown) => (field === 'rating' ? `invalid rating ${got}` : `invalid "${field}" ${got}`),
  /** A params event's "w": `got` is its JSON when not a list, else how many values it holds and whether all are finite numbers. */
  weights: (expected: number, got: Shown | { values: number; finite: boolean }) =>
    `"w" must be a list of ${expected} finite numbers (FSRS weights), got ${typeof got !== 'object' ? got : !got.finite ? 'a value that is not a finite number' : `${got.values}`}`,
  skipped: (problem: string) => `${problem}, skipped`,
  notUtf8: 'not valid UTF-8, skipped',
  incompleteLast: 'incomplete last line (an interrupted write?) skipped',
  notJson: 'not valid JSON, skipped',
  more: (others: number, lines: readonly number[], elided: boolean) =>
    others === 0 ? '' : ` (and ${others} more unusable line${others === 1 ? '' : 's'}${lines.length === 0 ? '' : `: ${lines.join(', ')}${elided ? ', …' : ''}`})`,
};
