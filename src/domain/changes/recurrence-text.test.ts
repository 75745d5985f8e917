import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeRecurrence } from './recurrence-text.ts';

describe('describeRecurrence', () => {
  it.each([
    ['FREQ=DAILY', 'Every day'],
    ['FREQ=WEEKLY', 'Every week'],
    ['FREQ=YEARLY', 'Every year'],
    ['FREQ=HOURLY;INTERVAL=6', 'Every 6 hours'],
    ['FREQ=WEEKLY;BYDAY=SA', 'Every week on Saturday'],
    ['RRULE:FREQ=WEEKLY;BYDAY=SA', 'Every week on Saturday'],
    ['freq=weekly;byday=su', 'Every week on Sunday'],
    ['FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH', 'Every 2 weeks on Tuesday and Thursday'],
    ['FREQ=WEEKLY;BYDAY=MO,WE,FR', 'Every week on Monday, Wednesday and Friday'],
    ['FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', 'Every week on weekdays'],
    ['FREQ=DAILY;BYDAY=SA,SU', 'Every day on weekends'],
    ['FREQ=MONTHLY;BYDAY=1MO', 'Every month on the first Monday'],
    ['FREQ=MONTHLY;BYDAY=-1FR', 'Every month on the last Friday'],
    ['FREQ=MONTHLY;BYDAY=+2TU', 'Every month on the second Tuesday'],
    ['FREQ=MONTHLY;BYMONTHDAY=15', 'Every month on the 15th'],
    ['FREQ=MONTHLY;BYMONTHDAY=1,22,23,11', 'Every month on the 1st, 22nd, 23rd and 11th'],
    ['FREQ=MONTHLY;BYMONTHDAY=-1', 'Every month on the last day'],
    ['FREQ=MONTHLY;BYMONTHDAY=-2', 'Every month on the second-to-last day'],
    ['FREQ=WEEKLY;BYDAY=SA;COUNT=10', 'Every week on Saturday, 10 times'],
    ['FREQ=WEEKLY;COUNT=1', 'Every week, once'],
    ['FREQ=WEEKLY;UNTIL=20271231T000000Z', 'Every week, until 2027-12-31'],
    ['FREQ=WEEKLY;WKST=MO;BYDAY=SA', 'Every week on Saturday'],
  ])('%s reads "%s"', (rule, words) => {
    expect(describeRecurrence(rule)).toBe(words);
  });

  it.each([
    // Parts it does not put into words: the rule is shown as it is, not half of it in words.
    'FREQ=MONTHLY;BYSETPOS=-1;BYDAY=FR',
    'FREQ=DAILY;BYHOUR=2',
    'FREQ=YEARLY;BYMONTH=12',
    // Combinations that would read wrongly or are not rules.
    'FREQ=WEEKLY;BYDAY=1MO',
    'FREQ=WEEKLY;BYMONTHDAY=1',
    'FREQ=MONTHLY;BYDAY=MO;BYMONTHDAY=1',
    'FREQ=WEEKLY;COUNT=2;UNTIL=20271231',
    'FREQ=WEEKLY;INTERVAL=0',
    'FREQ=WEEKLY;FREQ=DAILY',
    'FREQ=MINUTELY',
    'BYDAY=MO',
    'FREQ=MONTHLY;BYDAY=6MO',
    'FREQ=MONTHLY;BYMONTHDAY=32',
    'FREQ=WEEKLY;UNTIL=tomorrow',
    '',
  ])('%s is left to be shown as it is', (rule) => {
    expect(describeRecurrence(rule)).toBeNull();
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.string(), (rule) => {
        const words = describeRecurrence(rule);
        expect(words === null || words.startsWith('Every ')).toBe(true);
      }),
    );
  });
});
