import { describe, expect, it } from 'vitest';
import type { Role } from '../api/types.ts';
import { adminAreas, canManageCatalog, cmdbAreas } from './faces.ts';

const as = (...roles: Role[]) => ({ id: '00000000-0000-4000-8000-000000000001', roles });
const open = (areas: Record<string, boolean>) =>
  Object.entries(areas)
    .filter(([, yes]) => yes)
    .map(([area]) => area);

describe('admin areas, by the API’s own rules', () => {
  it('opens every area to an administrator', () => {
    expect(Object.values(adminAreas(as('admin'))).every(Boolean)).toBe(true);
  });

  it('opens the process settings to a process owner, and people and groups to no one else', () => {
    expect(open(adminAreas(as('process_owner')))).toEqual([
      'priorityMatrix',
      'processes',
      'automation',
      'notifications',
      'webhooks',
      'inboundMail',
      'inboundMailManage',
    ]);
    expect(open(adminAreas(as('service_manager')))).toEqual(['groups']);
  });

  it('lets an auditor read the audit trails and the inbound mail, and change nothing', () => {
    expect(open(adminAreas(as('auditor')))).toEqual(['audit', 'notificationLog', 'inboundMail']);
    expect(open(cmdbAreas(as('auditor')))).toEqual(['browse']);
  });

  it('lets agents keep the CMDB, service managers the catalog, and requesters neither', () => {
    expect(open(cmdbAreas(as('agent')))).toEqual(['browse', 'manage']);
    expect(canManageCatalog(as('service_manager'))).toBe(true);
    expect(canManageCatalog(as('agent'))).toBe(false);
    expect(open(cmdbAreas(as('requester')))).toEqual([]);
    expect(open(adminAreas(as('requester')))).toEqual([]);
  });
});
