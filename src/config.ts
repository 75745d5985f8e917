/**
 * Configuration from the environment (12-factor), validated once at start-up.
 * Every bad value is reported with the variable's name and what was expected.
 */

import { isIP } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { envReader } from './config-env.ts';
import { type InboundMailConfig, loadInboundMailConfig } from './config-mail-in.ts';
import { ROLES, type Role } from './domain/roles.ts';

const bool = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

/** proxy-addr's names for address ranges, accepted in TRUST_PROXY besides addresses and CIDRs. */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrCidr(s: string): boolean {
  if (RANGE_NAMES.has(s)) return true;
  const [addr, bits, ...rest] = s.split('/');
  if (rest.length > 0 || !addr || isIP(addr) === 0) return false;
  if (bits === undefined) return true;
  const max = isIP(addr) === 4 ? 32 : 128;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= max;
}

/**
 * Which proxies' X-Forwarded-* headers to believe: off (the default; the connection's address is
 * the client's), a hop count, or a comma-separated list of addresses and CIDR ranges.
 */
const TrustProxy = z
  .string()
  .trim()
  .transform((v, c): false | number | string[] => {
    if (['0', 'false', 'no', 'off'].includes(v)) return false;
    if (/^\d{1,2}$/.test(v)) return Number(v);
    const list = v
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean);
    if (list.length > 0 && list.every(isAddressOrCidr)) return list;
    c.addIssue({
      code: 'custom',
      message:
        'must be a hop count (e.g. 1) or a comma-separated list of proxy addresses or CIDR ranges (e.g. 10.0.0.0/8,127.0.0.1)',
    });
    return z.NEVER;
  });

const EnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// connection URL')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  EMBEDDED_SHARED_BUFFERS: z
    .string()
    .regex(/^\d+(kB|MB|GB)$/, 'must be a size such as 32MB')
    .default('16MB'),
  GRAPH_SNAPSHOT_DIR: z.string().min(1).optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  PUBLIC_URL: z.url({ message: 'must be an absolute URL such as https://steward.example.com' }).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  STEWARD_DEMO: bool.default(true),
  STEWARD_ADMIN_EMAIL: z.email({ message: 'must be an email address' }).default('admin@steward.local'),
  STEWARD_ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  STEWARD_JOBS: bool.default(true),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(12),
  ATTACHMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(1024 * 1024 * 1024)
    .default(20 * 1024 * 1024),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(10),
  LOGIN_LOCK_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  LOGIN_DELAY_MAX_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  TRUST_PROXY: TrustProxy.default(false),
  RATE_LIMIT_MAX: z.coerce.number().int().min(0).max(1_000_000).default(1200),
  RATE_LIMIT_WRITE_MAX: z.coerce.number().int().min(0).max(1_000_000).default(300),
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  METRICS_HOST: z.string().min(1).optional(),
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  WEB_DIST: z.string().min(1).optional(),
  OIDC_PROVIDERS: z
    .string()
    .regex(
      /^[a-z][a-z0-9_]{0,30}(,[a-z][a-z0-9_]{0,30})*$/,
      'must be a comma-separated list of ids such as corp,partner',
    )
    .optional(),
  LDAP_URL: z
    .string()
    .regex(/^ldaps?:\/\//, 'must be an ldap:// or ldaps:// URL')
    .optional(),
  MFA_REQUIRED_ROLES: z.string().optional(),
  SMTP_URL: z
    .string()
    .regex(
      /^smtps?:\/\/[^\s]+$/,
      'must be an smtp:// or smtps:// URL such as smtp://user:pass@mail.example.com:587',
    )
    .optional(),
  MAIL_FROM: z
    .string()
    .regex(
      /^([^<>]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/,
      'must be an address such as steward@example.com or "Service Desk <steward@example.com>"',
    )
    .default('Steward <steward@localhost>'),
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(12),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(30).default(8),
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(30_000),
  WEBHOOK_DISABLE_AFTER: z.coerce.number().int().min(1).max(1000).default(20),
});

