import { closeSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { foldLogEvents, parseEventLog, serializeEvent, type LogFold } from '../../src/core/event-log.js';
import type { ProgressEvent } from '../../src/core/events.js';
import { SeenIds } from '../../src/core/seen-ids.js';
import { foldLogFile } from '../../src/io/log-fold.js';
import { tempDir } from '../helpers.js';

/** A fold that records what it was given, so two ways of reading a log can be compared exactly. */
function tracer(): LogFold<string[]> & { latest?: number } {
  const seen: string[] = [];
  return { add: (event, time) => void seen.push(`${event.id}@${time}`), value: () => seen };
}

function lcg(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/** The n-th of a series of UUID-shaped ids, all different in their first 32 bits (n × an odd number, mod 2³², is one-to-one). */
function uuid(n: number): string {
  const hex = (value: number, digits: number): string => value.toString(16).padStart(digits, '0');
  return `${hex(Math.imul(n, 0x9e3779b1) >>> 0, 8)}-${hex(n & 0xffff, 4)}-4abc-8def-${hex(n, 12)}`;
}

/**
 * A log as a long-time learner's looks, in time order: reviews (some cram, some with ms), reads,
 * suspensions, resets, undos (and an undo of an undo), a few damaged lines, and optionally a byte
 * order mark, a 1.5 MB garbage line (longer than a piece and than a read) and a torn last line.
 */
function history(seed: number, lines: number, extras: { bom?: boolean; longLine?: boolean; torn?: boolean } = {}): string {
  const rng = lcg(seed);
  const out: string[] = [];
  const reviews: string[] = [];
  let ids = seed * 1_000_000;
  let time = Date.parse('2025-01-01T00:00:00Z');
  for (let index = 0; index < lines; index++) {
    time += Math.floor(rng() * 3) * 60_000; // some events share an instant
    const at = new Date(time).toISOString();
    const id = uuid(ids++);
    const roll = rng();
    let event: ProgressEvent;
    if (roll < 0.8) {
      event = { v: 1, id, at, type: 'review', card: `topic${Math.floor(rng() * 3)}/card-${Math.floor(rng() * 20)}`, rating: (1 + Math.floor(rng() * 4)) as 1 | 2 | 3 | 4, correct: rng() < 0.7 };
      if (rng() < 0.5) event.ms = Math.floor(rng() * 9000);
      if (rng() < 0.05) event.cram = true;
      reviews.push(id);
    } else if (roll < 0.88) event = { v: 1, id, at, type: 'read', lesson: `topic${Math.floor(rng() * 3)}/${1 + Math.floor(rng() * 5)}`, lang: 'en' };
    else if (roll < 0.92) event = { v: 1, id, at, type: rng() < 0.5 ? 'suspend' : 'unsuspend', card: 'topic1/card-3' };
    else if (roll < 0.93) event = { v: 1, id, at, type: 'reset', scope: rng() < 0.5 ? 'topic2' : 'all' };
    else if (roll < 0.97 && reviews.length > 0) event = { v: 1, id, at, type: 'undo', target: reviews[Math.floor(rng() * reviews.length)]! };
    else {
      out.push(rng() < 0.5 ? '{"v":1,"id":"broken' : JSON.stringify({ v: 1, id, at, type: 'review', card: 'x/y', rating: 9, correct: true }));
      continue;
    }
    out.push(JSON.stringify(event));
    if (event.type === 'undo' && rng() < 0.2) out.push(JSON.stringify({ v: 1, id: uuid(ids++), at, type: 'undo', target: id }));
    if (extras.longLine && index === Math.floor(lines / 2)) out.push(`"${'z'.repeat(1_500_000)}"`);
  }
  const text = out.join('\n') + (extras.torn ? '\n{"v":1,"id":"torn' : '\n');
  return extras.bom ? `\ufeff${text}` : text;
}

function foldFile(text: string | Buffer): ReturnType<typeof foldLogFile<string[]>> {
  const path = join(tempDir(), 'events.jsonl');
  writeFileSync(path, text);
  const fd = openSync(path, 'r');
  try {
    return foldLogFile(fd, Buffer.byteLength(text), () => tracer(), 10);
  } finally {
    closeSync(fd);
  }
}

describe('folding a log as it is read (foldLogFile)', () => {
  const cases: Array<[string, number, number, Parameters<typeof history>[2]]> = [
    ['a short log', 1, 50, {}],
    ['a log of several pieces, with a byte order mark and a torn last line', 2, 6000, { bom: true, torn: true }],
    ['a log with a line longer than a piece and than a read', 3, 4000, { longLine: true }],
  ];
  it.each(cases)('gives what sorting the parsed list gives: %s', (_name, seed, lines, extras) => {
    const text = history(seed, lines, extras);
    const folded = foldFile(text);
    const parsed = parseEventLog(text);
    expect(folded).toBeDefined();
    expect(folded!.value).toEqual(foldLogEvents(parsed.events, tracer()));
    expect(folded!.value.length).toBeGreaterThan(lines / 2);
    expect(folded!.warnings).toEqual(parsed.warnings.slice(0, 10));
    expect(folded!.warningCount).toBe(parsed.warnings.length);
    expect(folded!.newlines).toBe(text.split('\n').length - 1);
    expect(folded!.latest).toBe(Math.max(...parsed.events.map((event) => Date.parse(event.at))));
  });

  it('leaves out undone events and restores those whose undo was undone', () => {
    const review = (id: string, minute: number): ProgressEvent => ({ v: 1, id, at: new Date(Date.UTC(2026, 0, 1, 9, minute)).toISOString(), type: 'review', card: 'a/b', rating: 3, correct: true });
    const undo = (id: string, minute: number, target: string): ProgressEvent => ({ v: 1, id, at: new Date(Date.UTC(2026, 0, 1, 9, minute)).toISOString(), type: 'undo', target });
    const text = [review('r1', 0), review('r2', 1), undo('u1', 2, 'r1'), undo('u2', 3, 'r2'), undo('u3', 4, 'u2')].map(serializeEvent).join('');
    expect(foldFile(text)?.value).toEqual([`r2@${Date.UTC(2026, 0, 1, 9, 1)}`]);
  });

  it('tells the fold the weights of the latest params event not undone, found before the first event is folded', () => {
    const at = (minute: number): string => new Date(Date.UTC(2026, 0, 1, 9, minute)).toISOString();
    const w = (first: number): number[] => [first, ...Array.from({ length: 20 }, () => 0.5)];
    const lines = [
      serializeEvent({ v: 1, id: 'r1', at: at(0), type: 'review', card: 'a/b', rating: 3, correct: true }),
      serializeEvent({ v: 1, id: 'p1', at: at(1), type: 'params', w: w(1) }),
      serializeEvent({ v: 1, id: 'p2', at: at(2), type: 'params', w: w(2) }),
      serializeEvent({ v: 1, id: 'u1', at: at(3), type: 'undo', target: 'p2' }),
    ];
    const foldWith = (text: string): { weights: number[] | undefined; folded: ReturnType<typeof foldLogFile<string[]>> } => {
      const path = join(tempDir(), 'events.jsonl');
      writeFileSync(path, text);
      const fd = openSync(path, 'r');
      let told: number[] | undefined;
      try {
        const folded = foldLogFile(fd, Buffer.byteLength(text), (outline) => ((told = outline.weights), tracer()), 10);
        return { weights: told, folded };
      } finally {
        closeSync(fd);
      }
    };
    expect(foldWith(lines[0]!).weights).toBeUndefined();
    expect(foldWith(lines.slice(0, 3).join('')).weights?.[0]).toBe(2);
    const undone = foldWith(lines.join(''));
    expect(undone.weights?.[0]).toBe(1);
    expect(undone.folded?.weights?.[0]).toBe(1);
    // A params event spelled with a \u escape is found too.
    expect(foldWith(lines[1]!.replace('"params"', '"par\\u0061ms"')).weights?.[0]).toBe(1);
  });

  it('gives up (the caller sorts a list instead) on events out of time order, a repeated id, or bytes that are not UTF-8', () => {
    const event = (id: string, hour: number): string => serializeEvent({ v: 1, id, at: new Date(Date.UTC(2026, 0, 1, hour)).toISOString(), type: 'read', lesson: 'a/1' });
    expect(foldFile(event('a', 9) + event('b', 10))?.value).toHaveLength(2);
    expect(foldFile(event('a', 10) + event('b', 9))).toBeUndefined();
    expect(foldFile(event('a', 9) + event('a', 9))).toBeUndefined();
    expect(foldFile(event(uuid(1), 9) + event(uuid(2), 10) + event(uuid(1), 11))).toBeUndefined();
    expect(foldFile(Buffer.concat([Buffer.from(event('a', 9)), Buffer.from([0xff, 0x0a]), Buffer.from(event('b', 10))]))).toBeUndefined();
  });
});

describe('SeenIds', () => {
  it('finds a repeated UUID among 100,000 at the end, and a repeated other id at once', () => {
    const seen = new SeenIds();
    const ids = Array.from({ length: 100_000 }, (_, n) => uuid(n));
    expect(ids.every((id) => seen.add(id))).toBe(true);
    expect(seen.mayRepeat()).toBe(false);
    expect(seen.add(ids[12_345]!)).toBe(true);
    expect(seen.mayRepeat()).toBe(true);
    expect(seen.add('not-a-uuid')).toBe(true);
    expect(seen.add('not-a-uuid')).toBe(false);
  });

  it.each([
    ['random', (n: number) => Math.floor(lcg(n + 1)() * 2 ** 48)],
    ['sharing their first 32 bits (time-ordered ids)', (n: number) => 0x0190_abcd * 2 ** 16 + n],
    ['differing only in their first 16 bits', (n: number) => n * 2 ** 32 + 0x1234_5678],
  ])('finds any one repeat among 20,000 prefixes %s, wherever it sits', (_, prefix) => {
    const hex = (value: number): string => value.toString(16).padStart(12, '0');
    const ids = Array.from({ length: 20_000 }, (_, n) => {
      const digits = hex(prefix(n));
      return `${digits.slice(0, 8)}-${digits.slice(8, 12)}-4000-8000-${String(n).padStart(12, '0')}`;
    });
    const unique = new SeenIds();
    for (const id of ids) unique.add(id);
    expect(unique.mayRepeat()).toBe(false);
    for (const [first, second] of [[0, 19_999], [7_000, 7_001], [19_998, 3]] as const) {
      const seen = new SeenIds();
      ids.forEach((id, n) => seen.add(n === second ? ids[first]! : id));
      expect(seen.mayRepeat()).toBe(true);
    }
  });

  it('takes two UUIDs alike in their first 48 bits as possibly the same (never a repeat missed)', () => {
    const alike = new SeenIds();
    alike.add('0123abcd-ef01-4000-8000-000000000001');
    alike.add('0123abcd-ef02-4000-8000-000000000001');
    expect(alike.mayRepeat()).toBe(false);
    alike.add('0123abcd-ef01-4fff-bfff-ffffffffffff');
    expect(alike.mayRepeat()).toBe(true);
  });
});
