import { describe, expect, it } from 'vitest';
import { showsRecord } from './live.ts';

const inc = { recordId: '0b9c5c7e-2f7a-4a57-9d1e-6f1d2f1e0a11', type: 'incident', number: 'INC0000042' };

describe('showsRecord', () => {
  it('matches the record by id or number anywhere in the key', () => {
    expect(showsRecord(['incidents', 'one', 'INC0000042'], inc)).toBe(true);
    expect(showsRecord(['incidents', 'one', 'inc0000042'], inc)).toBe(true);
    expect(showsRecord(['records', inc.recordId, 'activity'], inc)).toBe(true);
    expect(showsRecord(['records', inc.recordId, 'sla', 'timeline'], inc)).toBe(true);
  });

  it('matches the lists of the record type, not its other records or other types', () => {
    expect(showsRecord(['incidents', 'list', { stateCategory: 'open' }], inc)).toBe(true);
    expect(showsRecord(['incidents', 'one', 'INC0000001'], inc)).toBe(false);
    expect(showsRecord(['incidents', 'options'], inc)).toBe(false);
    expect(showsRecord(['requests', 'list', {}], inc)).toBe(false);
    expect(showsRecord(['cmdb', 'cis', 'list'], inc)).toBe(false);
  });

  it('refreshes the approvals inbox when a request changes', () => {
    const req = { recordId: 'x', type: 'request', number: 'REQ0000007' };
    expect(showsRecord(['approvals', 'pending'], req)).toBe(true);
    expect(showsRecord(['requests', 'list', {}], req)).toBe(true);
  });
});
