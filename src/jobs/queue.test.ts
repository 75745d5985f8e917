import { describe, expect, it } from 'vitest';
import { hasOptions, queueOptions } from './queue.ts';

describe('hasOptions', () => {
  it('accepts a stored queue with every option given, a stored null standing for one not set', () => {
    const stored = { name: 'sla-alert', notify: true, heartbeatSeconds: null, retryLimit: 2 };
    expect(hasOptions(stored, queueOptions(false))).toBe(true);
    expect(hasOptions({ ...stored, heartbeatSeconds: 10 }, queueOptions(true))).toBe(true);
  });

  it('refuses one whose options differ or are missing, so it is created or updated', () => {
    expect(hasOptions({ name: 'q', notify: false }, queueOptions(false))).toBe(false);
    expect(hasOptions({ name: 'q', notify: true, heartbeatSeconds: null }, queueOptions(true))).toBe(false);
    expect(hasOptions({ name: 'q' }, queueOptions(false))).toBe(false);
  });
});
