import { describe, expect, it } from 'vitest';
import { storableForAudit } from './service.ts';

describe('storableForAudit', () => {
  it('turns NULs and unpaired surrogates into replacement characters, keeping the rest', () => {
    expect(storableForAudit({ email: '\ud800x', n: 3, list: ['a\u0000b'] })).toEqual({
      email: '\uFFFDx',
      n: 3,
      list: ['a\uFFFDb'],
    });
  });
});