export type Config = {
  databaseUrl: string | undefined;
  dataDir: string;
  /** The embedded database's buffer pool (PostgreSQL's shared_buffers), resident for the process's life. */
  embeddedSharedBuffers: string;
  /** Where the CMDB graph index keeps its snapshot files; null for none. */
  graphSnapshotDir: string | null;
  port: number;
  host: string;
  publicUrl: string | undefined;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  demo: boolean;
  adminEmail: string;
  adminPassword: string | undefined;
  jobs: boolean;
  sessionTtlHours: number;
  attachmentMaxBytes: number;
  /** Failed sign-ins for one account from one address before that address is locked out. */
  loginMaxFailures: number;
  loginLockMinutes: number;
  /** Cap of the exponential delay between sign-in attempts on an account under attack. */
  loginDelayMaxSeconds: number;
  trustProxy: false | number | string[];
  /** Requests per user, token or anonymous address per window; 0 turns the limit off. */
  rateLimitMax: number;
  /** State-changing requests per user or token per window; 0 turns the limit off. */
  rateLimitWriteMax: number;
  rateLimitWindowSeconds: number;
  /** Bearer token /metrics requires; unset, /metrics is served only on the metrics address. */
  metricsToken: string | undefined;
  /** A separate listen address for /metrics (no token needed there). */
  metricsHost: string | undefined;
  metricsPort: number | undefined;
  shutdownGraceMs: number;
  /** Folder of the built web app; web/dist when unset. */
  webDist: string | undefined;
  /** OpenID Connect providers offered on the sign-in page, in the order of OIDC_PROVIDERS. */
  oidcProviders: OidcProviderConfig[];
  /** LDAP / Active Directory bind authentication; undefined when LDAP_URL is unset. */
  ldap: LdapConfig | undefined;
  /** Roles whose local accounts must sign in with a TOTP code. */
  mfaRequiredRoles: Role[];
  /** Outgoing mail server; unset, mail is kept in the outbox unsent until it is set. */
  smtpUrl: string | undefined;
  /** The From of every message Steward sends; its domain names our Message-IDs. */
  mailFrom: string;
  /** Delivery attempts per message before it is marked failed (exponential backoff between). */
  mailMaxAttempts: number;
  /** Outgoing webhooks: request timeout, attempts per delivery, first retry delay, failures in a row before an endpoint is disabled. */
  webhooks: { timeoutMs: number; maxAttempts: number; retryBaseMs: number; disableAfter: number };
  /** Email in: the SMTP listener and IMAP polling (see config-mail-in.ts). */
  inboundMail: InboundMailConfig;
};

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.problems = problems;
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => {
        const name = String(i.path[0] ?? 'environment');
        const value = env[name];
        return `${name}${value === undefined ? '' : `=${JSON.stringify(value)}`}: ${i.message}`;
      }),
    );
  }
  const e = parsed.data;
  const sso = loadSsoConfig(env, e.OIDC_PROVIDERS, e.LDAP_URL, e.MFA_REQUIRED_ROLES);
  const inbound = loadInboundMailConfig(env);
  if (sso.problems.length || inbound.problems.length)
    throw new ConfigError([...sso.problems, ...inbound.problems]);
  if (sso.oidcProviders.length && !e.PUBLIC_URL) {
    throw new ConfigError([
      'PUBLIC_URL: must be set when OIDC_PROVIDERS is set (the callback address registered at each provider)',
    ]);
  }
  return {
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    embeddedSharedBuffers: e.EMBEDDED_SHARED_BUFFERS,
    graphSnapshotDir: graphSnapshotDir(e.GRAPH_SNAPSHOT_DIR, e.DATABASE_URL, e.DATA_DIR),
    port: e.PORT,
    host: e.HOST,
    publicUrl: e.PUBLIC_URL,
    logLevel: e.LOG_LEVEL,
    demo: e.STEWARD_DEMO,
    adminEmail: e.STEWARD_ADMIN_EMAIL,
    adminPassword: e.STEWARD_ADMIN_PASSWORD,
    jobs: e.STEWARD_JOBS,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    attachmentMaxBytes: e.ATTACHMENT_MAX_BYTES,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginLockMinutes: e.LOGIN_LOCK_MINUTES,
    loginDelayMaxSeconds: e.LOGIN_DELAY_MAX_SECONDS,
    trustProxy: e.TRUST_PROXY,
    rateLimitMax: e.RATE_LIMIT_MAX,
    rateLimitWriteMax: e.RATE_LIMIT_WRITE_MAX,
    rateLimitWindowSeconds: e.RATE_LIMIT_WINDOW_SECONDS,
    metricsToken: e.METRICS_TOKEN,
    metricsHost: e.METRICS_HOST,
    metricsPort: e.METRICS_PORT,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    webDist: e.WEB_DIST,
    oidcProviders: sso.oidcProviders,
    ldap: sso.ldap,
    mfaRequiredRoles: sso.mfaRequiredRoles,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    mailMaxAttempts: e.MAIL_MAX_ATTEMPTS,
    webhooks: {
      timeoutMs: e.WEBHOOK_TIMEOUT_MS,
      maxAttempts: e.WEBHOOK_MAX_ATTEMPTS,
      retryBaseMs: e.WEBHOOK_RETRY_BASE_MS,
      disableAfter: e.WEBHOOK_DISABLE_AFTER,
    },
    inboundMail: inbound.config,
  };
}

