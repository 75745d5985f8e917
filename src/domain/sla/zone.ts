/**
 * Time-zone rules for the SLA clock, derived from the runtime's IANA data through `Intl` and cached.
 *
 * The offset of a zone (local wall time minus UTC, in ms) is piecewise constant. For each chunk of
 * roughly a year we sample the offset once a day and bisect every change down to the second, which
 * gives the list of transitions in that chunk. After that, an offset lookup is a map access and a
 * scan of (usually) zero to two transitions: no `Intl` call in the hot path.
 *
 * Nothing here reads the process time zone (`TZ`); all arithmetic is on epoch milliseconds.
 */

export const MS_PER_DAY = 86_400_000;
const CHUNK_MS = 400 * MS_PER_DAY;
const SAMPLE_MS = MS_PER_DAY;

type Chunk = {
  /** Offset in force at the chunk's first instant. */
  readonly initial: number;
  /** Instants (ms) at which the offset changes, ascending. */
  readonly at: number[];
  /** Offset in force from `at[i]` on. */
  readonly offset: number[];
};

/** Whether `Intl` knows the zone (IANA names and aliases such as `UTC`; case-insensitive). */
export function isKnownTimeZone(timeZone: string): boolean {
  if (timeZone.length === 0) return false;
  if (zones.has(timeZone)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

export class ZoneRules {
  readonly timeZone: string;
  readonly #format: Intl.DateTimeFormat;
  readonly #chunks = new Map<number, Chunk>();

  constructor(timeZone: string) {
    this.timeZone = timeZone;
    this.#format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  /** Offset (local minus UTC, ms) in force at the instant `t` (epoch ms). */
  offsetAt(t: number): number {
    const key = Math.floor(t / CHUNK_MS);
    const chunk = this.#chunks.get(key) ?? this.#buildChunk(key);
    let offset = chunk.initial;
    const { at } = chunk;
    for (let i = 0; i < at.length && at[i]! <= t; i++) offset = chunk.offset[i]!;
    return offset;
  }

  /** First offset change strictly after `t` and no later than `limit`, or null. */
  transitionAfter(t: number, limit: number): number | null {
    let key = Math.floor(t / CHUNK_MS);
    while (key * CHUNK_MS <= limit) {
      const chunk = this.#chunks.get(key) ?? this.#buildChunk(key);
      for (const at of chunk.at) if (at > t) return at <= limit ? at : null;
      key++;
    }
    return null;
  }

  /**
   * The instant of a local wall time, given as ms since 1970-01-01T00:00 *local*.
   * - Ambiguous wall times (clocks set back) resolve to the earlier occurrence.
   * - Non-existent wall times (clocks set forward) resolve to the instant of the jump, i.e. the first
   *   existing local time after the gap (02:30 on the Berlin spring-forward day gives 03:00 CEST).
   * This mapping is monotonic, so an interval of wall times always maps to an interval of instants.
   */
  resolve(local: number): number {
    const before = this.offsetAt(local - MS_PER_DAY);
    const after = this.offsetAt(local + MS_PER_DAY);
    const t1 = local - before;
    if (before === after && this.offsetAt(t1) === before) return t1;
    const t2 = local - after;
    const valid1 = this.offsetAt(t1) === before;
    const valid2 = this.offsetAt(t2) === after;
    if (valid1 && valid2) return Math.min(t1, t2);
    if (valid1) return t1;
    if (valid2) return t2;
    // In a gap: the jump lies between the two candidates.
    const lo = Math.min(t1, t2);
    const hi = Math.max(t1, t2);
    return this.transitionAfter(lo, hi) ?? hi;
  }

  #rawOffset(t: number): number {
    const second = Math.floor(t / 1000) * 1000;
    const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
    for (const { type, value } of this.#format.formatToParts(second)) parts[type] = value;
    const num = (type: Intl.DateTimeFormatPartTypes, absent: number) =>
      parts[type] === undefined ? absent : Number(parts[type]);
    const year = num('year', 0);
    const bc = parts.era === 'BC' || parts.era === 'B';
    const date = new Date(0);
    date.setUTCFullYear(bc ? 1 - year : year, num('month', 1) - 1, num('day', 1));
    date.setUTCHours(num('hour', 0), num('minute', 0), num('second', 0), 0);
    return date.getTime() - second;
  }

  #buildChunk(key: number): Chunk {
    const from = key * CHUNK_MS;
    const to = from + CHUNK_MS;
    const initial = this.#rawOffset(from);
    const at: number[] = [];
    const offset: number[] = [];
    let prevT = from;
    let prevOffset = initial;
    for (let t = Math.min(from + SAMPLE_MS, to); ; t = Math.min(t + SAMPLE_MS, to)) {
      const o = this.#rawOffset(t);
      if (o !== prevOffset) {
        // Bisect to the second: transitions in the tz database fall on whole seconds.
        let lo = prevT;
        let hi = t;
        while (hi - lo > 1000) {
          const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
          if (this.#rawOffset(mid) === prevOffset) lo = mid;
          else hi = mid;
        }
        at.push(hi);
        offset.push(o);
        prevOffset = o;
      }
      prevT = t;
      if (t >= to) break;
    }
    // The last sample sits on the next chunk's first instant; a change exactly there belongs to it.
    if (at.length > 0 && at[at.length - 1]! >= to) {
      at.pop();
      offset.pop();
    }
    const chunk: Chunk = { initial, at, offset };
    this.#chunks.set(key, chunk);
    return chunk;
  }
}

const zones = new Map<string, ZoneRules>();

/** Shared, lazily filled rules for a zone. Throws RangeError for a zone `Intl` does not know. */
export function zoneRules(timeZone: string): ZoneRules {
  let rules = zones.get(timeZone);
  if (rules === undefined) {
    rules = new ZoneRules(timeZone);
    zones.set(timeZone, rules);
  }
  return rules;
}
