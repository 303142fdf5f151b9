import type { DemoMessages } from '../i18n/demos.js';
import { UsageError, UserError, type Text } from '../core/errors.js';
import { closestMatches } from '../core/suggest.js';
import { COMMON_FLAGS, overflowError, splitFlags, type FlagSpec, type FlagValues } from './flags.js';
import type { DemoDefinition, DemoLang, DemoTopic, FormatOptions, Prediction } from './types.js';
import { board, padEnd } from './text.js';
import { perceptronDemo } from './perceptron.js';
import { activationsDemo } from './activations.js';
import { gradientDescentDemo } from './gradient-descent.js';
import { xorMlpDemo } from './xor-mlp.js';
import { conv1dDemo } from './conv1d.js';
import { softmaxDemo } from './softmax.js';
import { embeddingDemo } from './embedding.js';
import { cosineDemo } from './cosine.js';
import { wordVectorsDemo } from './word-vectors.js';
import { samplingDemo } from './sampling.js';
import { rnnDemo } from './rnn.js';
import { vanishingGradientDemo } from './vanishing-gradient.js';
import { lstmDemo } from './lstm.js';
import { attentionDemo } from './attention.js';
import { multiheadDemo } from './multihead.js';
import { positionalEncodingDemo } from './positional-encoding.js';

export type { FormatOptions, Prediction } from './types.js';

export interface DemoInfo {
  name: string;
  topic: 'deep-learning' | 'nlp' | 'rnn' | 'attention';
  summary: { en: string; zh: string };
}

/** The result of running a demo: the JSON-ready result, and the means to draw it. */
export interface DemoRun {
  name: string;
  /** The contract object printed by --json (field names from issue 3 at the top level). */
  result: Record<string, unknown>;
  /** The argv (after the name) the demo ran with. */
  argv: string[];
  /** Draws this run's result; formatDemo calls it. */
  render: (options: FormatOptions) => string;
  /** For --predict: the key number to guess before the working is revealed (absent for some demos). */
  prediction?: Prediction;
}

interface RegisteredDemo {
  info: DemoInfo;
  seeded: boolean;
  flags: readonly FlagSpec[];
  examples: readonly string[];
  run: (argv: readonly string[]) => DemoRun;
}

