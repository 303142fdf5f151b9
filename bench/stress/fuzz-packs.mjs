// 5. Fuzzed lesson packs: generated and mutated packs for --lessons DIR, as an untrusted author could
//    write them. No stack trace, no code run, no control byte on stdout (also with FORCE_COLOR=1),
//    validate reports problems as path:line: message, and one broken file never stops the rest.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliEnv, controlBytes, createRng, hasStackTrace, mkdirp, pool, run, sandbox } from './lib.mjs';

const TOPIC = 'fz';

function quizBlocks(lang) {
  const zh = lang === 'zh';
  return [
    ['id: fz/pick', 'type: choice', `prompt: ${zh ? '哪个是向量？' : 'Which is a vector?'}`, 'options:', '  - {text: "(1, 2)", correct: true}', '  - {text: "7"}', '  - {text: "cat"}', `explain: ${zh ? '有两个分量。' : 'It has two components.'}`],
    ['id: fz/many', 'type: multi', 'prompt: Even numbers?', 'options:', '  - {text: "2", correct: true}', '  - {text: "3"}', '  - {text: "4", correct: true}', 'explain: 2 and 4.'],
    ['id: fz/truth', 'type: truefalse', 'prompt: 1 + 1 = 2', 'answer: true', 'explain: Yes.'],
    ['id: fz/num', 'type: numeric', 'prompt: 0.5 + 0.25 =', 'answer: 0.75', 'tolerance: 0.01', 'explain: 0.75.'],
    ['id: fz/word', 'type: text', 'prompt: The function that turns scores into probabilities?', 'accept: [softmax]', 'explain: softmax.'],
    ['id: fz/gen', 'type: numeric', 'generator: softmax-prob', 'prompt: Compute it.', 'explain: Use exp and divide.'],
  ].map((lines) => `\`\`\`quiz\n${lines.join('\n')}\n\`\`\`\n`);
}

function lessonText(number, lang) {
  const zh = lang === 'zh';
  const blocks = quizBlocks(lang);
  const id = number === 1 ? 'fz/first' : 'fz/second';
  return `---
id: ${id}
title: ${zh ? `第 ${number} 课` : `Lesson ${number}`}
minutes: 5
objectives: [${zh ? '学会一件事' : 'learn one thing'}]
prerequisites: [${number === 2 ? 'fz/first' : ''}]
---
## ${zh ? '开始' : 'Start'}

${zh ? '一段正文，带有 **粗体** 和 `代码`。' : 'Some text with **bold** and `code`.'}

\`\`\`demo
softmax --scores 2,1,0
\`\`\`

${number === 1 ? blocks.slice(0, 3).join('\n') : blocks.slice(3).join('\n')}
## ${zh ? '更多' : 'More'}

- ${zh ? '列表项' : 'a list item'} with *emphasis*
- ${zh ? '另一项' : 'another'}

| a | b |
|---|---|
| 1 | 2 |
`;
}

/** The valid pack every mutation starts from: one topic, two lessons, in English and Chinese. */
function basePack() {
  const files = {
    [`${TOPIC}/topic.en.md`]: '---\nid: fz\ntitle: Fuzz topic\n---\nA topic for fuzzing.\n',
    [`${TOPIC}/topic.zh.md`]: '---\nid: fz\ntitle: 模糊测试主题\n---\n一个用于模糊测试的主题。\n',
  };
  for (const number of [1, 2]) for (const lang of ['en', 'zh']) files[`${TOPIC}/0${number}-${number === 1 ? 'first' : 'second'}.${lang}.md`] = lessonText(number, lang);
  return files;
}

/** Payloads that would drive a terminal: raw, and as YAML double-quoted escapes (decoded by the parser). */
const RAW_CONTROLS = ['\u001b[2J', '\u001b]0;PWNED\u0007', '\u009b2J', '\u0007', '\u001bP1$r\u001b\\', '\u001b[?1049h', '\u0008\u0008', '\u009d0;x\u009c', '\r'];
const YAML_CONTROLS = ['\\e[2J', '\\e]0;PWNED\\a', '\\x9b2J', '\\u009b6n', '\\a', '\\x1b[31mred', '\\e]8;;http://x\\e\\\\link'];

