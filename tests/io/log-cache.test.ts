import { appendFileSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeEvent } from '../../src/core/event-log.js';
import type { ProgressEvent } from '../../src/core/events.js';
import { derivedFromLog, usableStored, type DerivedSpec } from '../../src/io/log-cache.js';
import { idsSpec as spec } from './ids-spec.js';
import { tempDir } from '../helpers.js';

const read = (id: string, at: string): ProgressEvent => ({ v: 1, id, at, type: 'read', lesson: `x/${id}` });


function setup(events: ProgressEvent[]): string {
  const home = tempDir();
  writeFileSync(join(home, 'events.jsonl'), events.map(serializeEvent).join(''));
  return home;
}

describe('derivedFromLog', () => {
  it('derives once, then uses the cache while the log is unchanged, without reading it', () => {
    const home = setup([read('a', '2026-03-01T09:00:00Z'), read('b', '2026-03-01T09:01:00Z')]);
    const path = join(home, 'events.jsonl');
    const stamp = new Date('2026-03-01T10:00:00Z'); // whole seconds, so it can be set again exactly
    utimesSync(path, stamp, stamp);
    const calls = { derive: 0, extend: 0 };
    expect(derivedFromLog(home, spec(calls)).value).toEqual(['a', 'b']);
    // Rewrite the log in place with the same size and times: only a cache that does not read the
    // log still says "b".
    writeFileSync(path, readFileSync(path, 'utf8').replace('"b"', '"c"'));
    utimesSync(path, stamp, stamp);
    expect(derivedFromLog(home, spec(calls)).value).toEqual(['a', 'b']);
    expect(calls).toEqual({ derive: 1, extend: 0 });
  });

  it('extends the cached value with appended events only', () => {
    const home = setup([read('a', '2026-03-01T09:00:00Z')]);
    const calls = { derive: 0, extend: 0 };
    derivedFromLog(home, spec(calls));
    appendFileSync(join(home, 'events.jsonl'), serializeEvent(read('b', '2026-03-01T09:00:00Z')) + serializeEvent(read('c', '2026-03-02T09:00:00Z')));
    expect(derivedFromLog(home, spec(calls)).value).toEqual(['a', 'b', 'c']);
    appendFileSync(join(home, 'events.jsonl'), serializeEvent(read('d', '2026-03-03T09:00:00Z')));
    expect(derivedFromLog(home, spec(calls)).value).toEqual(['a', 'b', 'c', 'd']);
    expect(calls).toEqual({ derive: 1, extend: 2 });
  });

  it('derives anew when an appended event is older than the latest counted, or is an undo', () => {
    const home = setup([read('a', '2026-03-02T09:00:00Z')]);
    const calls = { derive: 0, extend: 0 };
    derivedFromLog(home, spec(calls));
    appendFileSync(join(home, 'events.jsonl'), serializeEvent(read('old', '2026-03-01T09:00:00Z')));
    // Derived in time order, as a fold always is (the log is out of order: it is sorted first).
    expect(derivedFromLog(home, spec(calls)).value).toEqual(['old', 'a']);
    appendFileSync(join(home, 'events.jsonl'), serializeEvent({ v: 1, id: 'u', at: '2026-03-05T09:00:00Z', type: 'undo', target: 'a' }));
    expect(derivedFromLog(home, spec(calls)).value).toEqual(['old']);
    expect(calls.extend).toBe(0);
  });

  it('derives anew, with the weights it sets, when a params event is appended; a cached value keeps its weights', () => {
    const home = setup([read('a', '2026-03-02T09:00:00Z')]);
    const calls = { derive: 0, extend: 0 };
    const told: Array<number | undefined> = [];
    const withWeights = (): DerivedSpec<string[]> => {
      const base = spec(calls);
      return { ...base, fold: (outline, from) => (told.push(outline.weights?.[0]), base.fold(outline, from)) };
    };
    expect(derivedFromLog(home, withWeights()).weights).toBeUndefined();
    const w = [0.7, ...Array.from({ length: 20 }, () => 0.5)];
    appendFileSync(join(home, 'events.jsonl'), serializeEvent({ v: 1, id: 'p', at: '2026-03-03T09:00:00Z', type: 'params', w }));
    expect(derivedFromLog(home, withWeights()).weights).toEqual(w);
    appendFileSync(join(home, 'events.jsonl'), serializeEvent(read('b', '2026-03-04T09:00:00Z')));
    expect(derivedFromLog(home, withWeights())).toMatchObject({ value: ['a', 'p', 'b'], weights: w });
    expect(derivedFromLog(home, withWeights())).toMatchObject({ value: ['a', 'p', 'b'], weights: w });
    expect(calls).toEqual({ derive: 2, extend: 1 });
    expect(told).toEqual([undefined, 0.7, 0.7]);
  });

  it('derives anew when the covered bytes changed, or the log was replaced by a shorter one', () => {
    const home = setup([read('a', '2026-03-01T09:00:00Z'), read('b', '2026-03-01T09:01:00Z')]);
    const calls = { derive: 0, extend: 0 };
    derivedFromLog(home, spec(calls));
    const path = join(home, 'events.jsonl');
    writeFileSync(path, readFileSync(path, 'utf8').replace('"b"', '"B"') + serializeEvent(read('c', '2026-03-02T09:00:00Z')));
    expect(derivedFromLog(home, spec(calls)).value).toEqual(['a', 'B', 'c']);
    writeFileSync(path, serializeEvent(read('z', '2026-03-01T09:00:00Z')));
    expect(derivedFromLog(home, spec(calls)).value).toEqual(['z']);
    expect(calls).toEqual({ derive: 3, extend: 0 });
  });

  it('ignores the cache when "now" is before its latest event', () => {
    const home = setup([read('a', '2026-03-05T09:00:00Z')]);
    const calls = { derive: 0, extend: 0 };
    derivedFromLog(home, spec(calls));
    derivedFromLog(home, spec(calls, Date.parse('2026-03-01T00:00:00Z')));
    derivedFromLog(home, spec(calls, Date.parse('2026-03-06T00:00:00Z')));
    expect(calls).toEqual({ derive: 2, extend: 0 });
  });

  it('keeps the warnings of the covered lines and numbers those of appended lines in the whole file', () => {
    const home = setup([read('a', '2026-03-01T09:00:00Z')]);
    const path = join(home, 'events.jsonl');
    appendFileSync(path, 'garbage\n');
    const calls = { derive: 0, extend: 0 };
    expect(derivedFromLog(home, spec(calls)).warnings).toEqual([{ line: 2, message: expect.objectContaining({ en: 'not valid JSON, skipped' }) }]);
    appendFileSync(path, serializeEvent(read('b', '2026-03-02T09:00:00Z')) + '{"torn');
    const extended = derivedFromLog(home, spec(calls));
    expect(extended.value).toEqual(['a', 'b']);
    expect(extended.warnings).toEqual([
      { line: 2, message: expect.objectContaining({ en: 'not valid JSON, skipped' }) },
      { line: 4, message: expect.objectContaining({ en: 'incomplete last line (an interrupted write?) skipped' }) },
    ]);
    expect(extended.warningCount).toBe(2);
    // Unchanged since: the same warnings, from the cache.
    expect(derivedFromLog(home, spec(calls)).warnings).toHaveLength(2);
    expect(calls).toEqual({ derive: 1, extend: 1 });
  });

  it('has nothing to derive from a missing log, and caches nothing for it', () => {
    const calls = { derive: 0, extend: 0 };
    expect(derivedFromLog(tempDir(), spec(calls)).value).toEqual([]);
  });

  it('derives anew from a cache file that does not hold what it should (damaged or edited)', () => {
    const home = setup([read('a', '2026-03-01T09:00:00Z')]);
    const calls = { derive: 0, extend: 0 };
    derivedFromLog(home, spec(calls));
    const cachePath = join(home, 'cache', 'ids.json');
    const cached = JSON.parse(readFileSync(cachePath, 'utf8')) as Record<string, unknown>;
    for (const damage of [{ value: 'garbage' }, { warnings: null }]) {
      writeFileSync(cachePath, JSON.stringify({ ...cached, ...damage }));
      expect(derivedFromLog(home, spec(calls)).value).toEqual(['a']);
    }
    expect(calls).toEqual({ derive: 3, extend: 0 });
  });
});

describe('usableStored (the check both the log cache and the sync folder cache make)', () => {
  const decodeSpec: DerivedSpec<string[]> = {
    ...spec({ derive: 0, extend: 0 }, 2_000),
    decode: (stored) => {
      if (!Array.isArray(stored)) throw new TypeError('not ids');
      return stored as string[];
    },
  };
  const good = { key: 'k', identity: 'x', latest: 1_000, weights: null, warnings: [], warningCount: 0, value: ['a', 'b'] };

  it('decodes what we write', () => {
    expect(usableStored(good, 'k', decodeSpec)).toEqual({ stored: good, value: ['a', 'b'] });
  });

  it.each([
    ['another key', { ...good, key: 'other' }],
    ['a latest event after notAfter', { ...good, latest: 3_000 }],
    ['no warning count', { ...good, warningCount: undefined }],
    ['warnings that are not a list', { ...good, warnings: 'none' }],
    ['weights that are not 21 numbers', { ...good, weights: [1, 2] }],
    ['a value the spec cannot decode', { ...good, value: 'damaged' }],
  ])('refuses a file with %s', (_, cached) => {
    expect(usableStored(cached as never, 'k', decodeSpec)).toBeUndefined();
  });
});
