import { describe, expect, it } from 'vitest';
import { defaultRaci, raciAllows, raciAudience, validateRaci } from './raci.ts';

describe('RACI matrices', () => {
  it('ships a valid default for every process, with an approve activity for changes and requests', () => {
    for (const p of ['incident', 'request', 'problem', 'change'])
      expect(validateRaci(defaultRaci(p))).toEqual([]);
    expect(defaultRaci('change').activities.map((a) => a.key)).toContain('approve');
    expect(defaultRaci('incident').activities.map((a) => a.key)).not.toContain('approve');
  });

  it('requires exactly one accountable party and a responsible one', () => {
    const r = defaultRaci('incident');
    r.activities[0]!.accountable = [];
    r.activities[1]!.accountable = [
      { kind: 'role', role: 'agent' },
      { kind: 'role', role: 'admin' },
    ];
    r.activities[2]!.responsible = [];
    expect(validateRaci(r)).toEqual([
      'Activity "Log" needs exactly one accountable party (it has 0).',
      'Activity "Classify and prioritise" needs exactly one accountable party (it has 2).',
      'Activity "Assign" needs at least one responsible party.',
    ]);
  });

  it('lets only responsible or accountable parties close or approve, by role or group', () => {
    const r = defaultRaci('change');
    expect(raciAllows(r, 'approve', { roles: ['cab_member'], groupIds: [] })).toBe(true);
    expect(raciAllows(r, 'approve', { roles: ['agent'], groupIds: [] })).toBe(false);
    r.activities.find((a) => a.key === 'approve')!.responsible.push({ kind: 'group', groupId: 'g-ops' });
    expect(raciAllows(r, 'approve', { roles: ['agent'], groupIds: ['g-ops'] })).toBe(true);
    // Activities that are not enforced stay with the lifecycle's roles.
    expect(raciAllows(r, 'resolve', { roles: ['requester'], groupIds: [] })).toBe(true);
  });

  it('tells the consulted and informed parties', () => {
    expect(raciAudience(defaultRaci('incident'), 'close')).toEqual([{ kind: 'role', role: 'service_owner' }]);
    expect(raciAudience(defaultRaci('incident'), 'nope')).toEqual([]);
  });
});
