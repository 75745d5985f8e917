import { describe, expect, it } from 'vitest';
import { containing } from './like.ts';

describe('containing', () => {
  it('matches the text anywhere, its LIKE wildcards and escapes taken literally', () => {
    expect(containing('laptop')).toBe('%laptop%');
    expect(containing('50%_off\\')).toBe('%50\\%\\_off\\\\%');
  });
});
