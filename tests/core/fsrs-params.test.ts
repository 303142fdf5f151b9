import { describe, expect, it } from 'vitest';
import { canExtendLog, parseEventLog, serializeEvent, summarizeWarnings } from '../../src/core/event-log.js';
import type { ProgressEvent } from '../../src/core/events.js';
import { currentParams, currentWeights } from '../../src/core/fsrs-params.js';
import { createScheduler, defaultWeights } from '../../src/core/schedule.js';

const weights = (first: number): number[] => [first, ...defaultWeights().slice(1)];
const params = (id: string, at: string, first: number): ProgressEvent => ({ v: 1, id, at, type: 'params', w: weights(first) });
const undo = (id: string, at: string, target: string): ProgressEvent => ({ v: 1, id, at, type: 'undo', target });

describe('params events (the FSRS weights the log sets)', () => {
  it('gives the latest params event by time, not by place in the log, and none without one', () => {
    expect(currentWeights([])).toBeUndefined();
    const log = [params('late', '2026-03-02T09:00:00Z', 0.5), params('early', '2026-03-01T09:00:00Z', 0.3)];
    expect(currentWeights(log)?.[0]).toBe(0.5);
    // Two at the same instant: the later in the log wins, as replay orders them.
    expect(currentParams([params('a', '2026-03-01T09:00:00Z', 1), params('b', '2026-03-01T09:00:00Z', 2)])?.id).toBe('b');
  });

  it('falls back to the one before when the latest is undone, and back to it when the undo is undone', () => {
    const log = [params('p1', '2026-03-01T09:00:00Z', 0.3), params('p2', '2026-03-02T09:00:00Z', 0.5), undo('u1', '2026-03-03T09:00:00Z', 'p2')];
    expect(currentWeights(log)?.[0]).toBe(0.3);
    expect(currentWeights([...log, undo('u2', '2026-03-04T09:00:00Z', 'u1')])?.[0]).toBe(0.5);
    expect(currentWeights([params('p1', '2026-03-01T09:00:00Z', 0.3), undo('u1', '2026-03-03T09:00:00Z', 'p1')])).toBeUndefined();
  });

  it('reads a params line, and skips one whose "w" is not 21 finite numbers with a warning naming the line', () => {
    const good = serializeEvent(params('p1', '2026-03-01T09:00:00Z', 0.3));
    const bad = [
      { w: weights(0.3).slice(0, 20) },
      { w: [...weights(0.3).slice(0, 20), null] },
      { w: [...weights(0.3).slice(0, 20), '1'] },
      { w: 'fast' },
      {},
    ].map((fields, index) => JSON.stringify({ v: 1, id: `b${index}`, at: '2026-03-01T09:00:00Z', type: 'params', ...fields }));
    const log = parseEventLog(good + bad.join('\n') + '\n');
    expect(log.events.map((event) => event.id)).toEqual(['p1']);
    expect(log.warnings.map((warning) => [warning.line, warning.message.en])).toEqual([
      [2, '"w" must be a list of 21 finite numbers (FSRS weights), got 20, skipped'],
      [3, '"w" must be a list of 21 finite numbers (FSRS weights), got a value that is not a finite number, skipped'],
      [4, '"w" must be a list of 21 finite numbers (FSRS weights), got a value that is not a finite number, skipped'],
      [5, '"w" must be a list of 21 finite numbers (FSRS weights), got "fast", skipped'],
      [6, '"w" must be a list of 21 finite numbers (FSRS weights), got undefined, skipped'],
    ]);
    expect(summarizeWarnings('events.jsonl', log.warnings.slice(0, 1), 1, 'zh')).toBe('events.jsonl:2：“w”必须是 21 个有限数值组成的列表（FSRS 参数），实际是 20 个，已跳过');
  });

  it('is never appended to a derived value: the whole history replays with the new weights', () => {
    expect(canExtendLog([params('p1', '2026-03-02T09:00:00Z', 0.3)], Date.parse('2026-03-01T09:00:00Z'))).toBe(false);
  });

  it('gives a scheduler those weights, clipped to the ranges ts-fsrs allows', () => {
    expect(createScheduler().weights).toEqual(defaultWeights());
    const wild = weights(0.3);
    wild[7] = 0.9; // w7 is kept within [0.001, 0.75]
    expect(createScheduler({ weights: wild }).weights).toEqual([0.3, ...defaultWeights().slice(1, 7), 0.75, ...defaultWeights().slice(8)]);
  });
});
