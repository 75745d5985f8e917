import { describe, expect, it } from 'vitest';
import { escapeFilterValue, rdnValue } from './ldap.ts';

describe('LDAP helpers', () => {
  it('escapes filter values as RFC 4515 says', () => {
    expect(escapeFilterValue('a*b(c)d\\e\0')).toBe('a\\2ab\\28c\\29d\\5ce\\00');
    expect(escapeFilterValue('ada@example.org')).toBe('ada@example.org');
  });
  it('reads the first RDN value of a DN, unescaping commas', () => {
    expect(rdnValue('cn=it-agents,ou=groups,dc=example,dc=org')).toBe('it-agents');
    expect(rdnValue('CN=Smith\\, John,OU=Staff,DC=corp')).toBe('Smith, John');
  });
});
