/**
 * The event ids of a long log, for finding a repeated line, in a fraction of a Set's time and
 * memory: a Set of 200,000 id strings took ~70 ms and ~20 MB on a cold start. Our ids are random
 * UUIDs (io/event-id.ts); the first 48 bits of one (its first twelve hex digits) are noted as a
 * number, one after the other in a plain array, and sorted once at the end, where a repeat sits
 * next to itself. Writing in order and one sort cost ~25 ms for 200,000 ids; a hash table probed
 * at random places took ~80 (each probe a cache miss). Any other id goes in a plain Set.
 *
 * `add` returns false at once for a repeated id that is not a UUID. `mayRepeat` answers for the
 * UUIDs at the end: true for a repeated one, and, with a chance of about n²/2⁴⁹ (7·10⁻⁵ for
 * n = 200,000), for two different UUIDs that share their first 48 bits. The caller then takes its
 * exact (slower) way; a repeat is never counted twice.
 */
export class SeenIds {
  private prefixes: Float64Array;
  private count = 0;
  private readonly others = new Set<string>();

  /** `expected`: about how many ids will be added (room for more is made if need be). */
  constructor(expected = 0) {
    this.prefixes = new Float64Array(Math.max(1024, Math.ceil(expected)));
  }

  /** Notes `id`; false if it is not a UUID and was added before. */
  add(id: string): boolean {
    const key = uuidPrefix(id);
    if (key === undefined) {
      if (this.others.has(id)) return false;
      this.others.add(id);
      return true;
    }
    if (this.count === this.prefixes.length) {
      const more = new Float64Array(this.prefixes.length * 2);
      more.set(this.prefixes);
      this.prefixes = more;
    }
    this.prefixes[this.count++] = key;
    return true;
  }

  /** Whether a UUID may have been added twice (surely if one was; rarely two alike in 48 bits). */
  mayRepeat(): boolean {
    const sorted = this.prefixes.subarray(0, this.count).sort();
    for (let index = 1; index < sorted.length; index++) if (sorted[index] === sorted[index - 1]) return true;
    return false;
  }
}

/** The first 48 bits of a UUID written as 8-4-4-4-12 hex digits, as a number; undefined for any other id. */
export function uuidPrefix(id: string): number | undefined {
  if (id.length !== 36 || id.charCodeAt(8) !== 0x2d || id.charCodeAt(13) !== 0x2d || id.charCodeAt(18) !== 0x2d || id.charCodeAt(23) !== 0x2d) return undefined;
  let key = 0;
  for (let index = 0; index < 13; index++) {
    if (index === 8) continue;
    const digit = hexDigit(id.charCodeAt(index));
    if (digit < 0) return undefined;
    key = key * 16 + digit;
  }
  return key;
}

function hexDigit(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x61 && code <= 0x66) return code - 0x57;
  if (code >= 0x41 && code <= 0x46) return code - 0x37;
  return -1;
}
