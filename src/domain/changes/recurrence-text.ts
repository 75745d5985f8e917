/**
 * A window's recurrence rule (RFC 5545 RRULE, as `windows.ts` accepts it) in words: "Every week on
 * Saturday", "Every month on the last Friday", "Every 2 weeks on Tuesday and Thursday, 10 times".
 * It knows the parts a person writes for maintenance and freeze windows (FREQ, INTERVAL, BYDAY,
 * BYMONTHDAY, COUNT, UNTIL, WKST); for a rule with any other part it answers null, and the caller
 * shows the rule itself rather than words that would leave part of it out.
 */

const UNITS: Record<string, [string, string]> = {
  HOURLY: ['hour', 'hours'],
  DAILY: ['day', 'days'],
  WEEKLY: ['week', 'weeks'],
  MONTHLY: ['month', 'months'],
  YEARLY: ['year', 'years'],
};
const DAYS: Record<string, string> = {
  MO: 'Monday',
  TU: 'Tuesday',
  WE: 'Wednesday',
  TH: 'Thursday',
  FR: 'Friday',
  SA: 'Saturday',
  SU: 'Sunday',
};
const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth'];
const KNOWN = new Set(['FREQ', 'INTERVAL', 'BYDAY', 'BYMONTHDAY', 'COUNT', 'UNTIL', 'WKST']);

/** "a", "a and b", "a, b and c". */
const listed = (items: string[]) =>
  items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

/** 1 → "first", -1 → "last", -2 → "second-to-last"; null past the fifth. */
function ordinal(n: number): string | null {
  if (n === -1) return 'last';
  const word = ORDINALS[Math.abs(n) - 1];
  if (!word) return null;
  return n > 0 ? word : `${word}-to-last`;
}

/** 1 → "1st", 22 → "22nd", 13 → "13th". */
function dayOfMonth(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** BYDAY in words ("Tuesday and Thursday", "weekdays", "the last Friday"); null when unknown. */
function byDay(value: string): string | null {
  const days: string[] = [];
  for (const part of value.split(',')) {
    const m = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/.exec(part);
    if (!m) return null;
    const name = DAYS[m[2]!]!;
    if (m[1] === undefined) {
      days.push(name);
      continue;
    }
    const nth = ordinal(Number(m[1]));
    if (!nth) return null;
    days.push(`the ${nth} ${name}`);
  }
  if (value === 'MO,TU,WE,TH,FR') return 'weekdays';
  if (value === 'SA,SU') return 'weekends';
  return listed(days);
}

/** BYMONTHDAY in words ("the 1st and 15th", "the last day"); null when unknown. */
function byMonthDay(value: string): string | null {
  const days: string[] = [];
  for (const part of value.split(',')) {
    if (!/^[+-]?\d{1,2}$/.test(part)) return null;
    const n = Number(part);
    if (n === 0 || n > 31 || n < -31) return null;
    if (n > 0) days.push(dayOfMonth(n));
    else {
      const nth = ordinal(n);
      if (!nth) return null;
      days.push(`${nth} day`);
    }
  }
  return `the ${listed(days)}`;
}

/** "20271231T000000Z" or "20271231" → "2027-12-31"; null when it is neither. */
function untilDate(value: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})(T\d{6}Z?)?$/.exec(value);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/** The rule in words, or null when it has a part this does not put into words. */
export function describeRecurrence(rule: string): string | null {
  const parts = new Map<string, string>();
  for (const piece of rule
    .trim()
    .replace(/^RRULE:/i, '')
    .split(';')) {
    if (!piece) continue;
    const [key, value, extra] = piece.split('=');
    if (!key || value === undefined || extra !== undefined) return null;
    const k = key.toUpperCase();
    if (!KNOWN.has(k) || parts.has(k)) return null;
    parts.set(k, value.toUpperCase());
  }
  const unit = UNITS[parts.get('FREQ') ?? ''];
  if (!unit) return null;
  const interval = parts.has('INTERVAL') ? Number(parts.get('INTERVAL')) : 1;
  if (!Number.isInteger(interval) || interval < 1) return null;
  let text = interval === 1 ? `Every ${unit[0]}` : `Every ${interval} ${unit[1]}`;

  const days = parts.get('BYDAY');
  const monthDays = parts.get('BYMONTHDAY');
  if (days && monthDays) return null;
  if (days) {
    const words = byDay(days);
    // "The 2nd Monday" is a day of a month (or year); "Monday" a day of any week.
    if (!words || (words.startsWith('the ') && !['MONTHLY', 'YEARLY'].includes(parts.get('FREQ')!)))
      return null;
    text += ` on ${words}`;
  }
  if (monthDays) {
    if (parts.get('FREQ') !== 'MONTHLY') return null;
    const words = byMonthDay(monthDays);
    if (!words) return null;
    text += ` on ${words}`;
  }
  const count = parts.get('COUNT');
  const until = parts.get('UNTIL');
  if (count && until) return null;
  if (count) {
    const n = Number(count);
    if (!Number.isInteger(n) || n < 1) return null;
    text += n === 1 ? ', once' : `, ${n} times`;
  }
  if (until) {
    const date = untilDate(until);
    if (!date) return null;
    text += `, until ${date}`;
  }
  return text;
}
