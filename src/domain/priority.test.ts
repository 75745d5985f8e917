import { describe, expect, it } from 'vitest';
import { DEFAULT_PRIORITY_MATRIX, derivePriority, validatePriorityMatrix } from './priority.ts';

describe('priority matrix', () => {
  it('derives critical from high impact and high urgency and planning from low and low', () => {
    expect(derivePriority(DEFAULT_PRIORITY_MATRIX, 1, 1)).toBe(1);
    expect(derivePriority(DEFAULT_PRIORITY_MATRIX, 3, 3)).toBe(5);
    expect(derivePriority(DEFAULT_PRIORITY_MATRIX, 2, 1)).toBe(2);
  });
  it('is monotone: raising impact or urgency never lowers the priority', () => {
    for (let i = 1; i <= 3; i++) {
      for (let u = 1; u <= 3; u++) {
        if (i > 1)
          expect(derivePriority(DEFAULT_PRIORITY_MATRIX, i - 1, u)).toBeLessThanOrEqual(
            derivePriority(DEFAULT_PRIORITY_MATRIX, i, u),
          );
        if (u > 1)
          expect(derivePriority(DEFAULT_PRIORITY_MATRIX, i, u - 1)).toBeLessThanOrEqual(
            derivePriority(DEFAULT_PRIORITY_MATRIX, i, u),
          );
      }
    }
  });
  it('throws for levels outside the matrix', () => {
    expect(() => derivePriority(DEFAULT_PRIORITY_MATRIX, 4, 1)).toThrow(RangeError);
  });
  it('validates shape and values with readable messages', () => {
    expect(validatePriorityMatrix(DEFAULT_PRIORITY_MATRIX)).toEqual([]);
    expect(validatePriorityMatrix('x')).toEqual(['The matrix must have 3 rows, one per impact level.']);
    expect(
      validatePriorityMatrix([
        [1, 2],
        [1, 2, 3],
        [1, 2, 3],
      ]),
    ).toEqual(['Row for impact 1 must have 3 cells, one per urgency level.']);
    expect(
      validatePriorityMatrix([
        [1, 2, 6],
        [1, 2, 3],
        [1, 2.5, 3],
      ]),
    ).toEqual([
      'Impact 1 × urgency 3: priority must be a whole number from 1 to 5.',
      'Impact 3 × urgency 2: priority must be a whole number from 1 to 5.',
    ]);
  });
});
