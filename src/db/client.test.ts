import { DrizzleQueryError } from 'drizzle-orm/errors';
import { describe, expect, it } from 'vitest';
import { logSafeError } from './client.ts';

describe('logSafeError', () => {
  it('keeps the SQL of a failed query but never its parameter values', () => {
    const cause = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), {
      code: '22021',
      detail: 'Key (token_hash)=(secret-hash) already exists.',
    });
    const err = new DrizzleQueryError(
      'insert into api_tokens values ($1, $2)',
      ['stw_secret', 'secret-hash'],
      cause,
    );
    const safe = logSafeError(err) as Error;
    const logged = JSON.stringify({ message: safe.message, stack: safe.stack, cause: safe.cause });
    expect(logged).toContain('insert into api_tokens');
    expect(logged).toContain('22021');
    expect(logged).not.toContain('secret-hash');
    expect(logged).not.toContain('stw_secret');
  });

  it('leaves other errors as they are', () => {
    const e = new Error('boom');
    expect(logSafeError(e)).toBe(e);
  });
});
