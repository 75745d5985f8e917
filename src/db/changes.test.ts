import { describe, expect, it } from 'vitest';
import { ConfigCache, followChanges } from './changes.ts';

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
