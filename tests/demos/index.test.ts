import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { UsageError, UserError } from '../../src/core/errors.js';
import { checkDemoArgs, DEMOS, demoHelp, findNonFinite, formatDemo, listDemos, runDemo } from '../../src/demos/index.js';
import { en } from '../../src/i18n/en.js';

const ANSI = /\u001b\[/;
const plain = { lang: 'en', color: false, width: 80 } as const;

describe('the registry', () => {
  it('lists every demo once, grouped by topic in teaching order', () => {
    const names = DEMOS.map((demo) => demo.name);
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual(
      ['activations', 'attention', 'conv1d', 'cosine', 'embedding', 'gradient-descent', 'lstm', 'multihead', 'perceptron', 'positional-encoding', 'rnn', 'sampling', 'softmax', 'vanishing-gradient', 'word-vectors', 'xor-mlp'].sort(),
    );
    const order = ['deep-learning', 'nlp', 'rnn', 'attention'];
    const topicIndexes = DEMOS.map((demo) => order.indexOf(demo.topic));
    expect(topicIndexes).toEqual([...topicIndexes].sort((a, b) => a - b));
    for (const demo of DEMOS) {
      expect(demo.summary.en.length).toBeGreaterThan(0);
      expect(demo.summary.zh.length).toBeGreaterThan(0);
    }
    expect(listDemos('en')).toContain('attention');
  });
});

// Issue 3's table: the field names are a contract for --json, lessons and quiz generators.
const CONTRACT: [string[], string[]][] = [
  [['softmax'], ['probabilities']],
  [['attention'], ['scores', 'weights', 'output']],
  [['attention', '--score', 'additive'], ['scores', 'weights', 'output', 'params']],
  [['multihead'], ['heads', 'Wo', 'output']],
  [['cosine'], ['dot', 'norm_a', 'norm_b', 'cosine']],
  [['word-vectors', '--similar', 'cat'], ['results']],
  [['rnn'], ['hidden']],
  [['vanishing-gradient'], ['gradients']],
  [['lstm'], ['steps']],
  [['perceptron'], ['weights', 'bias', 'errors', 'converged']],
  [['xor-mlp', '--epochs', '50'], ['loss', 'final_loss', 'predictions']],
  [['gradient-descent'], ['path']],
  [['activations'], ['sigmoid', 'tanh', 'relu', 'd_sigmoid', 'd_tanh', 'd_relu']],
  [['conv1d'], ['output']],
  [['positional-encoding'], ['encoding', 'frequencies', 'similarity']],
  [['sampling'], ['probabilities', 'counts', 'frequencies', 'samples']],
  [['embedding'], ['one_hot', 'matrix', 'embedding', 'cosine_one_hot', 'cosine_embedding']],
];

describe('JSON fields', () => {
  it.each(CONTRACT)('%j has %j at the top level and survives JSON', (argv, fields) => {
    const run = runDemo(argv);
    expect(run.name).toBe(argv[0]);
    for (const field of fields) expect(run.result).toHaveProperty(field);
    expect(JSON.parse(JSON.stringify(run.result))).toEqual(run.result);
  });

  it('nested fields', () => {
    const additive = runDemo(['attention', '--score', 'additive']).result;
    expect(Object.keys(additive.params as object).sort()).toEqual(['Wk', 'Wq', 'v']);
    const heads = runDemo(['multihead']).result.heads as Record<string, unknown>[];
    for (const field of ['Wq', 'Wk', 'Wv', 'weights', 'output']) expect(heads[0]).toHaveProperty(field);
    const steps = runDemo(['lstm']).result.steps as Record<string, unknown>[];
    expect(Object.keys(steps[0] ?? {}).sort()).toEqual(['c', 'f', 'g', 'h', 'i', 'o']);
    const path = runDemo(['gradient-descent']).result.path as Record<string, unknown>[];
    expect(Object.keys(path[0] ?? {}).sort()).toEqual(['grad', 'loss', 'x']);
    const results = runDemo(['word-vectors']).result.results as Record<string, unknown>[];
    expect(results[0]).toHaveProperty('word');
    expect(results[0]).toHaveProperty('cosine');
  });

  it('accepts --json and --seed in any demo, and --seed changes seeded demos only', () => {
    expect(runDemo(['softmax', '--json', '--seed', '3']).result).toEqual(runDemo(['softmax']).result);
    expect(runDemo(['lstm', '--seed', '3']).result).toEqual(runDemo(['lstm', '--seed', '3']).result);
    expect(runDemo(['lstm', '--seed', '3']).result).not.toEqual(runDemo(['lstm']).result);
  });
});

describe('demo rules the lessons rely on', () => {
  it('softmax --temperature t is softmax(scores / t)', () => {
    const hot = runDemo(['softmax', '--scores', '2,4', '--temperature', '2']).result.probabilities as number[];
    const plainRun = runDemo(['softmax', '--scores', '1,2']).result.probabilities as number[];
    hot.forEach((p, i) => expect(Math.abs(p - (plainRun[i] ?? NaN))).toBeLessThan(1e-12));
  });

  it('attention: scaled-dot divides by √(width of keys); rows sum to 1; masked weights are exactly 0', () => {
    const result = runDemo(['attention', '--query', '1,0,1', '--keys', '1,0,1;0,1,0', '--values', '1,2;3,4']).result;
    expect(Math.abs(((result.scores as number[][])[0]?.[0] ?? NaN) - 2 / Math.sqrt(3))).toBeLessThan(1e-12);
    const causal = runDemo(['attention', '--mask', 'causal']).result;
    const weights = causal.weights as number[][];
    expect(weights[0]?.slice(1)).toEqual([0, 0]);
    expect(weights[1]?.[2]).toBe(0);
    for (const row of weights) expect(Math.abs(row.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-12);
  });

  it('rnn: --h0 defaults to zeros and hidden has one row per step', () => {
    const result = runDemo(['rnn', '--inputs', '1;0;0', '--wx', '1', '--wh', '0.5', '--b', '0']).result;
    const hidden = result.hidden as number[][];
    expect(hidden).toHaveLength(3);
    const h1 = Math.tanh(1);
    const h2 = Math.tanh(0.5 * h1);
    expect(Math.abs((hidden[0]?.[0] ?? NaN) - h1)).toBeLessThan(1e-12);
    expect(Math.abs((hidden[1]?.[0] ?? NaN) - h2)).toBeLessThan(1e-12);
    expect(Math.abs((hidden[2]?.[0] ?? NaN) - Math.tanh(0.5 * h2))).toBeLessThan(1e-12);
  });

  it('vanishing-gradient: linear gradients[k] = w^k', () => {
    const gradients = runDemo(['vanishing-gradient', '--weight', '0.5', '--steps', '10']).result.gradients as number[];
    expect(gradients).toEqual(Array.from({ length: 11 }, (_, k) => 0.5 ** k));
  });

  it('gradient-descent: path[0] is the start', () => {
    const path = runDemo(['gradient-descent', '--start', '5', '--lr', '0.25', '--steps', '2']).result.path as { x: number }[];
    expect(path.map((p) => p.x)).toEqual([5, 4, 3.5]);
  });

  it('perceptron converges on and/or, never on xor', () => {
    expect(runDemo(['perceptron', '--data', 'and']).result.converged).toBe(true);
    expect(runDemo(['perceptron', '--data', 'or']).result.converged).toBe(true);
    expect(runDemo(['perceptron', '--data', 'xor', '--epochs', '100']).result.converged).toBe(false);
  });

  it('xor-mlp: the default run reaches final_loss < 0.01', () => {
    expect(runDemo(['xor-mlp']).result.final_loss).toBeLessThan(0.01);
  });
});

// argv → the one line a learner sees (exit 1, or 2 for bad usage).
const BAD_INPUT: [string[], string][] = [
  [[], 'missing demo name (one of perceptron, activations, gradient-descent, xor-mlp, conv1d, softmax, embedding, cosine, word-vectors, sampling, rnn, vanishing-gradient, lstm, attention, multihead, positional-encoding)'],
  [['atention'], 'unknown demo "atention" (did you mean attention?)'],
  [['attention', '--keys', '1,0;0,1,1'], '--keys: row 2 has 3 entries, expected 2'],
  [['attention', '--query', '1,0', '--keys', '1,0,1'], '--keys: rows have 3 entries, but --query rows have 2 (q·k needs equal widths)'],
  [['attention', '--keys', '1,0;0,1', '--values', '1;2;3'], '--values: 3 rows, but --keys has 2 (one value per key)'],
  [['attention', '--query', '1,x'], '--query: entry 2 is "x", not a number'],
  [['attention', '--query', '1,Infinity'], '--query: entry 2 is "Infinity", not a finite number'],
  [['attention', '--query', ''], '--query: empty matrix'],
  [['attention', '--mask', 'casual'], '--mask: expected none, causal; got "casual" (did you mean causal?)'],
  [['attention', '--query', Array.from({ length: 65 }, () => '1').join(';')], '--query: 65 rows, at most 64 allowed'],
  [['attention', '--query'], '--query: missing value (expected MATRIX)'],
  [['attention', '--querry', '1'], 'unknown flag --querry (did you mean --query?)'],
  [['softmax', '--scores', '1;2'], '--scores: expected one row (a vector), got 2 rows'],
  [['softmax', '--temperature', '0'], '--temperature: expected a number above 0 up to 1000, got "0"'],
  [['cosine', '--a', '1,2', '--b', '1,2,3'], '--b: 3 entries, but --a has 2 (the vectors must have the same length)'],
  [['cosine', '--a', '0,0', '--b', '1,1'], '--a: the zero vector has no direction, so no cosine'],
  [['word-vectors', '--similar', 'queem'], '--similar: unknown word "queem" (did you mean queen?); see --list for the 45 words'],
  [['word-vectors', '--analogy', 'king,man,robot'], '--analogy: unknown word "robot"; see --list for the 45 words'],
  [['word-vectors', '--analogy', 'king,man'], '--analogy: expected three words a,b,c (computes a − b + c), got 2'],
  [['word-vectors', '--similar', 'cat', '--list'], '--list: use only one of --similar, --analogy, --list'],
  [['rnn', '--inputs', '1,2,3'], '--wx: 2 columns, but each --inputs row has 3 entries (W_x is d_h × d_in)'],
  [['rnn', '--wh', '1,0'], '--wh: 1×2, expected 2×2 (d_h × d_h, d_h = rows of --wx)'],
  [['rnn', '--h0', '0'], '--h0: 1 entry, expected 2 (d_h = rows of --wx)'],
  [['rnn', '--inputs', '1;0', '--wx', '1,2'], '--wx: 2 columns, but each --inputs row has 1 entry (W_x is d_h × d_in)'],
  [['rnn', '--inputs', '1,2;0,1', '--wx', '1'], '--wx: 1 column, but each --inputs row has 2 entries (W_x is d_h × d_in)'],
  [['attention', '--query', '1;0', '--keys', '1;0', '--values', '1'], '--values: 1 row, but --keys has 2 (one value per key)'],
  [['cosine', '--a', '1,2', '--b', '1'], '--b: 1 entry, but --a has 2 (the vectors must have the same length)'],
  [['cosine', '--a', '1e-200,1e-200', '--b', '1,1'], '--a: the numbers are too small to compute with (‖a‖² underflowed to 0); use larger values'],
  [['multihead', '--heads', '3'], '--heads: 3 heads do not divide d_model = 4 (each head gets d_model / heads columns)'],
  [['conv1d', '--signal', '1,2', '--kernel', '1,2,3'], '--kernel: 3 entries, longer than --signal (2)'],
  [['conv1d', '--stride', '0'], '--stride: expected an integer from 1 to 64, got "0"'],
  [['perceptron', '--data', 'nand'], '--data: expected and, or, xor; got "nand" (did you mean and?)'],
  [['xor-mlp', '--seed', 'abc'], '--seed: expected an integer from 0 to 4294967295, got "abc"'],
  [['positional-encoding', '--d-model', '7'], '--d-model: expected an even number (sin and cos come in pairs), got "7"'],
  [['vanishing-gradient', '--activation', 'relu'], '--activation: expected linear, tanh; got "relu"'],
  [['sampling', '--tokens', 'the,a'], '--tokens: 2 tokens, but --scores has 4 (one label per score)'],
  [['sampling', '--tokens', 'the,,cat,dog'], '--tokens: token 2 is empty'],
  [['sampling', '--tokens', 'the,a,the,dog'], '--tokens: "the" appears twice (each label must differ)'],
  [['sampling', '--scores', '1,2', '--tokens', 'a,supercalifragilistic'], '--tokens: "supercalifragilistic" is 20 columns wide, at most 16 allowed'],
  [['sampling', '--samples', '0'], '--samples: expected an integer from 1 to 100000, got "0"'],
  [['sampling', '--samples', '100001'], '--samples: expected an integer from 1 to 100000, got "100001"'],
  [['sampling', '--samples', '2.5'], '--samples: expected an integer from 1 to 100000, got "2.5"'],
  [['sampling', '--temperature', '-1'], '--temperature: expected a number above 0 up to 1000, got "-1"'],
  [['sampling', '--scores', '1,x'], '--scores: entry 2 is "x", not a number'],
  [['sampling', '--seed', '-1'], '--seed: expected an integer from 0 to 4294967295, got "-1"'],
  [['embedding', '--word', 'kinq'], '--word: "kinq" is not in the vocabulary (did you mean king?); --vocab is king,queen,man,woman,apple'],
  [['embedding', '--other', 'robot'], '--other: "robot" is not in the vocabulary; --vocab is king,queen,man,woman,apple'],
  [['embedding', '--other', 'king'], '--other: "king" is the same word as --word; pick a different one'],
  [['embedding', '--vocab', 'cat'], '--vocab: only one word, "cat"; at least 2 are needed to compare'],
  [['embedding', '--vocab', ''], '--vocab: word 1 is empty'],
  [['embedding', '--vocab', 'cat,dog,cat'], '--vocab: "cat" appears twice (each word must differ)'],
  [['embedding', '--vocab', Array.from({ length: 17 }, (_, i) => `w${i}`).join(',')], '--vocab: 17 words, at most 16 allowed'],
  [['embedding', '--dim', '9'], '--dim: expected an integer from 1 to 8, got "9"'],
];

describe('bad input', () => {
  it.each(BAD_INPUT)('%j → %s', (argv, message) => {
    expect(() => runDemo(argv)).toThrow(UserError);
    expect(checkDemoArgs(argv)?.(en)).toBe(message);
  });

  it('an unknown flag is bad usage (exit 2); a bad value is a user error (exit 1)', () => {
    expect(() => runDemo(['softmax', '--nope'])).toThrow(UsageError);
    try {
      runDemo(['softmax', '--scores', 'x']);
    } catch (error) {
      expect(error).toBeInstanceOf(UserError);
      expect((error as UserError).exitCode).toBe(1);
    }
  });

  it('checkDemoArgs accepts every demo with no flags and every example in every demo help', () => {
    for (const demo of DEMOS) {
      expect(checkDemoArgs([demo.name])).toBeUndefined();
      const examples = demoHelp(demo.name, 'en')
        .split('\n')
        .filter((line) => line.startsWith('  ml-tutor demo '));
      expect(examples.length).toBeGreaterThan(0);
      for (const example of examples) {
        // Shell-like split: "quoted words" stay together, quotes removed.
        const words = [...example.trim().matchAll(/"([^"]*)"|(\S+)/g)].map((match) => match[1] ?? match[2] ?? '');
        expect(checkDemoArgs(words.slice(2)), example).toBeUndefined();
      }
    }
    expect(checkDemoArgs(['attention', '--query', '1,0,1', '--keys', '1,0,1;0,1,0', '--values', '1,2;3,4'])).toBeUndefined();
  });
});

const TOO_LARGE = 'the numbers are too large to compute with (a result overflowed); use smaller values';

// argv whose every number is finite but whose working overflows → one line naming the flags, exit 1.
const OVERFLOW: [string[], string][] = [
  [['softmax', '--scores', '1e308,1', '--temperature', '0.001'], `--scores and --temperature: ${TOO_LARGE}`],
  // the exponent z₂ − z₁ = −2e308 is shown on the board, and is past the largest double
  [['softmax', '--scores', '1e308,-1e308'], `--scores: ${TOO_LARGE}`],
  [['sampling', '--scores', '1e308,1', '--temperature', '0.5'], `--scores and --temperature: ${TOO_LARGE}`],
  [['cosine', '--a', '1e200,1e200', '--b', '1e200,1e200'], `--a and --b: ${TOO_LARGE}`],
  [['attention', '--query', '1e200,1e200'], `--query: ${TOO_LARGE}`],
  [['attention', '--query', '1e200,1e200', '--mask', 'causal', '--seed', '3'], `--query: ${TOO_LARGE}`],
  [['multihead', '--inputs', '1e200,1e200,1e200,1e200'], `--inputs: ${TOO_LARGE}`],
  [['conv1d', '--signal', '1e308,1e308', '--kernel', '1e10'], `--signal and --kernel: ${TOO_LARGE}`],
  [['rnn', '--inputs', '1e308', '--wx', '10', '--wh', '1', '--b', '0'], `--inputs, --wx, --wh and --b: ${TOO_LARGE}`],
];

// Huge but harmless: softmax subtracts the largest score before dividing by T, in every row.
const STAYS_FINITE: string[][] = [
  ['softmax', '--scores', '1e308,1'],
  ['softmax', '--scores', '1e300,1e300', '--temperature', '0.5'],
  ['sampling', '--scores', '1e308,1'],
  ['activations', '--x', '1e308,-1e308'],
  ['gradient-descent', '--start', '1000000', '--lr', '10', '--steps', '100'],
  ['vanishing-gradient', '--weight', '10', '--steps', '200'],
];

describe('overflow', () => {
  it.each(OVERFLOW)('%j → %s', (argv, message) => {
    expect(checkDemoArgs(argv)?.(en)).toBe(message);
    try {
      runDemo(argv);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(UserError);
      expect(error).not.toBeInstanceOf(UsageError);
      expect((error as UserError).exitCode).toBe(1);
    }
  });

  it.each(STAYS_FINITE)('%s … stays finite, on the board and in JSON', (...argv) => {
    const run = runDemo(argv);
    expect(findNonFinite(run.result)).toBeUndefined();
    expect(JSON.stringify(run.result)).not.toContain('null');
    expect(formatDemo(run, plain)).not.toMatch(/NaN|∞/);
  });

  it('softmax of huge scores at T = 1: every comparison row is a distribution, not NaN', () => {
    const result = runDemo(['softmax', '--scores', '1e308,1']).result as { comparison: { temperature: number; probabilities: number[] }[] };
    expect(result.comparison.map((row) => row.temperature)).toEqual([0.5, 1, 2]);
    for (const row of result.comparison) expect(row.probabilities).toEqual([1, 0]);
    expect(formatDemo(runDemo(['softmax', '--scores', '1e308,1']), plain)).toContain('  T = 0.5  [1.000, 0.000]');
  });

  it('findNonFinite names the first NaN or ∞ by its path', () => {
    expect(findNonFinite({ a: [1, 2], b: { c: 'x', d: true } })).toBeUndefined();
    expect(findNonFinite({ a: [1, [2, Number.NaN]] })).toBe('a[1][1]');
    expect(findNonFinite({ a: 1, b: { c: -Infinity } })).toBe('b.c');
    expect(findNonFinite(Infinity)).toBe('(result)');
  });
});

describe('formatting', () => {
  it.each(DEMOS.map((demo) => [demo.name]))('%s: plain output has no ANSI codes, coloured output does, in both languages', (name) => {
    const run = runDemo([name]);
    for (const lang of ['en', 'zh'] as const) {
      const text = formatDemo(run, { lang, color: false, width: 80 });
      expect(text).not.toMatch(ANSI);
      expect(text.length).toBeGreaterThan(50);
      const coloured = formatDemo(run, { lang, color: true, width: 80 });
      expect(coloured).toMatch(ANSI);
    }
  });

  it('help lists flags, defaults and an example, in English and Chinese', () => {
    const en = demoHelp('attention', 'en');
    expect(en).toContain('--query MATRIX');
    expect(en).toContain('(default scaled-dot)');
    expect(en).toContain('ml-tutor demo attention --query');
    expect(en).toContain('--seed N');
    expect(demoHelp('softmax', 'en')).not.toContain('--seed');
    expect(demoHelp('softmax', 'zh')).toContain('（默认 1）');
    expect(() => demoHelp('nope', 'en')).toThrow(UserError);
  });

  it('uses the same result for the terminal and JSON (formatting does not change it)', () => {
    const run = runDemo(['attention']);
    const before = JSON.stringify(run.result);
    formatDemo(run, plain);
    expect(JSON.stringify(run.result)).toBe(before);
    expect(stripVTControlCharacters(formatDemo(run, { ...plain, color: true }))).toContain('Scaled dot-product attention');
  });
});
