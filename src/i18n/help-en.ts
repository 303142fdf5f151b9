/**
 * The command line's help text (commander), in English. A table of its own, apart from `Messages`:
 * `--help` loads only this and help-zh.ts, not every message of the tutor.
 */
export const helpEn = {
  program: 'A terminal tutor for the foundations behind ChatGPT (deep learning, NLP, RNNs, attention), in English and Chinese.',
  version: 'print the version',
  help: 'show help',
  lang: 'language for lessons and messages: en or zh (default: config, then your locale)',
  lessons: 'also load the lesson pack in DIR (repeatable)',
  noColor: 'plain text without colour (NO_COLOR works too)',
  examples: 'Examples:',
  homeExample: 'home: your progress and what to read next',
  environment: `Environment:
  ML_TUTOR_HOME   where progress is kept (default: $XDG_DATA_HOME/ml-tutor or ~/.local/share/ml-tutor)
  ML_TUTOR_NOW    an ISO date-time used as "now" (for testing); it writes nothing dated after the real
                  clock or before the log's newest event unless ML_TUTOR_SIMULATE=1
  ML_TUTOR_LANG   en or zh; LANGUAGE / LANG are used when it is not set
  NO_COLOR        any value turns colour off; PAGER picks the pager (default: less -R)`,
  headings: { usage: 'Usage:', arguments: 'Arguments:', options: 'Options:', globalOptions: 'Global Options:', commands: 'Commands:' },
  list: { description: 'topics and lessons, with what you have read', topic: 'only this topic (id or prefix)' },
  json: 'machine-readable output',
  width: 'wrap to this many columns (default: terminal width, at most 100)',
  noPager: 'print straight to the terminal, never through $PAGER',
  read: {
    description: 'read a lesson; its demos run in place, and it is marked read',
    lesson: 'lesson id, unique prefix, or topic/number (attention/2)',
    outline: 'print the numbered list of sections only',
    section: 'print only section N (or subsection N.M)',
  },
  next: { description: 'read the first lesson you have not read yet' },
  demo: { description: 'list the numeric demos, or run one step by step (--json for the result)', name: 'demo to run', flags: "the demo's own flags (see: ml-tutor demo NAME --help)" },
  quiz: {
    description: 'a spaced-repetition session: due reviews first, then new cards; every answer is saved at once',
    scope: 'a topic (id or prefix) or a lesson (id, prefix or topic/number); default: everything',
    new: "new cards for this session, instead of what is left of today's allowance",
    limit: 'at most N cards (due ones first)',
    cram: 'practise every card of the scope; logged, but schedules do not move',
    seed: 'seed for option order and generated numbers (reproducible sessions)',
    glossary: 'quiz the glossary terms instead: shown in your language, typed in the other (ml-tutor glossary lists them)',
    porcelain: 'JSON lines on stdout, one answer per line on stdin (the default when stdin is not a terminal)',
    protocol: `Porcelain protocol (one JSON object per line):
  out {"event":"question","id","type","prompt","options"?}
  in  an option number (multi: "1,3"), a number, the text, "skip" or "quit" (end of input = quit)
  out {"event":"result","id","correct","expected","rating","due","interval_days","again_in_session",...} once the answer is saved;
      again_in_session: true when the card (answered Again) is asked once more before the end
  out {"event":"error","message"} for input that cannot be graded, then the same question again
  a worked exercise ("type":"steps") asks a question per step, with "step", "of", "attempt" and "size"
      (how many numbers, separated by spaces); each answer gets a result with "step" ("hint" and
      "retry": true after a first wrong try), and the card a result with "rating" and "steps"
  out {"event":"summary","answered","correct",...} at the end
  texts are as the lesson writes them: inline code keeps its Markdown backticks (\`…\`)`,
  },
  stats: { description: 'mastery per topic, retention, streak and the due forecast', json: 'machine-readable output: {topics, streak, reviews_today, forecast}' },
  optimize: {
    description: 'fit FSRS weights to your own reviews and schedule with them (progress undo takes them back)',
    dryRun: 'show the fitted weights and their log loss, but do not save them',
    json: 'machine-readable output: {reviews, old, new, better, saved, dry_run}, where old and new are {w, log_loss}',
    notes: `optimize fits FSRS-6's 21 weights to your history with the FSRS optimizer (fsrs-rs, the
optional package @open-spaced-repetition/binding) and scores the current and the fitted weights by
their log loss on your reviews: how well each predicts whether you recalled a card. The fitted ones
are saved, as an event in your progress log, only when they predict better; then every schedule,
your whole history included, is worked out with them. It needs at least 64 reviews made on a later
day than the card's previous one; cram practice does not count.`,
  },
  progress: {
    description: 'undo, suspend, export, import or reset your quiz progress (every change is an event you can undo)',
    undo: 'undo the last review (or reset, or the weights optimize saved)',
    suspend: 'keep a card out of the quiz until you unsuspend it',
    suspendCard: 'card (question) id, such as attention/why-scale',
    unsuspend: 'put a suspended card back in the quiz',
    card: 'card (question) id',
    export: 'write the progress log (events.jsonl) to FILE, or to stdout',
    exportFile: 'where to write (written atomically); default: stdout',
    force: 'replace FILE if it exists',
    import: 'merge another progress log into yours, by event id (importing twice adds nothing)',
    importFile: 'an events.jsonl from "ml-tutor progress export"',
    reset: 'forget quiz progress (all, or one topic); recorded as an event, so "progress undo" brings it back',
    topic: 'only this topic, or glossary: the glossary terms of quiz --glossary',
    yes: 'do not ask for confirmation (required when stdin is not a terminal)',
  },
  validate: { description: 'check lessons and quiz questions; each problem prints as path:line: message', dir: 'a lessons directory (default: the built-in lessons and any --lessons packs)' },
  search: {
    zhExample: 'ml-tutor search 梯度消失 --lang zh',
    description: 'find the lessons, sections and questions that mention some words (Chinese works without spaces)',
    words: 'words to look for: English by the start of a word, in any case; Chinese by any part of a phrase',
    allLangs: 'search the lessons in every language, not only in yours (a query in Chinese characters searches the Chinese lessons too)',
    limit: 'show at most N hits (default: 20)',
    ranking: `Ranking: a line is a hit when it matches at least half of the words (a Chinese phrase counts as its
pairs of characters). More words matched rank first; among equals, lesson titles, then headings, then
questions and explanations, then body text; ties keep teaching order. Each hit names its lesson and
section (rnn/3 §2) and the command that opens it. No hit is not an error: exit 0, and --json prints [].`,
  },
  glossary: {
    zhExample: 'ml-tutor glossary 梯度 --lang zh',
    description: 'the bilingual term list of the course (English and 中文), each with the lesson that introduces it',
    term: 'find a term by any part of its English or Chinese (any case), and show the command that reads its lesson',
    alpha: 'sort alphabetically (Chinese readers: by pinyin) instead of in teaching order',
    notes: `The terms come from the Chinese lessons, which name each term at its first mention as
中文术语 (English term); each is listed with the first lesson in teaching order that glosses it.
A term that matches nothing prints one line and exits 1 (--json prints [] and exits 1 too).`,
  },
  completion: {
    description: 'print the shell completion script for bash, zsh or fish',
    shell: 'bash, zsh or fish',
    install: `Install (one line; completion then works in every new shell):
  bash   echo 'source <(ml-tutor completion bash)' >> ~/.bashrc
  zsh    echo 'source <(ml-tutor completion zsh)' >> ~/.zshrc      (after compinit)
  fish   ml-tutor completion fish > ~/.config/fish/completions/ml-tutor.fish`,
  },
  config: {
    description: 'show or change settings: lang, new_per_day, desired_retention, sync_dir (a shared folder to sync progress through)',
    key: 'setting to show or change',
    value: 'new value',
    unset: 'remove the setting (back to its default)',
  },
};

export type HelpText = typeof helpEn;
