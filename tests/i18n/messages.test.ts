import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.js';
import { zh } from '../../src/i18n/zh.js';
import { demoMessages } from '../../src/i18n/demos.js';
import { helpEn } from '../../src/i18n/help-en.js';
import { helpZh } from '../../src/i18n/help-zh.js';
import { ROOT } from '../helpers.js';

// Every message a learner reads lives in src/i18n/{en,zh}.ts. These tests check the two tables match,
// that the Chinese reads as Chinese, and, by scanning the sources, that no error or printed line
// carries its own prose.

type Table = Readonly<Record<string, unknown>>;

/** "key: function/2", "ratingName.1: string", … for every entry, nested objects included. */
function shape(table: Table, prefix = ''): string[] {
  return Object.entries(table).flatMap(([key, value]) => {
    const path = `${prefix}${key}`;
    if (typeof value === 'function') return [`${path}: function/${value.length}`];
    if (typeof value === 'object' && value !== null) return shape(value as Table, `${path}.`);
    return [`${path}: ${typeof value}`];
  });
}

/**
 * The literal starting at `start` (a quote or backtick): its text with `${…}` parts cut out, and
 * where it ends. Enough of a lexer for our sources: nested templates, strings and braces.
 */
function literalAt(source: string, start: number): { parts: string[]; end: number } {
  const quote = source[start]!;
  const parts: string[] = [];
  let text = '';
  let i = start + 1;
  while (i < source.length && source[i] !== quote) {
    if (source[i] === '\\') {
      text += source[i + 1];
      i += 2;
    } else if (quote === '`' && source[i] === '$' && source[i + 1] === '{') {
      parts.push(text);
      text = '';
      i = codeEnd(source, i + 2);
    } else {
      text += source[i];
      i++;
    }
  }
  parts.push(text);
  return { parts, end: i + 1 };
}

/** The index just after the `}` closing code that starts at `i`, skipping nested braces and literals. */
function codeEnd(source: string, i: number): number {
  let depth = 0;
  while (i < source.length) {
    const char = source[i]!;
    if (char === "'" || char === '"' || char === '`') i = literalAt(source, i).end;
    else if (char === '}' && depth === 0) return i + 1;
    else {
      if (char === '{') depth++;
      if (char === '}') depth--;
      i++;
    }
  }
  return i;
}

/** Every string and template literal of a source (comments already removed), as its text parts. */
function literals(source: string): string[][] {
  const found: string[][] = [];
  let i = 0;
  while (i < source.length) {
    const char = source[i]!;
    if (char === "'" || char === '"' || char === '`') {
      const literal = literalAt(source, i);
      found.push(literal.parts);
      i = literal.end;
    } else i++;
  }
  return found;
}

const CJK = /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]/u;

