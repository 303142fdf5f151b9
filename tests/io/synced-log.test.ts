import { appendFileSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeEvent } from '../../src/core/event-log.js';
import type { ProgressEvent } from '../../src/core/events.js';
import { derivedFromSyncedLogs } from '../../src/io/synced-cache.js';
import { readSyncedLog } from '../../src/io/synced-log.js';
import { tempDir } from '../helpers.js';
import { idsSpec } from './ids-spec.js';

const read = (id: string, at: string): ProgressEvent => ({ v: 1, id, at, type: 'read', lesson: `x/${id}` });
const lines = (...events: ProgressEvent[]): string => events.map(serializeEvent).join('');

/** A data dir and a sync folder, with the given local log and device files. */
function setup(local: string, devices: Record<string, string>): { home: string; dir: string } {
  const home = tempDir();
  const dir = tempDir('ml-tutor-sync-');
  writeFileSync(join(home, 'events.jsonl'), local);
  for (const [name, text] of Object.entries(devices)) writeFileSync(join(dir, name), text);
  return { home, dir };
}


describe('readSyncedLog', () => {
  it('reads the union of the local log and the *.jsonl files of the folder, each event once', () => {
    const { home, dir } = setup(lines(read('a1', '2026-03-01T09:00:00Z')), {
      'aaaa.jsonl': lines(read('a1', '2026-03-01T09:00:00Z')),
      'bbbb.jsonl': lines(read('b1', '2026-03-01T08:00:00Z'), read('a1', '2026-03-01T09:00:00Z')),
      'notes.txt': lines(read('not-a-log', '2026-03-01T07:00:00Z')),
      '.syncthing.cccc.jsonl.tmp': lines(read('in-transit', '2026-03-01T07:00:00Z')),
    });
    mkdirSync(join(dir, '.stversions'));
    writeFileSync(join(dir, '.stversions', 'old.jsonl'), lines(read('old-version', '2026-03-01T07:00:00Z')));
    const log = readSyncedLog(home, dir);
    expect(log.events.map((event) => event.id)).toEqual(['b1', 'a1']);
    expect(log.warnings).toEqual([]);
    expect(log.sources.map(({ name, kind, events }) => [name, kind, events])).toEqual([
      ['aaaa.jsonl', 'device', 1],
      ['bbbb.jsonl', 'device', 2],
      ['events.jsonl', 'local', 1],
    ]);
  });

  it('skips a device file’s torn last line without a word, and names the file and line of damage inside it', () => {
    const good = lines(read('b1', '2026-03-01T08:00:00Z'));
    const { home, dir } = setup('', { 'bbbb.jsonl': `${good}{"v":1,"id":"b2","at":"2026-03-01T0` });
    expect(readSyncedLog(home, dir)).toMatchObject({ warnings: [], events: [expect.objectContaining({ id: 'b1' })] });
    writeFileSync(join(dir, 'bbbb.jsonl'), `${good}garbage\n${lines(read('b3', '2026-03-01T10:00:00Z'))}`);
    const log = readSyncedLog(home, dir);
    expect(log.events.map((event) => event.id)).toEqual(['b1', 'b3']);
    expect(log.warnings).toEqual([{ line: 2, file: join(dir, 'bbbb.jsonl'), message: { en: 'not valid JSON, skipped', zh: expect.any(String) } }]);
  });

  it('still warns about a torn last line of the local log, as with sync off', () => {
    const { home, dir } = setup(`${lines(read('a1', '2026-03-01T09:00:00Z'))}{"v":1,"id":`, {});
    expect(readSyncedLog(home, dir).warnings).toEqual([{ line: 2, message: expect.objectContaining({ en: 'incomplete last line (an interrupted write?) skipped' }) }]);
  });

  it('reports two contents under one id at the copy it leaves out', () => {
    const { home, dir } = setup('', {
      'aaaa.jsonl': lines({ v: 1, id: 'x', at: '2026-03-01T09:00:00Z', type: 'read', lesson: 'x/b' }),
      'bbbb.jsonl': lines(read('other', '2026-03-01T08:00:00Z'), { v: 1, id: 'x', at: '2026-03-01T09:00:00Z', type: 'read', lesson: 'x/a' }),
    });
    const log = readSyncedLog(home, dir);
    expect(log.events).toContainEqual(expect.objectContaining({ id: 'x', lesson: 'x/a' }));
    expect(log.warnings).toEqual([
      { line: 1, file: join(dir, 'aaaa.jsonl'), message: expect.objectContaining({ en: `event x is also at ${join(dir, 'bbbb.jsonl')}:2 with different content; that copy counts, this one is skipped` }) },
    ]);
  });

  it('shows this device’s progress, with a warning, when the folder cannot be read', () => {
    const { home, dir } = setup(lines(read('a1', '2026-03-01T09:00:00Z')), {});
    const gone = join(dir, 'unmounted');
    const log = readSyncedLog(home, gone);
    expect(log.events.map((event) => event.id)).toEqual(['a1']);
    expect(log.warnings).toEqual([{ line: 0, file: gone, message: expect.objectContaining({ en: 'cannot read the sync folder (no such file or directory); showing the progress saved on this device' }) }]);
  });
});

