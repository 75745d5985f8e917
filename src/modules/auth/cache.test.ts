import { describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/roles.ts';
import { AuthCache } from './cache.ts';

const actor = (userId: string): Actor => ({ userId, roles: ['agent'], groupIds: [], scopes: null });

describe('authentication cache', () => {
  it('serves an entry until its time to live or the credential’s expiry, whichever is first', () => {
    const c = new AuthCache(30_000);
    c.enabled = true;
    c.set('a', { actor: actor('u1'), csrfToken: null }, 0, null, c.begin());
    c.set('b', { actor: actor('u2'), csrfToken: null }, 0, 5_000, c.begin());
    expect(c.get('a', 29_999)?.actor.userId).toBe('u1');
    expect(c.get('a', 30_000)).toBeUndefined();
    expect(c.get('b', 4_999)).toBeDefined();
    expect(c.get('b', 5_000)).toBeUndefined();
  });

  it('drops every entry of a user on invalidation', () => {
    const c = new AuthCache();
    c.enabled = true;
    c.set('s1', { actor: actor('u1'), csrfToken: 'x' }, 0, null, c.begin());
    c.set('t1', { actor: actor('u1'), csrfToken: null }, 0, null, c.begin());
    c.set('t2', { actor: actor('u2'), csrfToken: null }, 0, null, c.begin());
    c.invalidateUsers(['u1']);
    expect([c.get('s1', 1), c.get('t1', 1), c.get('t2', 1)?.actor.userId]).toEqual([
      undefined,
      undefined,
      'u2',
    ]);
  });

  it('refuses to store a read that started before an invalidation', () => {
    const c = new AuthCache();
    c.enabled = true;
    const gen = c.begin();
    c.invalidateUsers(['u1']); // a revocation lands while the read is in flight
    c.set('t1', { actor: actor('u1'), csrfToken: null }, 0, null, gen);
    expect(c.get('t1', 1)).toBeUndefined();
  });

  it('stores and serves nothing while disabled (listener down)', () => {
    const c = new AuthCache();
    c.set('t1', { actor: actor('u1'), csrfToken: null }, 0, null, c.begin());
    c.enabled = true;
    expect(c.get('t1', 1)).toBeUndefined();
  });

  it('evicts the oldest entry beyond its capacity', () => {
    const c = new AuthCache(30_000, 2);
    c.enabled = true;
    for (const k of ['a', 'b', 'c']) c.set(k, { actor: actor(k), csrfToken: null }, 0, null, c.begin());
    expect(c.size).toBe(2);
    expect(c.get('a', 1)).toBeUndefined();
  });
});
