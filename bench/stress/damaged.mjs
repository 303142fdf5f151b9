// 3. Damaged logs: each kind of damage gives one warning line naming the line (once), keeps every valid
//    event before and after it, and never fails a command; importing such a file either refuses it
//    whole or merges only its valid events, and never leaves a half-written log.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliEnv, createRng, hasStackTrace, mkdirp, run, sandbox, uuid } from './lib.mjs';


/** `count` valid review events, a minute apart, as log lines. */
export function validLines(rng, count, startMs = Date.parse('2026-02-01T09:00:00Z')) {
  const cards = ['attention/why-scale', 'rnn/vanishing', 'nlp/one-hot-size', 'deep-learning/what-is-learned'];
  return Array.from({ length: count }, (_, index) => {
    const rating = rng.int(1, 4);
    const event = { v: 1, id: uuid(rng), at: new Date(startMs + index * 60_000).toISOString(), type: 'review', card: rng.pick(cards), rating, correct: rating > 1, ms: rng.int(500, 9000) };
    return `${JSON.stringify(event)}\n`;
  });
}

const review = (fields) => Buffer.from(`${JSON.stringify({ v: 1, id: 'bad-0000', at: '2026-02-01T10:00:00.000Z', type: 'review', card: 'rnn/vanishing', rating: 3, correct: true, ...fields })}\n`);

