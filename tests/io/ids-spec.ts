import type { DerivedSpec } from '../../src/io/log-cache.js';

/** A derived value that is just the ids in order, counting how it was made. */
export function idsSpec(calls: { derive: number; extend: number }, notAfter?: number): DerivedSpec<string[]> {
  return {
    name: 'ids.json',
    key: 'ids',
    // A fold from nothing is a whole derivation; on top of a stored value, an extension.
    fold: (_latest, from) => {
      if (from) calls.extend++;
      else calls.derive++;
      const ids = [...(from ?? [])];
      return { add: (event) => void ids.push(event.id), value: () => ids };
    },
    encode: (value) => value,
    decode: (stored) => {
      if (!Array.isArray(stored)) throw new TypeError('not a list of ids');
      return stored as string[];
    },
    ...(notAfter === undefined ? {} : { notAfter }),
  };
}
