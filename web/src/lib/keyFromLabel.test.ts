import { describe, expect, it } from 'vitest';
import { keyFromLabel } from './keyFromLabel.ts';

describe('keyFromLabel', () => {
  it('joins the words of a label with _ in lower case', () => {
    expect(keyFromLabel('Pro 16 inch')).toBe('pro_16_inch');
    expect(keyFromLabel('  New -- state! ')).toBe('new_state');
  });

  it('drops what comes before the first letter, or keeps it behind a prefix', () => {
    expect(keyFromLabel('2nd line')).toBe('nd_line');
    expect(keyFromLabel('2nd line', 'f_')).toBe('f_2nd_line');
    expect(keyFromLabel('123')).toBe('');
    expect(keyFromLabel('123', 'f_')).toBe('f_123');
  });

  it('gives nothing for a label without letters or digits', () => {
    expect(keyFromLabel('')).toBe('');
    expect(keyFromLabel('___', 'f_')).toBe('');
  });

  it('keeps at most 40 characters, the prefix included', () => {
    expect(keyFromLabel(`${'a'.repeat(45)} b`)).toBe('a'.repeat(40));
    expect(keyFromLabel(`1${'a'.repeat(45)}`, 'f_')).toBe(`f_1${'a'.repeat(37)}`);
  });
});