// ---- single sign-on and MFA ----

/** Maps a claim or directory group value to Steward roles (case-insensitive keys). */
export type RoleMap = Record<string, Role[]>;
/** Maps a claim or directory group value to the names of Steward groups. */
export type GroupMap = Record<string, string[]>;

/** How the people who sign in through one provider or directory become and stay Steward users. */
export type ProvisionPolicy = {
  roleMap: RoleMap;
  groupMap: GroupMap;
  defaultRole: Role;
  /** Create unknown users at their first sign-in. */
  createUsers: boolean;
  /** Lower-case email domains allowed to sign in; empty allows any. */
  allowedDomains: string[];
};

export type OidcProviderConfig = ProvisionPolicy & {
  id: string;
  label: string;
  issuer: string;
  clientId: string;
  clientSecret: string | undefined;
  scopes: string;
  /** The claim whose values (a string or an array of strings) the maps read. */
  roleClaim: string;
};

export type LdapConfig = ProvisionPolicy & {
  url: string;
  bindDn: string | undefined;
  bindPassword: string | undefined;
  userBase: string;
  /** `{email}` is replaced by the escaped address the person typed. */
  userFilter: string;
  groupBase: string | undefined;
  /** `{dn}` is replaced by the escaped DN of the user's entry. */
  groupFilter: string;
  emailAttribute: string;
  nameAttribute: string;
  timeoutMs: number;
};

type SsoParse = {
  oidcProviders: OidcProviderConfig[];
  ldap: LdapConfig | undefined;
  mfaRequiredRoles: Role[];
  problems: string[];
};

const isRole = (r: string): r is Role => (ROLES as readonly string[]).includes(r);
const ROLE_LIST = ROLES.join(', ');