function aliasBomb(depth = 9) {
  const lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let level = 1; level < depth; level++) lines.push(`a${level}: &a${level} [${Array(9).fill(`*a${level - 1}`).join(',')}]`);
  return { lines, last: `*a${depth - 1}` };
}

/** Each mutation changes the pack (a map of path → text or Buffer) in place; `marker` must never be written. */
const MUTATIONS = {
  brokenYaml(files, rng) {
    const path = pickLesson(files, rng);
    files[path] = files[path].replace(/^title: .*$/m, rng.pick(['title: [unclosed', 'title: "open', 'title: {a: b', '\ttitle: tab', 'title: a: b: c', 'title: *nosuchalias', 'title: !!js/function "function(){}"']));
  },
  aliasBombFront(files, rng) {
    const path = pickLesson(files, rng);
    const bomb = aliasBomb();
    files[path] = files[path].replace(/^objectives: .*$/m, `${bomb.lines.join('\n')}\nobjectives: ${bomb.last}`);
  },
  aliasBombQuiz(files, rng) {
    const path = pickLesson(files, rng);
    const bomb = aliasBomb();
    files[path] = files[path].replace(/^id: fz\/(pick|num)$/m, (line) => `${line}\n${bomb.lines.join('\n')}\nextra: ${bomb.last}`);
  },
  deepNesting(files, rng) {
    const path = pickLesson(files, rng);
    const depth = rng.pick([1000, 5000, 20000]);
    const nested = rng.chance(0.5) ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{a: '.repeat(depth)}1${'}'.repeat(depth)}`;
    if (rng.chance(0.5)) files[path] = files[path].replace(/^objectives: .*$/m, `objectives: ${nested}`);
    else files[path] = files[path].replace(/^explain: 0\.75\.$|^explain: Yes\.$/m, `explain: ${nested}`);
  },
  deepMarkdown(files, rng) {
    const path = pickLesson(files, rng);
    // A list 10,000 deep is indented up to 20,000 columns: ~100 MB, over the lesson size limit.
    const depth = rng.pick([500, 3000, 10000]);
    const nested = rng.chance(0.5) ? `${'> '.repeat(depth)}deep\n` : Array.from({ length: depth }, (_, index) => `${'  '.repeat(index)}- item`).join('\n');
    files[path] = files[path].replace('## More', `## Deep\n\n${nested}\n\n## More`);
  },
  hugeNumbers(files, rng) {
    const path = pickLesson(files, rng);
    const huge = rng.pick(['1e309', '-1e309', '99999999999999999999999999', '.nan', '.inf', '-.inf', '0x7fffffffffffffff', '1e-400']);
    const field = rng.pick(['minutes', 'answer', 'tolerance']);
    files[path] = files[path].replace(new RegExp(`^${field}: .*$`, 'm'), `${field}: ${huge}`);
  },
  codeEngine(files, rng, marker) {
    const path = pickLesson(files, rng);
    const engine = rng.pick(['js', 'javascript', 'coffee', 'json', 'toml', 'yaml ', 'JS']);
    const code = engine.startsWith('coffee') ? `require('fs').writeFileSync('${marker}', 'ran')` : `(function () { require('fs').writeFileSync('${marker}', 'ran'); process.exit(99); })()`;
    files[path] = files[path].replace(/^---\n/, `---${engine}\n${code}\nmodule.exports = {}\n`);
  },
  controlBytes(files, rng) {
    const path = rng.pick(Object.keys(files));
    const text = files[path];
    if (typeof text !== 'string') return;
    const escaped = rng.chance(0.5);
    const payload = escaped ? rng.pick(YAML_CONTROLS) : rng.pick(RAW_CONTROLS);
    const where = rng.pick(['title', 'prompt', 'option', 'explain', 'heading', 'body', 'accept']);
    const quote = (value) => (escaped ? `"${value}"` : JSON.stringify(value).replace(/\\u00([0-9a-f]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16))));
    switch (where) {
      case 'title':
        files[path] = text.replace(/^title: (.*)$/m, (_, title) => `title: ${quote(`${title}${payload}`)}`);
        break;
      case 'prompt':
        files[path] = text.replace(/^prompt: (.*)$/m, (_, prompt) => `prompt: ${quote(`${payload}${prompt}`)}`);
        break;
      case 'option':
        files[path] = text.replace(/\{text: "7"\}/, `{text: ${quote(`7${payload}`)}}`);
        break;
      case 'explain':
        files[path] = text.replace(/^explain: (.*)$/m, (_, explain) => `explain: ${quote(`${explain}${payload}`)}`);
        break;
      case 'accept':
        files[path] = text.replace('accept: [softmax]', `accept: [softmax, ${quote(payload)}]`);
        break;
      case 'heading':
        files[path] = text.replace(/^## (.*)$/m, (_, heading) => `## ${heading}${escaped ? payload.replace(/\\/g, '') : payload}`);
        break;
      default:
        files[path] = text.replace(/\n\n/, `\n\n${RAW_CONTROLS.join(' ')}\n\n`);
    }
  },
  dottedIds(files, rng) {
    const path = pickLesson(files, rng);
    const id = rng.pick(['../../etc/passwd', 'fz/../../../tmp/x', '..', 'fz/..', '/abs/path', 'fz/a/b/c', 'fz/%2e%2e', 'fz/first\u0000', 'FZ/First']);
    const field = rng.pick(['id', 'quiz', 'prerequisites']);
    if (field === 'id') files[path] = files[path].replace(/^id: fz\/\w+$/m, `id: ${JSON.stringify(id)}`);
    else if (field === 'quiz') files[path] = files[path].replace(/^id: fz\/(pick|num)$/m, `id: ${JSON.stringify(id)}`);
    else files[path] = files[path].replace(/^prerequisites: .*$/m, `prerequisites: [${JSON.stringify(id)}]`);
  },
  wrongTypes(files, rng) {
    const path = pickLesson(files, rng);
    const [pattern, replacement] = rng.pick([
      [/^options:$/m, 'options: "not a list"'],
      [/^answer: 0\.75$/m, 'answer: [1, 2]'],
      [/^answer: true$/m, 'answer: "maybe"'],
      [/^type: text$/m, 'type: essay'],
      [/^generator: .*$/m, 'generator: nosuch'],
      [/^accept: .*$/m, 'accept: {a: 1}'],
      [/^minutes: .*$/m, 'minutes: [5]'],
      [/^objectives: .*$/m, 'objectives: 42'],
      [/^id: fz\/truth$/m, 'id: fz/pick'],
      [/^title: .*$/m, 'title: ""'],
      [/^title: .*$/m, 'title:\n  nested: map'],
    ]);
    files[path] = files[path].replace(pattern, replacement);
  },
  hostileDemo(files, rng) {
    const path = pickLesson(files, rng);
    const demo = rng.pick(['xor-mlp --epochs 999999999', 'nosuch --x 1', 'softmax --scores 1e309,1', 'positional-encoding --positions 100000 --dim 100000', 'attention --query "" --keys ""', 'rnn --inputs "$(touch pwned)"', 'sampling --temperature 0 --seed -1', 'softmax --scores ' + '1,'.repeat(5000) + '1']);
    files[path] = files[path].replace('softmax --scores 2,1,0', demo);
  },
  flipBytes(files, rng) {
    const path = rng.pick(Object.keys(files));
    const bytes = Buffer.from(files[path]);
    for (let count = rng.int(1, 8); count > 0 && bytes.length > 0; count--) bytes[rng.int(0, bytes.length - 1)] = rng.int(0, 255);
    files[path] = bytes;
  },
  truncate(files, rng) {
    const path = rng.pick(Object.keys(files));
    const text = Buffer.from(files[path]);
    files[path] = text.subarray(0, rng.int(0, text.length));
  },
  removeFile(files, rng) {
    delete files[rng.pick(Object.keys(files))];
  },
  strangeNames(files, rng) {
    const path = pickLesson(files, rng);
    const name = rng.pick(['99-late.en.md', '00-zero.en.md', '01-first.fr.md', '1-short.en.md', '01-UPPER.en.md', '01-first.en.md.bak']);
    files[`${TOPIC}/${name}`] = files[path];
  },
  longLines(files, rng) {
    const path = pickLesson(files, rng);
    files[path] = files[path].replace('## More', `${rng.pick(['x', '字', 'ab ', '`']).repeat(rng.pick([10_000, 200_000]))}\n\n## More`);
  },
};

function pickLesson(files, rng) {
  const lessons = Object.keys(files).filter((path) => /\d\d-.*\.md$/.test(path) && typeof files[path] === 'string');
  return lessons.length > 0 ? rng.pick(lessons) : rng.pick(Object.keys(files));
}

function writePack(dir, files) {
  rmSync(dir, { recursive: true, force: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/** validate's output: every line a `path:line: message` problem, or its one summary line. */
function badValidateLines(stdout) {
  return stdout
    .split('\n')
    .filter((line) => line !== '' && !/^\S[^\n]*?:\d+: \S/.test(line) && !/checked: no problems\.$/.test(line));
}

async function checkPack({ dir, env, rng, marker, label }) {
  const failures = [];
  const colour = { ...env, FORCE_COLOR: '1', NO_COLOR: undefined };
  delete colour.NO_COLOR;
  const commands = [
    { args: ['validate', dir], env: colour },
    rng.pick([
      { args: ['list', '--lessons', dir], env: colour },
      { args: ['list', '--json', '--lessons', dir], env },
      { args: ['list', TOPIC, '--lessons', dir, '--lang', 'zh'], env: colour },
    ]),
    rng.pick([
      { args: ['read', `${TOPIC}/1`, '--no-pager', '--lessons', dir], env: colour },
      { args: ['read', `${TOPIC}/2`, '--no-pager', '--lessons', dir, '--lang', 'zh'], env: colour },
      { args: ['read', `${TOPIC}/1`, '--outline', '--lessons', dir], env: colour },
      { args: ['quiz', TOPIC, '--porcelain', '--new', '10', '--seed', '1', '--lessons', dir], env: colour, input: '1\n1,2\n0.75\nsoftmax\n1\n1\n1\n' },
      { args: ['stats', '--lessons', dir], env: colour },
    ]),
  ];
  const results = [];
  for (const command of commands) {
    const result = await run(command.args, { env: command.env, input: command.input ?? '', timeoutMs: 10_000 });
    results.push(result);
    const shown = `${label}: ${command.args.slice(0, 3).join(' ')}`;
    if (result.timedOut) failures.push(`${shown}: hang over 10 s`);
    else if (![0, 1, 2].includes(result.code)) failures.push(`${shown}: exit ${result.code}: ${result.stderr.slice(0, 200)}`);
    if (hasStackTrace(result.stderr) || hasStackTrace(result.stdout)) failures.push(`${shown}: stack trace: ${result.stderr.slice(0, 300)}`);
    const control = controlBytes(result.stdout) ?? controlBytes(result.stderr);
    if (control) failures.push(`${shown}: control byte in output: ${control}`);
    if (existsSync(marker)) {
      failures.push(`${shown}: CODE RAN from the pack`);
      rmSync(marker);
    }
    if (result.code === 99) failures.push(`${shown}: exit 99 (code from the pack ran)`);
  }
  const validate = results[0];
  const odd = badValidateLines(validate.stdout);
  if (odd.length > 0) failures.push(`${label}: validate line not as path:line: message: ${JSON.stringify(odd[0].slice(0, 160))}`);
  if (results[1].code !== 0 && !results[1].timedOut) failures.push(`${label}: ${commands[1].args.slice(0, 2).join(' ')} failed (exit ${results[1].code}) instead of warning about broken files: ${results[1].stderr.slice(0, 200)}`);
  return { failures, results };
}

export async function fuzzPacks({ packs = 2000, seed = 1, concurrency = 3, bigLesson = true, only } = {}) {
  const root = sandbox('fuzz-packs');
  const home = mkdirp(join(root, 'data'));
  const env = cliEnv(home);
  const marker = join(root, 'PWNED');
  const rng = createRng(seed);
  const names = Object.keys(MUTATIONS);
  const counts = Object.fromEntries(names.map((name) => [name, 0]));
  const failures = [];
  let validateReported = 0;
  const tasks = Array.from({ length: packs }, (_, index) => async () => {
    // Each pack is made when its turn comes (2,000 packs held at once took gigabytes).
    const packRng = createRng(seed * 100_003 + index);
    const files = basePack();
    const applied = [];
    for (let count = packRng.int(1, 3); count > 0; count--) {
      const name = packRng.pick(names);
      applied.push(name);
      counts[name]++;
      MUTATIONS[name](files, packRng, marker);
    }
    const dir = join(root, `pack-${index % (concurrency * 2)}-${index}`);
    writePack(dir, files);
    const checked = await checkPack({ dir, env, rng: packRng, marker, label: `pack ${index} (${applied.join('+')})` });
    if (checked.results[0].code === 1) validateReported++;
    rmSync(dir, { recursive: true, force: true });
    return checked.failures;
  });
  for (const found of await pool(only ? only.map((index) => tasks[index]) : tasks, concurrency)) failures.push(...found);

  // Fixed cases: a 10 MB lesson, and one broken file beside good ones.
  // A lesson of 10 MB (1 MB in a quick run).
  const big = basePack();
  const megabytes = bigLesson ? 10 : 1;
  big[`${TOPIC}/01-first.en.md`] = big[`${TOPIC}/01-first.en.md`].replace('## More', `${'A paragraph of ordinary text that goes on. '.repeat(24)}\n\n`.repeat((megabytes * 1024 * 1024) / 1100) + '## More');
  const bigDir = join(root, 'big');
  writePack(bigDir, big);
  const bigChecked = await checkPack({ dir: bigDir, env, rng: createRng(seed), marker, label: `${megabytes} MB lesson` });
  failures.push(...bigChecked.failures);
  const bigRead = await run(['read', `${TOPIC}/1`, '--no-pager', '--lessons', bigDir], { env, timeoutMs: 20_000 });
  if (bigRead.code !== 0) failures.push(`${megabytes} MB lesson: read exited ${bigRead.code} after ${Math.round(bigRead.ms)} ms: ${bigRead.stderr.slice(0, 200)}`);

  const broken = basePack();
  broken[`${TOPIC}/01-first.en.md`] = '---\ntitle: [unclosed\n---\n';
  const brokenDir = join(root, 'one-broken');
  writePack(brokenDir, broken);
  const brokenFile = `01-first.en.md`;
  const oneBroken = [];
  for (const [args, input] of [
    [['list', '--lessons', brokenDir], ''],
    [['read', `${TOPIC}/2`, '--no-pager', '--lessons', brokenDir], ''],
    [['read', 'deep-learning/1', '--no-pager', '--lessons', brokenDir], ''],
    [['quiz', TOPIC, '--porcelain', '--new', '5', '--lessons', brokenDir], '1\n1\n1\n'],
    [['quiz', 'deep-learning', '--porcelain', '--new', '1', '--lessons', brokenDir], '1\n'],
  ]) {
    const result = await run(args, { env, input });
    const ok = result.code === 0 && result.stderr.includes(brokenFile) && result.stdout.trim() !== '';
    oneBroken.push(ok);
    if (!ok) failures.push(`one broken file: ${args.slice(0, 2).join(' ')} should work with a warning naming ${brokenFile}; exit ${result.code}: ${result.stderr.slice(0, 200)}`);
  }

  return {
    name: 'fuzzed lesson packs',
    figures: [
      ['packs', packs],
      ['mutations applied', Object.entries(counts).map(([name, count]) => `${name} ${count}`).join(', ')],
      ['packs validate reported problems in', validateReported],
      [`${megabytes} MB lesson read (ms)`, Math.round(bigRead.ms)],
      ['commands working beside one broken file', `${oneBroken.filter(Boolean).length}/${oneBroken.length}`],
    ],
    failures,
  };
}
