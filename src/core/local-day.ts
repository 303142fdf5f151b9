/**
 * Local days. "New cards per day", "reviews today", streaks and the forecast count the learner's
 * calendar days, not UTC ones. The caller supplies the offset (the core never reads the clock or
 * the time zone): a fixed number, or a function of the instant so daylight-saving changes are right,
 * e.g. `(at) => -at.getTimezoneOffset()` in the command.
 */

const MS_PER_DAY = 86_400_000;

/** Minutes east of UTC (+480 for Beijing, −300 for New York in winter), or a function giving them for an instant. */
export type UtcOffset = number | ((at: Date) => number);

function offsetMinutes(at: Date, utcOffset: UtcOffset): number {
  return typeof utcOffset === 'number' ? utcOffset : utcOffset(at);
}

/**
 * The local calendar day of an instant as a whole number of days since 1970-01-01 (local):
 * floor((t + offset) / 1 day). Consecutive days differ by exactly 1.
 */
export function localDayNumber(at: Date, utcOffset: UtcOffset): number {
  return Math.floor((at.getTime() + offsetMinutes(at, utcOffset) * 60_000) / MS_PER_DAY);
}

/** How long an offset read from the time zone is trusted when it is the same at both ends (see offsetReader). */
const STEADY_OFFSET_MS = 6 * 3_600_000;

/**
 * The UTC offset in minutes at a time given in epoch ms, read from `utcOffset` as seldom as its
 * answers allow: a replay needs the local day of every old review it thins (200,000 on a long
 * history), and a Date and a time-zone lookup for each was ~40 ms of a cold start. An offset read at
 * t stands for every time up to t + 6 hours when the offset there is the same: no time zone changes
 * its offset and back within six hours (changes come weeks apart at the closest), so nothing between
 * differs. Times are asked for in increasing order, or the memo is simply read again.
 */
export function offsetReader(utcOffset: UtcOffset): (time: number) => number {
  if (typeof utcOffset === 'number') return () => utcOffset;
  let from = Number.NaN;
  let until = Number.NaN;
  let steady = 0;
  return (time) => {
    if (time >= from && time < until) return steady;
    const offset = utcOffset(new Date(time));
    if (utcOffset(new Date(time + STEADY_OFFSET_MS)) === offset) {
      from = time;
      until = time + STEADY_OFFSET_MS;
      steady = offset;
    }
    return offset;
  };
}

/** localDayNumber for times in epoch ms, through offsetReader (for the many reviews of a long history). */
export function localDayReader(utcOffset: UtcOffset): (time: number) => number {
  const offsetAt = offsetReader(utcOffset);
  return (time) => Math.floor((time + offsetAt(time) * 60_000) / MS_PER_DAY);
}

/** The instant local midnight begins the day that contains `at`. */
export function startOfLocalDay(at: Date, utcOffset: UtcOffset): Date {
  const day = localDayNumber(at, utcOffset);
  return new Date(day * MS_PER_DAY - offsetMinutes(at, utcOffset) * 60_000);
}
