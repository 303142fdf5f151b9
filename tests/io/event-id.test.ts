import { describe, expect, it } from 'vitest';
import { newEventId } from '../../src/io/event-id.js';

describe('newEventId', () => {
  it('is a version 4, variant 10 UUID, like crypto.randomUUID', () => {
    for (let index = 0; index < 200; index += 1) {
      expect(newEventId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });

  it('does not repeat, and every hex digit position varies', () => {
    const ids = Array.from({ length: 2000 }, () => newEventId());
    expect(new Set(ids).size).toBe(ids.length);
    // The 122 random bits are random: each of the 30 free hex positions takes many values.
    const free = [...Array(36).keys()].filter((position) => ![8, 13, 14, 18, 19, 23].includes(position));
    for (const position of free) expect(new Set(ids.map((id) => id[position])).size, `position ${position}`).toBeGreaterThan(10);
  });
});