/** The path of the first number in a result that is NaN or ±∞ ("probabilities[0]"), or undefined. */
export function findNonFinite(value: unknown, path = ''): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : path || '(result)';
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const found = findNonFinite(value[index], `${path}[${index}]`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, entry] of Object.entries(value)) {
      const found = findNonFinite(entry, path ? `${path}.${key}` : key);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

// The flags that carry the numbers a computation started from: given, with a value, holding a digit
// (--mask causal and --vocab cannot overflow anything; --seed only picks random numbers).
function numericFlags(values: FlagValues, specs: readonly FlagSpec[]): string[] {
  return specs.filter((spec) => spec.value !== '' && /\d/.test(values[spec.name] ?? '')).map((spec) => spec.name);
}

// Erases each demo's own result type behind a closure, so the registry needs no casts.
function register<Result extends Record<string, unknown>>(demo: DemoDefinition<Result>): RegisteredDemo {
  return {
    info: { name: demo.name, topic: demo.topic, summary: demo.summary },
    flags: demo.flags,
    seeded: demo.seeded,
    examples: demo.examples,
    run: (argv) => {
      const values = splitFlags(argv, demo.flags);
      const result = demo.run(values);
      // Every input is finite (the flag readers refuse NaN and ∞), so a NaN or ∞ anywhere in the result
      // means a step overflowed: one line naming the flags, never "NaN" on the board or null in JSON.
      if (findNonFinite(result) !== undefined) throw overflowError(numericFlags(values, demo.flags));
      const run: DemoRun = { name: demo.name, result, argv: [...argv], render: (options) => demo.format(result, options) };
      const prediction = demo.predict?.(result);
      return prediction ? { ...run, prediction } : run;
    },
  };
}

const TOPIC_ORDER: readonly DemoTopic[] = ['deep-learning', 'nlp', 'rnn', 'attention'];

// Within a topic, in the order a course would meet them.
const REGISTRY: readonly RegisteredDemo[] = [
  register(perceptronDemo),
  register(activationsDemo),
  register(gradientDescentDemo),
  register(xorMlpDemo),
  register(conv1dDemo),
  register(softmaxDemo),
  register(embeddingDemo),
  register(cosineDemo),
  register(wordVectorsDemo),
  register(samplingDemo),
  register(rnnDemo),
  register(vanishingGradientDemo),
  register(lstmDemo),
  register(attentionDemo),
  register(multiheadDemo),
  register(positionalEncodingDemo),
].sort((a, b) => TOPIC_ORDER.indexOf(a.info.topic) - TOPIC_ORDER.indexOf(b.info.topic));

/** Every demo, grouped by topic in teaching order: deep-learning, nlp, rnn, attention. */
export const DEMOS: readonly DemoInfo[] = REGISTRY.map((demo) => demo.info);

/** A demo's flags as typed (`--scores`), its own then the common ones; none for an unknown name (shell completion). */
export function demoFlagNames(name: string): string[] {
  const demo = REGISTRY.find((candidate) => candidate.info.name === name);
  return demo ? [...demo.flags, ...COMMON_FLAGS.filter((spec) => spec.name !== 'seed' || demo.seeded)].map((flag) => `--${flag.name}`).concat('--help') : [];
}

function findDemo(name: string | undefined): RegisteredDemo {
  if (name === undefined || name.trim() === '') {
    throw new UsageError((t) => t.demoMissingName(DEMOS.map((demo) => demo.name)));
  }
  const found = REGISTRY.find((demo) => demo.info.name === name);
  if (found) return found;
  const suggestions = closestMatches(name, DEMOS.map((demo) => demo.name));
  throw new UserError((t) => t.demoUnknown(name, suggestions));
}

/**
 * Runs a demo. argv[0] is the demo name, the rest its flags (--json and --seed N are accepted by
 * every demo; --json is the caller's business). Throws a UserError (UsageError for an unknown flag)
 * with one line naming the flag and the problem.
 */
export function runDemo(argv: string[]): DemoRun {
  const [name, ...flags] = argv;
  return findDemo(name).run(flags);
}

/** For `validate`: undefined when the demo would run, else the one-line problem, from the tables. */
export function checkDemoArgs(argv: string[]): Text | undefined {
  try {
    runDemo(argv);
    return undefined;
  } catch (error) {
    if (error instanceof UserError) return error.text;
    throw error;
  }
}

/** The terminal text of a run: the working on the board, in English or Chinese. */
export function formatDemo(run: DemoRun, options: FormatOptions): string {
  return run.render(options);
}

function flagLine(spec: FlagSpec, lang: DemoLang, m: DemoMessages): [string, string] {
  const usage = spec.value === '' ? `--${spec.name}` : `--${spec.name} ${spec.value}`;
  const fallback = spec.defaultText === undefined ? '' : m.common.byDefault(typeof spec.defaultText === 'string' ? spec.defaultText : spec.defaultText[lang]);
  return [usage, spec.help[lang] + fallback];
}

/** Help for one demo: what it shows, its flags with defaults, and examples. */
export function demoHelp(name: string, lang: DemoLang): string {
  const demo = findDemo(name);
  const { m } = board({ lang, color: false, width: 80 });
  const specs = [...demo.flags, ...COMMON_FLAGS.filter((spec) => spec.name !== 'seed' || demo.seeded)];
  const rows = specs.map((spec) => flagLine(spec, lang, m));
  const usageWidth = Math.max(...rows.map(([usage]) => usage.length));
  return [
    `ml-tutor demo ${demo.info.name} [${m.common.flagsPlaceholder}]`,
    `  ${demo.info.summary[lang]}`,
    '',
    m.common.flagsHeading,
    ...rows.map(([usage, help]) => `  ${padEnd(usage, usageWidth)}  ${help}`),
    '',
    m.common.matrixSyntax,
    '',
    m.common.examplesHeading,
    ...demo.examples.map((example) => `  ml-tutor demo ${demo.info.name} ${example}`.trimEnd()),
  ].join('\n');
}

/** The one-line summary of every demo, grouped by topic (for `ml-tutor demo` with no name). */
export function listDemos(lang: DemoLang): string {
  const width = Math.max(...DEMOS.map((demo) => demo.name.length));
  const lines: string[] = [];
  for (const topic of TOPIC_ORDER) {
    const inTopic = DEMOS.filter((demo) => demo.topic === topic);
    if (inTopic.length === 0) continue;
    if (lines.length > 0) lines.push('');
    lines.push(topic);
    for (const demo of inTopic) lines.push(`  ${demo.name.padEnd(width)}  ${demo.summary[lang]}`);
  }
  return lines.join('\n');
}
