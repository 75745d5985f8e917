import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
};

describe('single sign-on and MFA configuration', () => {
  it('is off by default', () => {
    const c = loadConfig({});
    expect(c.oidcProviders).toEqual([]);
    expect(c.ldap).toBeUndefined();
    expect(c.mfaRequiredRoles).toEqual([]);
  });

  it('reads several OIDC providers with their maps, domains and defaults', () => {
    const c = loadConfig({
      PUBLIC_URL: 'https://itsm.example.com',
      OIDC_PROVIDERS: 'corp,partner',
      OIDC_CORP_ISSUER: 'https://login.corp.example',
      OIDC_CORP_CLIENT_ID: 'steward',
      OIDC_CORP_CLIENT_SECRET: 's3cret',
      OIDC_CORP_LABEL: 'Corp SSO',
      OIDC_CORP_ROLE_MAP: '{"IT-Staff":["agent"],"itsm-admins":"admin"}',
      OIDC_CORP_ALLOWED_DOMAINS: 'corp.example, @Sub.Corp.Example',
      OIDC_PARTNER_ISSUER: 'https://id.partner.example',
      OIDC_PARTNER_CLIENT_ID: 'steward-partner',
      OIDC_PARTNER_CREATE_USERS: '0',
    });
    expect(c.oidcProviders).toMatchObject([
      {
        id: 'corp',
        label: 'Corp SSO',
        roleMap: { 'it-staff': ['agent'], 'itsm-admins': ['admin'] },
        allowedDomains: ['corp.example', 'sub.corp.example'],
        defaultRole: 'requester',
        createUsers: true,
        scopes: 'openid email profile',
      },
      { id: 'partner', label: 'partner', clientSecret: undefined, createUsers: false, allowedDomains: [] },
    ]);
  });

  it('names every missing or bad provider variable', () => {
    const problems = problemsOf({
      PUBLIC_URL: 'https://itsm.example.com',
      OIDC_PROVIDERS: 'corp',
      OIDC_CORP_ROLE_MAP: '{"x":["wizard"]}',
      OIDC_CORP_DEFAULT_ROLE: 'boss',
    });
    expect(problems.join('\n')).toMatch(/OIDC_CORP_ISSUER: must be set/);
    expect(problems.join('\n')).toMatch(/OIDC_CORP_CLIENT_ID: must be set/);
    expect(problems.join('\n')).toMatch(/OIDC_CORP_ROLE_MAP=.*role Steward does not know/);
    expect(problems.join('\n')).toMatch(/OIDC_CORP_DEFAULT_ROLE="boss": must be one of/);
  });

  it('needs PUBLIC_URL for the OIDC callback and a list of ids in OIDC_PROVIDERS', () => {
    expect(
      problemsOf({ OIDC_PROVIDERS: 'corp', OIDC_CORP_ISSUER: 'https://x.example', OIDC_CORP_CLIENT_ID: 'a' }),
    ).toEqual([expect.stringMatching(/^PUBLIC_URL: must be set when OIDC_PROVIDERS/)]);
    expect(problemsOf({ OIDC_PROVIDERS: 'Corp Login' })[0]).toMatch(/^OIDC_PROVIDERS="Corp Login"/);
  });

  it('reads LDAP settings and rejects a user filter without {email} or a lone bind DN', () => {
    const c = loadConfig({
      LDAP_URL: 'ldap://127.0.0.1:389',
      LDAP_USER_BASE: 'ou=people,dc=example,dc=org',
      LDAP_ROLE_MAP: '{"steward-admins":["admin"]}',
    });
    expect(c.ldap).toMatchObject({ userFilter: '(mail={email})', roleMap: { 'steward-admins': ['admin'] } });
    const problems = problemsOf({
      LDAP_URL: 'ldap://127.0.0.1:389',
      LDAP_USER_BASE: 'ou=people,dc=example,dc=org',
      LDAP_USER_FILTER: '(uid=x)',
      LDAP_BIND_DN: 'cn=reader,dc=example,dc=org',
      LDAP_ROLE_MAP: 'admins=admin',
    });
    expect(problems.join('\n')).toMatch(/LDAP_USER_FILTER="\(uid=x\)": must contain \{email\}/);
    expect(problems.join('\n')).toMatch(/LDAP_BIND_DN \/ LDAP_BIND_PASSWORD: set both or neither/);
    expect(problems.join('\n')).toMatch(/LDAP_ROLE_MAP="admins=admin": must be a JSON object/);
  });

  it('reads the roles that must use MFA and names unknown ones', () => {
    expect(loadConfig({ MFA_REQUIRED_ROLES: 'admin, service_manager' }).mfaRequiredRoles).toEqual([
      'admin',
      'service_manager',
    ]);
    expect(problemsOf({ MFA_REQUIRED_ROLES: 'admin,root' })[0]).toMatch(/unknown roles \(root\)/);
  });
});