describe('derivedFromSyncedLogs', () => {
  /** The value through the cache, checked against a whole derivation of the same files. */
  function derive(home: string, dir: string, calls: { derive: number; extend: number }): string[] {
    const value = derivedFromSyncedLogs(home, dir, idsSpec(calls)).value;
    const fresh = tempDir();
    writeFileSync(join(fresh, 'events.jsonl'), readFileSync(join(home, 'events.jsonl')));
    expect(derivedFromSyncedLogs(fresh, dir, idsSpec({ derive: 0, extend: 0 })).value).toEqual(value);
    return value;
  }

  it('uses its cache while no file changed, and reads only the new lines of files that grew or appeared', () => {
    const { home, dir } = setup(lines(read('a1', '2026-03-01T09:00:00Z')), { 'aaaa.jsonl': lines(read('a1', '2026-03-01T09:00:00Z')), 'bbbb.jsonl': lines(read('b1', '2026-03-01T08:00:00Z')) });
    const calls = { derive: 0, extend: 0 };
    expect(derive(home, dir, calls)).toEqual(['b1', 'a1']);
    expect(derive(home, dir, calls)).toEqual(['b1', 'a1']);
    expect(calls).toEqual({ derive: 1, extend: 0 });

    // An answer saved here: in the local log and in this device's file, counted once.
    appendFileSync(join(home, 'events.jsonl'), lines(read('a2', '2026-03-01T10:00:00Z')));
    appendFileSync(join(dir, 'aaaa.jsonl'), lines(read('a2', '2026-03-01T10:00:00Z')));
    expect(derive(home, dir, calls)).toEqual(['b1', 'a1', 'a2']);
    // One synced from B, half of another still on its way, and a new device's file.
    appendFileSync(join(dir, 'bbbb.jsonl'), `${lines(read('b2', '2026-03-01T11:00:00Z'))}{"v":1,"id":"b3","at":"2026-03-01T12:0`);
    writeFileSync(join(dir, 'cccc.jsonl'), lines(read('c1', '2026-03-01T11:30:00Z')));
    expect(derive(home, dir, calls)).toEqual(['b1', 'a1', 'a2', 'b2', 'c1']);
    appendFileSync(join(dir, 'bbbb.jsonl'), '0:00Z","type":"read","lesson":"x/b3"}\n');
    expect(derive(home, dir, calls)).toEqual(['b1', 'a1', 'a2', 'b2', 'c1', 'b3']);
    expect(calls).toEqual({ derive: 1, extend: 3 });
  });

  it('reads the whole union again when new lines may repeat what is counted, or reach back in time', () => {
    const { home, dir } = setup(lines(read('a1', '2026-03-01T09:00:00Z')), { 'bbbb.jsonl': lines(read('b1', '2026-03-01T08:00:00Z')) });
    const calls = { derive: 0, extend: 0 };
    derive(home, dir, calls);
    // A device file catching up with an event already counted from the local log.
    writeFileSync(join(dir, 'aaaa.jsonl'), lines(read('a1', '2026-03-01T09:00:00Z')));
    expect(derive(home, dir, calls)).toEqual(['b1', 'a1']);
    // An event from before the latest one counted (synced late).
    appendFileSync(join(dir, 'bbbb.jsonl'), lines(read('b0', '2026-03-01T07:00:00Z')));
    expect(derive(home, dir, calls)).toEqual(['b0', 'b1', 'a1']);
    // An undo, which reaches back.
    appendFileSync(join(dir, 'bbbb.jsonl'), lines({ v: 1, id: 'u1', at: '2026-03-01T12:00:00Z', type: 'undo', target: 'b1' }));
    expect(derive(home, dir, calls)).toEqual(['b0', 'a1']);
    // A file replaced by a new copy (a sync tool renames one over it), and one removed.
    writeFileSync(join(dir, 'new'), lines(read('c0', '2026-03-01T13:00:00Z')));
    renameSync(join(dir, 'new'), join(dir, 'aaaa.jsonl'));
    expect(derive(home, dir, calls)).toEqual(['b0', 'a1', 'c0']);
    rmSync(join(dir, 'aaaa.jsonl'));
    expect(derive(home, dir, calls)).toEqual(['b0', 'a1']);
    expect(calls).toEqual({ derive: 6, extend: 0 });
  });
});
