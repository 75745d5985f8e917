import { describe, expect, it } from 'vitest';
import type { ProvisionPolicy } from '../../config.ts';
import { emailDomainAllowed, mappedRoles } from './external-users.ts';

const policy: ProvisionPolicy = {
  roleMap: { 'it-staff': ['agent'], 'itsm-admins': ['admin', 'agent'] },
  groupMap: {},
  defaultRole: 'requester',
  createUsers: true,
  allowedDomains: [],
};

describe('mapping provider values to roles', () => {
  it('unites the roles of every value that maps, case-insensitively', () => {
    expect(mappedRoles(['IT-Staff', 'ITSM-Admins', 'unrelated'], policy)).toEqual(['admin', 'agent']);
  });
  it('gives the default role when nothing maps, and nothing to change without a role map', () => {
    expect(mappedRoles(['unrelated'], policy)).toEqual(['requester']);
    expect(mappedRoles(['it-staff'], { ...policy, roleMap: {} })).toBeNull();
  });
});

describe('allowed email domains', () => {
  it('allows any domain when none is listed, else only the listed ones', () => {
    expect(emailDomainAllowed('a@anything.example', [])).toBe(true);
    expect(emailDomainAllowed('A@Corp.Example', ['corp.example'])).toBe(true);
    expect(emailDomainAllowed('a@corp.example.evil', ['corp.example'])).toBe(false);
    expect(emailDomainAllowed('a@sub.corp.example', ['corp.example'])).toBe(false);
  });
});
