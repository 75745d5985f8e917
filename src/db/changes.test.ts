import { describe, expect, it } from 'vitest';
import { ConfigCache, followChanges, reconnectBackoff } from './changes.ts';

describe('ConfigCache', () => {
  const cached = async (cache: ConfigCache, key: string) => {
    let loads = 0;
    const load = async () => ++loads;
    await cache.get(key, load);
    await cache.get(key, load);
    return loads;
  };

  it('drops every key under an invalidated prefix and keeps the others', async () => {
    const cache = new ConfigCache();
    cache.enabled = true;
    await cache.get('automation:incident', async () => 'rules');
    await cache.get('settings:lifecycle', async () => 'lifecycle');
    cache.invalidate('automation:');
    expect(await cache.get('automation:incident', async () => 'reloaded')).toBe('reloaded');
    expect(await cache.get('settings:lifecycle', async () => 'reloaded')).toBe('lifecycle');
  });

  it('drops the keys that follow a change topic when the topic is published', async () => {
    const cache = new ConfigCache();
    cache.enabled = true;
    followChanges('test-owner:renamed', 'test-follower:names');
    expect(await cached(cache, 'test-follower:names:impact')).toBe(1);
    expect(await cached(cache, 'test-bystander:names')).toBe(1);
    cache.invalidate('test-owner:renamed');
    expect(await cache.get('test-follower:names:impact', async () => 'reloaded')).toBe('reloaded');
    expect(await cache.get('test-bystander:names', async () => 'reloaded')).toBe(1);
  });
});

describe('reconnectBackoff', () => {
  it('doubles the delay up to its ceiling and starts over after a successful connection', () => {
    const backoff = reconnectBackoff(1000, 30_000);
    expect([1, 2, 3, 4, 5, 6, 7].map(() => backoff.next())).toEqual([
      1000, 2000, 4000, 8000, 16_000, 30_000, 30_000,
    ]);
    backoff.reset();
    expect(backoff.next()).toBe(1000);
  });
});