/** Each case: the damage (bytes) and whether it is at the very end of the file. */
function damageCases(rng) {
  const torn = validLines(rng, 1)[0];
  return [
    { name: 'truncated mid-line (last line)', damage: Buffer.from(torn.slice(0, 40)), atEnd: true },
    { name: 'truncated mid-line, then more events', damage: Buffer.from(`${torn.slice(0, 55)}\n`) },
    { name: 'garbage lines in the middle', damage: Buffer.from('garbage\n{not json\n[1, 2, 3]\n"a string"\n') },
    { name: 'card: 123', damage: review({ card: 123 }) },
    { name: 'rating: 9', damage: review({ rating: 9 }) },
    { name: 'at: "tomorrow"', damage: review({ at: 'tomorrow' }) },
    { name: 'ms: "slow", cram: "no"', damage: review({ ms: 'slow', cram: 'no' }) },
    { name: 'a 50 MB line', damage: Buffer.from(`{"v":1,"id":"big","note":"${'x'.repeat(50 * 1024 * 1024)}"}\n`) },
    { name: 'NUL bytes (a zero-filled block)', damage: Buffer.concat([Buffer.alloc(4096), Buffer.from('\n')]) },
    { name: 'NUL bytes inside a line', damage: Buffer.from(`{"v":1,\u0000"id":"x"}\n`) },
    { name: 'invalid UTF-8', damage: Buffer.concat([Buffer.from('{"v":1,"id":"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('","at":"2026-02-01T10:00:00Z","type":"read","lesson":"nlp/1"}\n')]) },
    { name: 'a byte order mark', damage: Buffer.from([0xef, 0xbb, 0xbf]), atStart: true, harmless: true },
  ];
}

export async function damagedLogs({ seed = 1 } = {}) {
  const root = sandbox('damaged');
  const rng = createRng(seed);
  const failures = [];
  let warned = 0;
  let importsRefused = 0;
  let importsMerged = 0;
  const cases = damageCases(rng);
  for (const [index, testCase] of cases.entries()) {
    const home = mkdirp(join(root, `case-${index}`, 'data'));
    const env = cliEnv(home);
    const before = validLines(rng, 20);
    const after = testCase.atEnd ? [] : validLines(rng, 20, Date.parse('2026-02-02T09:00:00Z'));
    const parts = testCase.atStart
      ? [testCase.damage, Buffer.from(before.join('')), Buffer.from(after.join(''))]
      : [Buffer.from(before.join('')), testCase.damage, Buffer.from(after.join(''))];
    const file = Buffer.concat(parts);
    const logPath = join(home, 'events.jsonl');
    writeFileSync(logPath, file);
    const damageLine = testCase.atStart ? 1 : before.length + 1;
    const expected = [...before, ...after].join('');
    const label = `${testCase.name}:`;

    const exported = await run(['progress', 'export'], { env });
    if (exported.code !== 0) failures.push(`${label} progress export exited ${exported.code}: ${exported.stderr.slice(0, 200)}`);
    if (exported.stdout !== expected) failures.push(`${label} export kept ${exported.stdout.split('\n').length - 1} of ${before.length + after.length} valid events`);
    // The first command warns; later ones stay quiet about the same damage (it is in the log for good).
    for (const [step, args] of [['progress', 'export'], ['stats', '--json'], ['list']].entries()) {
      const result = args[0] === 'progress' ? exported : await run(args, { env });
      if (result.code !== 0 || hasStackTrace(result.stderr)) failures.push(`${label} ${args.join(' ')} exited ${result.code}: ${result.stderr.slice(0, 200)}`);
      const lines = result.stderr.split('\n').filter((line) => line.trim() !== '');
      if (testCase.harmless || step > 0) {
        if (lines.length > 0) failures.push(`${label} ${args.join(' ')} warned ${testCase.harmless ? 'about a harmless file' : 'again about damage already reported'}: ${lines[0]}`);
      } else if (lines.length !== 1 || !lines[0].includes(`events.jsonl:${damageLine}:`)) {
        failures.push(`${label} ${args.join(' ')}: expected one warning naming line ${damageLine}, got ${JSON.stringify(result.stderr.slice(0, 300))}`);
      } else warned++;
    }

    // Import the damaged file into another learner's log.
    const other = mkdirp(join(root, `case-${index}`, 'other'));
    const otherLog = join(other, 'events.jsonl');
    const existing = validLines(rng, 5, Date.parse('2026-01-01T09:00:00Z')).join('');
    writeFileSync(otherLog, existing);
    const imported = await run(['progress', 'import', logPath], { env: cliEnv(other) });
    const now = readFileSync(otherLog, 'utf8');
    if (hasStackTrace(imported.stderr)) failures.push(`${label} import: stack trace`);
    if (imported.code === 0) {
      importsMerged++;
      if (now !== existing + expected) failures.push(`${label} import merged, but the log is not the old log plus the valid events`);
    } else if (imported.code === 1) {
      importsRefused++;
      if (now !== existing) failures.push(`${label} import was refused, but the log changed`);
      if (!/events\.jsonl:\d+/.test(imported.stderr) || imported.stderr.trim().split('\n').length !== 1) failures.push(`${label} import refusal should be one line naming file:line, got ${JSON.stringify(imported.stderr.slice(0, 300))}`);
    } else failures.push(`${label} import exited ${imported.code}`);
  }

  // An import whose event ids are already in the log with other content is reported, not merged.
  const home = mkdirp(join(root, 'collide', 'data'));
  const log = validLines(rng, 10);
  writeFileSync(join(home, 'events.jsonl'), log.join(''));
  const changed = JSON.parse(log[3]);
  changed.rating = changed.rating === 4 ? 1 : 4;
  changed.correct = changed.rating > 1;
  const incoming = join(root, 'collide', 'incoming.jsonl');
  writeFileSync(incoming, [`${JSON.stringify(changed)}\n`, ...validLines(rng, 3, Date.parse('2026-02-05T09:00:00Z'))].join(''));
  const collided = await run(['progress', 'import', incoming], { env: cliEnv(home) });
  const collisionReported = collided.code === 1 && collided.stderr.includes(changed.id) && readFileSync(join(home, 'events.jsonl'), 'utf8') === log.join('');
  if (!collisionReported) failures.push(`import with a colliding event id: expected exit 1 naming ${changed.id} and the log unchanged, got exit ${collided.code}: ${collided.stderr.slice(0, 200)}`);

  return {
    name: 'damaged logs',
    figures: [
      ['kinds of damage', cases.length],
      ['commands that warned with the line number', warned],
      ['imports refused whole / merged clean', `${importsRefused} / ${importsMerged}`],
      ['colliding import reported', collisionReported ? 'yes' : 'NO'],
    ],
    failures,
  };
}
