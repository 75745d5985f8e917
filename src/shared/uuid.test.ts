import { describe, expect, it } from 'vitest';
import { isUuid, uuidV7 } from './uuid.ts';

describe('uuidV7', () => {
  it('is a version 7 UUID of the RFC 9562 variant, carrying its millisecond', () => {
    const at = Date.UTC(2026, 11, 6, 15, 40, 0, 123);
    const id = uuidV7(at);
    expect(isUuid(id)).toBe(true);
    expect(id[14]).toBe('7');
    expect('89ab').toContain(id[19]!);
    expect(Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
  });

  it('sorts by the instant it was made, and never repeats', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => uuidV7(1_800_000_000_000 + Math.floor(i / 10)));
    expect(new Set(ids).size).toBe(ids.length);
    const firstOfEach = ids.filter((_, i) => i % 10 === 0);
    expect([...firstOfEach].sort()).toEqual(firstOfEach);
  });
});