/** Reads the per-provider and LDAP variables; every bad one adds a readable problem. */
function loadSsoConfig(
  env: Record<string, string | undefined>,
  providers: string | undefined,
  ldapUrl: string | undefined,
  mfaRoles: string | undefined,
): SsoParse {
  const { problems, get, bad } = envReader(env);
  const required = (name: string): string => {
    const v = get(name);
    if (!v) problems.push(`${name}: must be set`);
    return v ?? '';
  };
  const flag = (name: string, dflt: boolean): boolean => {
    const v = get(name);
    if (v === undefined) return dflt;
    if (!/^(0|1|true|false|yes|no)$/.test(v)) bad(name, 'must be 0, 1, true, false, yes or no');
    return v === '1' || v === 'true' || v === 'yes';
  };
  const role = (name: string): Role => {
    const v = get(name) ?? 'requester';
    if (!isRole(v)) bad(name, `must be one of ${ROLE_LIST}`);
    return isRole(v) ? v : 'requester';
  };
  const domains = (name: string) =>
    (get(name) ?? '')
      .split(',')
      .map((d) => d.trim().toLowerCase().replace(/^@/, ''))
      .filter(Boolean);
  const map = (name: string, roles: boolean): Record<string, string[]> => {
    const v = get(name);
    if (!v) return {};
    const expected = `must be a JSON object of value → ${roles ? 'role' : 'group name'} list, e.g. {"it-staff":["${roles ? 'agent' : 'Service Desk'}"]}`;
    let parsed: unknown;
    try {
      parsed = JSON.parse(v);
    } catch {
      bad(name, expected);
      return {};
    }
    const out: Record<string, string[]> = {};
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      bad(name, expected);
      return out;
    }
    for (const [k, list] of Object.entries(parsed)) {
      const items = typeof list === 'string' ? [list] : list;
      if (!Array.isArray(items) || !items.every((x) => typeof x === 'string')) bad(name, expected);
      else if (roles && !items.every(isRole))
        bad(name, `names a role Steward does not know; roles: ${ROLE_LIST}`);
      else out[k.toLowerCase()] = items;
    }
    return out;
  };
  /** The provisioning variables of one provider, named with its prefix (`OIDC_<ID>_`, `LDAP_`). */
  const policy = (p: string): ProvisionPolicy => ({
    roleMap: map(`${p}ROLE_MAP`, true) as RoleMap,
    groupMap: map(`${p}GROUP_MAP`, false),
    defaultRole: role(`${p}DEFAULT_ROLE`),
    createUsers: flag(`${p}CREATE_USERS`, true),
    allowedDomains: domains(`${p}ALLOWED_DOMAINS`),
  });

  const oidcProviders = (providers ? providers.split(',') : []).map((id): OidcProviderConfig => {
    const p = `OIDC_${id.toUpperCase()}_`;
    const issuer = required(`${p}ISSUER`);
    if (issuer && !/^https?:\/\/[^\s]+$/.test(issuer)) bad(`${p}ISSUER`, 'must be an http(s) URL');
    return {
      id,
      label: get(`${p}LABEL`) ?? id,
      issuer,
      clientId: required(`${p}CLIENT_ID`),
      clientSecret: get(`${p}CLIENT_SECRET`),
      scopes: get(`${p}SCOPES`) ?? 'openid email profile',
      roleClaim: get(`${p}ROLE_CLAIM`) ?? 'groups',
      ...policy(p),
    };
  });

  const ldap: LdapConfig | undefined = ldapUrl
    ? {
        url: ldapUrl,
        bindDn: get('LDAP_BIND_DN'),
        bindPassword: get('LDAP_BIND_PASSWORD'),
        userBase: required('LDAP_USER_BASE'),
        userFilter: get('LDAP_USER_FILTER') ?? '(mail={email})',
        groupBase: get('LDAP_GROUP_BASE'),
        groupFilter: get('LDAP_GROUP_FILTER') ?? '(|(member={dn})(uniqueMember={dn}))',
        emailAttribute: get('LDAP_EMAIL_ATTRIBUTE') ?? 'mail',
        nameAttribute: get('LDAP_NAME_ATTRIBUTE') ?? 'cn',
        ...policy('LDAP_'),
        timeoutMs: 5000,
      }
    : undefined;
  if (ldap && !ldap.userFilter.includes('{email}')) bad('LDAP_USER_FILTER', 'must contain {email}');
  if (ldap && Boolean(ldap.bindDn) !== Boolean(ldap.bindPassword))
    problems.push('LDAP_BIND_DN / LDAP_BIND_PASSWORD: set both or neither');

  const mfaRequiredRoles = (mfaRoles ?? '')
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  const unknown = mfaRequiredRoles.filter((r) => !isRole(r));
  if (unknown.length)
    bad('MFA_REQUIRED_ROLES', `names unknown roles (${unknown.join(', ')}); roles: ${ROLE_LIST}`);
  return { oidcProviders, ldap, mfaRequiredRoles: mfaRequiredRoles.filter(isRole), problems };
}

/**
 * The graph index's snapshot folder: as set (`off` for none); by default the embedded database's
 * folder, or a folder in the system's temporary directory beside a PostgreSQL server.
 */
function graphSnapshotDir(
  set: string | undefined,
  databaseUrl: string | undefined,
  dataDir: string,
): string | null {
  if (set === 'off') return null;
  if (set) return set;
  if (databaseUrl) return path.join(os.tmpdir(), 'steward-graph');
  return dataDir === 'memory://' ? null : dataDir;
}
