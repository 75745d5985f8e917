import { describe, expect, it } from 'vitest';
import { PROCESS_KEY_LIST, processKeysWhere, RECORD_TYPE_DATA } from './record-types.ts';

describe('the list of record types', () => {
  it('gives every type its own key, number prefix and path', () => {
    for (const field of ['key', 'prefix', 'path'] as const) {
      const values = RECORD_TYPE_DATA.map((t) => t[field]);
      expect(new Set(values).size, field).toBe(values.length);
    }
    for (const t of RECORD_TYPE_DATA) expect(t.prefix).toMatch(/^[A-Z]{2,5}$/);
  });

  it('lists every process, built or not, for the settings', () => {
    expect(PROCESS_KEY_LIST).toEqual([
      'incident',
      'problem',
      'change',
      'request',
      'request_task',
      'improvement',
    ]);
    expect(RECORD_TYPE_DATA.filter((t) => !t.built).map((t) => t.key)).toEqual([]);
  });

  it('puts the record types that exist first in the admin and service level lists', () => {
    expect(processKeysWhere('administered')).toEqual([
      'incident',
      'problem',
      'change',
      'request',
      'improvement',
    ]);
    expect(processKeysWhere('slaTarget')).toEqual(['incident', 'problem', 'change', 'request']);
  });
});