/** Words of Latin letters that may stand in Chinese text: commands, flags, settings, formats, code. */
const LATIN_IN_CHINESE = new Set([
  'ml', 'tutor', 'list', 'validate', 'demo', 'config', 'lang', 'unset', 'quiz', 'porcelain', 'progress', 'reset', 'undo', 'yes',
  'new_per_day', 'desired_retention', 'ML_TUTOR_HOME', 'ML_TUTOR_NOW', 'ML_TUTOR_DEBUG', 'ISO', 'UTF', 'JSON', 'sin', 'cos',
  'topic', 'NN', 'slug', 'md', 'd_model', 'd_h', 'd_in', 'W_x', 'zh', 'en', 'outline', 'section', 'width', 'inputs', 'wx', 'wh',
  'vocab', 'word', 'other', 'tokens', 'scores', 'similar', 'analogy', 'query', 'keys', 'values', 'heads', 'kernel', 'signal',
  'seed', 'json', 'predict', 'cram', 'limit', 'quit', 'skip', 'next', 'read', 'stats', 'help', 'unsuspend', 'ChatGPT', 'less', 'glossary', 'optimize',
  // File formats and question types (validate), and the names of functions and models in formulas.
  'YAML', 'Markdown', 'choice', 'multi', 'truefalse', 'numeric', 'text', 'steps', 'true', 'false', 'correct', 'path', 'id',
  'softmax', 'tanh', 'sigmoid', 'ReLU', 'relu', 'RNN', 'LSTM', 'MLP', 'XOR', 'AND', 'OR', 'argmax', 'max', 'exp', 'log',
  // Terms the Chinese literature keeps in Latin, symbols in formulas, flag placeholders, cited authors.
  'logits', 'CDF', 'pos', 'out', 'WORD', 'Minsky', 'Papert',
  // Shells and their commands (completion), and the search command.
  'search', 'completion', 'shell', 'bash', 'zsh', 'fish', 'echo', 'source', 'compinit',
  // Sync: the value that turns it off, and the file-syncing tools a shared folder is kept by.
  'off', 'Dropbox', 'Syncthing', 'git',
]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Source text with comments blanked out (so a doc comment's example is not prose in code). */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' ')).replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

/** `new UserError('…')` or an arrow that does not start from the table: `new UserError((t) => 'text')`. */
export function proseErrors(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/new (?:User|Usage|Interrupted)Error\(\s*([\s\S]{0,80})/g)) {
    const argument = match[1]!;
    if (/^['"`]/.test(argument)) found.push(match[0]);
    const arrow = /^\(?\s*(\w+)\s*\)?\s*=>\s*(\S+)/.exec(argument);
    if (arrow && !arrow[2]!.startsWith(`${arrow[1]}.`)) found.push(match[0]);
  }
  return found;
}

/** Literals with words in them passed straight to a writer: `.write('Saved.\n')`, `warn(context, \`note: …\`)`. */
export function proseWrites(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/\b(?:write|warn|print|say|push)\(\s*(?:context,\s*)?(?=['"`])/g)) {
    const start = match.index + match[0].length;
    // "ml-tutor: " starts every error line; it is the program's name, not prose.
    const text = literalAt(source, start).parts.join(' ').replace(/^ml-tutor: /, '');
    if (/[A-Za-z]{2,}/.test(text) || CJK.test(text)) found.push(source.slice(match.index, literalAt(source, start).end));
  }
  return found;
}

/** Help text written in place in commander calls: `.description('…')`, `.option('--x', '…')`. */
export function proseHelp(source: string): string[] {
  const patterns = [
    /\.(?:description|summary)\(\s*['"`][^'"`]*[A-Za-z]{2,}/g,
    /\.(?:option|requiredOption|argument|helpOption)\(\s*'[^']*',\s*['"`][^'"`]*[A-Za-z]{2,}/g,
    /new Option\(\s*'[^']*',\s*['"`][^'"`]*[A-Za-z]{2,}/g,
    /\.version\([^,]+,\s*'[^']*',\s*['"`]/g,
    /\.addHelpText\(\s*'\w+',\s*['"`][^'"`$]*[A-Za-z]{3,} [A-Za-z]{3,}/g,
  ];
  return patterns.flatMap((pattern) => [...source.matchAll(pattern)].map((match) => match[0]));
}

describe('the message tables', () => {
  it('have the same keys, kinds and parameters in English and Chinese', () => {
    expect(shape(zh as unknown as Table)).toEqual(shape(en as unknown as Table));
  });

  it('have the same keys, kinds and parameters for the demos (their own table, loaded only by demo and read)', () => {
    expect(shape(demoMessages('zh') as unknown as Table)).toEqual(shape(demoMessages('en') as unknown as Table));
  });

  it('have the same keys for the command line help (its own table, loaded by every start)', () => {
    expect(shape(helpZh as unknown as Table)).toEqual(shape(helpEn as unknown as Table));
  });

  it('read as Chinese in zh: full-width punctuation, and Latin words only for commands, flags, ids and code', () => {
    // zh.ts and the modules it combines (src/i18n/zh/*.ts), each from its first table on; the help.
    const tables = [join(ROOT, 'src/i18n/zh.ts'), join(ROOT, 'src/i18n/help-zh.ts'), ...sourceFiles(join(ROOT, 'src/i18n/zh'))];
    const bodies = tables.map((file) => {
      const source = readFileSync(file, 'utf8');
      return source.slice(source.indexOf('export const '));
    });
    const problems: string[] = [];
    for (const text of bodies.flatMap((body) => literals(withoutComments(body)).flat())) {
      if (!CJK.test(text)) continue; // keys, joiners (", "), codes
      if (text.replace(/\{[^}]*\}/g, '').includes('"')) problems.push(`ASCII quotes: ${text}`);
      if (/[\u3400-\u9fff][,;:?!()]|[,;:?!(][\u3400-\u9fff]/u.test(text)) problems.push(`ASCII punctuation: ${text}`);
      // What sits in “…” or `…` is quoted as written (a field, a command); x_t, d_k and the like are symbols.
      // So are JSON shapes ({"event":…}), paths and file names (~/.local/share, events.jsonl), and
      // capitals: environment variables and placeholders (PAGER, FILE).
      const prose = text
        .replace(/“[^”]*”|`[^`]*`/gu, '')
        .replace(/\{[^}]*\}/g, '')
        .replace(/[\w~$.-]*[/.][\w~$./-]+/g, '');
      for (const word of prose.match(/(?<![-\w.<])[A-Za-z][A-Za-z_]{2,}/g) ?? []) {
        if (!LATIN_IN_CHINESE.has(word) && !word.includes('_') && !/^[A-Z]+$/.test(word)) problems.push(`English word "${word}": ${text}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('no prose outside the tables', () => {
  const files = sourceFiles(join(ROOT, 'src')).filter((file) => !file.includes(`${join('src', 'i18n')}`));

  it('the scanners find what they look for', () => {
    expect(proseErrors("throw new UserError('unknown topic');")).toHaveLength(1);
    expect(proseErrors('throw new UsageError(`--${flag}: bad`);')).toHaveLength(1);
    expect(proseErrors("throw new UserError((t) => 'unknown topic');")).toHaveLength(1);
    expect(proseErrors('throw new UserError((t) => t.unknownTopic(query, ids) + t.didYouMean(near));')).toEqual([]);
    expect(proseErrors('throw new InterruptedError((table) => table.quizInterrupted(1), lang);')).toEqual([]);
    expect(proseWrites("context.stdout.write('Nothing was reset.\\n');")).toHaveLength(1);
    expect(proseWrites('warn(context, `warning: ${line}`);')).toHaveLength(1);
    expect(proseWrites('context.stdout.write(`${t.resetCancelled}\\n`);')).toEqual([]);
    expect(proseWrites("context.stdout.write('\\n');")).toEqual([]);
  });

  it('finds help text written in place', () => {
    expect(proseHelp(".description('read a lesson')")).toHaveLength(1);
    expect(proseHelp(".option('--json', 'machine-readable output')")).toHaveLength(1);
    expect(proseHelp(".addOption(new Option('--lang <code>', 'language for lessons'))")).toHaveLength(1);
    expect(proseHelp(".version(packageJson.version, '-V, --version', 'print the version')")).toHaveLength(1);
    expect(proseHelp(".description(h.read.description).option('--json', h.json).argument('[dir]', h.validate.dir)")).toEqual([]);
  });

  it('the command line help comes from the help tables', () => {
    const found = files.filter((file) => /src[\\/](program|cli)\.ts$/.test(file)).flatMap((file) => proseHelp(withoutComments(readFileSync(file, 'utf8'))).map((hit) => `${relative(ROOT, file)}: ${hit}`));
    expect(found).toEqual([]);
  });

  it('errors are built from the tables, everywhere in src/', () => {
    const found = files.flatMap((file) => proseErrors(withoutComments(readFileSync(file, 'utf8'))).map((hit) => `${relative(ROOT, file)}: ${hit}`));
    expect(found).toEqual([]);
  });

  it('commands and the terminal write no prose of their own', () => {
    const writers = files.filter((file) => /src[\\/](commands|ui)[\\/]|src[\\/]cli\.ts$/.test(file));
    const found = writers.flatMap((file) => proseWrites(withoutComments(readFileSync(file, 'utf8'))).map((hit) => `${relative(ROOT, file)}: ${hit}`));
    expect(found).toEqual([]);
  });

  it('demo flag defaults written in place are values, not prose (prose goes through the demo table)', () => {
    const demos = files.filter((file) => /src[\\/]demos[\\/]/.test(file));
    const found = demos.flatMap((file) =>
      [...withoutComments(readFileSync(file, 'utf8')).matchAll(/defaultText: (['"`])(.*?)\1/g)]
        .filter((match) => /[A-Za-z]{2,} [A-Za-z]{2,}/.test(match[2]!))
        .map((match) => `${relative(ROOT, file)}: ${match[0]}`),
    );
    expect(found).toEqual([]);
  });

  it('Chinese text is only in the tables, the demos\' working and the generated questions included', () => {
    // wrap.ts and cjk.ts hold typography rules (which characters may start a line).
    const bilingual = /src[\\/]core[\\/](wrap|cjk)\.ts$/;
    const found = files
      .filter((file) => !bilingual.test(file))
      .flatMap((file) =>
        withoutComments(readFileSync(file, 'utf8'))
          .split('\n')
          // What a learner may type (对/错 for true/false) is input, not a message; the word-vectors
          // vocabulary's rows (['king', '国王', [...]]) are data, returned in the demo's --json result.
          .filter((line) => CJK.test(line) && !/_WORDS = new Set/.test(line) && !/^\s*\['[a-z]+', '[^']+', \[[-\d., ]+\]\],$/.test(line))
          .map((line) => `${relative(ROOT, file)}: ${line.trim()}`),
      );
    expect(found).toEqual([]);
  });
});
