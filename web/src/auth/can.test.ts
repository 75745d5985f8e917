import { describe, expect, it } from 'vitest';
import { userCan } from './can.ts';

describe('userCan', () => {
  const as = (...roles: Parameters<typeof userCan>[0]['roles']) => ({ id: 'u1', roles });

  it('applies the server rules to the user roles', () => {
    expect(userCan(as('requester'), 'user.read')).toBe(false);
    expect(userCan(as('agent'), 'user.read')).toBe(true);
    expect(userCan(as('requester'), 'cmdb.read')).toBe(false);
    expect(userCan(as('agent'), 'cmdb.manage')).toBe(true);
    expect(userCan(as('change_manager'), 'change_schedule.manage')).toBe(true);
    expect(userCan(as('agent'), 'change_schedule.manage')).toBe(false);
    expect(userCan(as('process_owner'), 'incident.declare_major')).toBe(true);
    expect(userCan(as('agent'), 'incident.declare_major')).toBe(false);
    expect(userCan(as('agent'), 'improvement.raise')).toBe(true);
    expect(userCan(as('service_owner'), 'improvement.raise')).toBe(false);
    expect(userCan(as('change_manager'), 'change.manage')).toBe(true);
    expect(userCan(as('service_manager'), 'change.manage')).toBe(false);
  });

  it('offers an auditor nothing that writes, though the auditor reads everything', () => {
    expect(userCan(as('auditor'), 'cmdb.read')).toBe(true);
    expect(userCan(as('auditor'), 'cmdb.manage')).toBe(false);
    expect(userCan(as('auditor'), 'knowledge.manage')).toBe(false);
  });
});
