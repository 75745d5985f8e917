import { describe, expect, it } from 'vitest';
import { formatWorkingSeconds } from './duration.ts';

describe('formatWorkingSeconds', () => {
  it.each([
    [0, '0 min'],
    [1, '< 1 min'],
    [59, '< 1 min'],
    [-30, '< 1 min'],
    [60, '1 min'],
    [3599, '59 min'],
    [3600, '1 h'],
    [3660, '1 h 1 min'],
    [-7380, '2 h 3 min'],
    [2880 * 60, '48 h'],
  ])('%i s reads "%s"', (seconds, text) => {
    expect(formatWorkingSeconds(seconds)).toBe(text);
  });
});
