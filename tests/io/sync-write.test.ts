import { appendFileSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeEvent } from '../../src/core/event-log.js';
import type { ProgressEvent } from '../../src/core/events.js';
import { messages } from '../../src/i18n/index.js';
import { appendEvents } from '../../src/io/event-store.js';
import { catchUpDeviceFile, deviceFilePath, mirrorEvents, missingFromDeviceFile } from '../../src/io/sync-write.js';
import { tempDir } from '../helpers.js';

let counter = 0;
const review = (): ProgressEvent => ({ v: 1, id: `r${++counter}`, at: '2026-03-01T09:00:00.000Z', type: 'review', card: 'rnn/gates', rating: 3, correct: true });

/** The ids on the file's lines, in order (every line must be a whole event). */
function fileIds(path: string): string[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as ProgressEvent).id);
}

/** A data dir with sync on (as `config sync_dir` leaves it), and a save through both writes. */
function setup(history: ProgressEvent[] = []): { home: string; target: { dir: string; device: string }; save: (events: ProgressEvent[]) => ReturnType<typeof mirrorEvents> } {
  const home = tempDir();
  const target = { dir: tempDir('ml-tutor-sync-'), device: 'dev1' };
  appendEvents(home, history);
  catchUpDeviceFile(home, target);
  return { home, target, save: (events) => mirrorEvents(home, target, events, appendEvents(home, events)!) };
}

describe('writing the device file', () => {
  it('copies the history when sync is turned on, and then appends each save', () => {
    const history = [review(), review()];
    const { home, target, save } = setup(history);
    expect(fileIds(deviceFilePath(target))).toEqual(history.map((event) => event.id));
    const next = review();
    expect(save([next])).toEqual({ kind: 'ok' });
    expect(readFileSync(deviceFilePath(target), 'utf8')).toBe([...history, next].map(serializeEvent).join(''));
    expect(fileIds(join(home, 'events.jsonl'))).toEqual(fileIds(deviceFilePath(target)));
  });

  it('says once that it is behind while the folder is away, then catches up every event by id', () => {
    const { home, target, save } = setup([review()]);
    const away = `${target.dir}-away`;
    renameSync(target.dir, away);
    const first = save([review()]);
    expect(first).toMatchObject({ kind: 'behind', firstTime: true, file: deviceFilePath(target) });
    if (first.kind === 'behind') expect(first.reason(messages('en'))).toBe('no such file or directory');
    expect(save([review()])).toMatchObject({ kind: 'behind', firstTime: false });
    expect(existsSync(target.dir)).toBe(false); // never made afresh
    renameSync(away, target.dir);
    expect(save([review()])).toEqual({ kind: 'caught-up', file: deviceFilePath(target), copied: 3 });
    expect(fileIds(deviceFilePath(target))).toEqual(fileIds(join(home, 'events.jsonl')));
    expect(save([review()])).toEqual({ kind: 'ok' });
    expect(missingFromDeviceFile(home, target).missing).toEqual([]);
  });

  it('catches up when the local log grew without it (another terminal, a process killed between the writes)', () => {
    const { home, target, save } = setup([review()]);
    appendEvents(home, [review()]); // saved locally only
    expect(save([review()])).toEqual({ kind: 'ok' });
    expect(fileIds(deviceFilePath(target))).toEqual(fileIds(join(home, 'events.jsonl')));
  });

  it('catches up a device file deleted or replaced behind its back', () => {
    const { home, target, save } = setup([review(), review()]);
    rmSync(deviceFilePath(target));
    save([review()]);
    expect(fileIds(deviceFilePath(target))).toEqual(fileIds(join(home, 'events.jsonl')));
  });

  it('cuts off its own torn last line before appending, and copies that event again', () => {
    const { home, target, save } = setup([review()]);
    const lost = review();
    appendEvents(home, [lost]);
    appendFileSync(deviceFilePath(target), serializeEvent(lost).slice(0, 30)); // the write cut short
    save([review()]);
    expect(fileIds(deviceFilePath(target))).toEqual(fileIds(join(home, 'events.jsonl')));
  });

  it('never copies one event twice, however often it is turned on again', () => {
    const { home, target } = setup([review(), review()]);
    expect(catchUpDeviceFile(home, target)).toEqual({ copied: 0 });
    writeFileSync(join(home, 'events.jsonl'), readFileSync(join(home, 'events.jsonl'), 'utf8').repeat(2)); // a line written twice
    expect(catchUpDeviceFile(home, target)).toEqual({ copied: 0 });
    expect(fileIds(deviceFilePath(target))).toHaveLength(2);
  });
});
