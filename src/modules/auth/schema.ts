/** Tables owned by the auth module: users, groups, role grants, sessions, API tokens. */
import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  createdAtColumn,
  extensionKeyColumn,
  idColumn,
  parentColumn,
  versionedColumns,
} from '../../db/columns.ts';
import { organisations } from '../organisations/schema.ts';

export const users = pgTable(
  'users',
  {
    id: idColumn(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash'),
    title: text('title'),
    phone: text('phone'),
    timeZone: text('time_zone').notNull().default('UTC'),
    managerId: uuid('manager_id'),
    /** The customer organisation the person belongs to; chooses their SLA. */
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    active: boolean('active').notNull().default(true),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    ...versionedColumns(),
  },
  (t) => [
    uniqueIndex('users_email_lower_idx').on(sql`lower(${t.email})`),
    index('users_name_idx').on(t.name),
  ],
);

export const userRoles = pgTable(
  'user_roles',
  {
    userId: parentColumn('user_id', () => users.id),
    role: text('role').notNull(),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role] })],
);

export const groups = pgTable(
  'groups',
  {
    id: idColumn(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    email: text('email'),
    managerId: uuid('manager_id').references(() => users.id, { onDelete: 'set null' }),
    active: boolean('active').notNull().default(true),
    ...versionedColumns(),
  },
  (t) => [uniqueIndex('groups_name_lower_idx').on(sql`lower(${t.name})`)],
);

export const groupMembers = pgTable(
  'group_members',
  {
    groupId: parentColumn('group_id', () => groups.id),
    userId: parentColumn('user_id', () => users.id),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.userId] }), index('group_members_user_idx').on(t.userId)],
);

export const sessions = pgTable(
  'sessions',
  {
    /** sha256 of the cookie value; the cookie itself is never stored. */
    idHash: text('id_hash').primaryKey(),
    userId: parentColumn('user_id', () => users.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAtColumn(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: idColumn(),
    userId: parentColumn('user_id', () => users.id),
    name: text('name').notNull(),
    /** First characters of the token, shown in lists so people can tell tokens apart. */
    prefix: text('prefix').notNull(),
    tokenHash: text('token_hash').notNull(),
    scopes: text('scopes').array().notNull(),
    createdAt: createdAtColumn(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('api_tokens_hash_idx').on(t.tokenHash), index('api_tokens_user_idx').on(t.userId)],
);

/**
 * TOTP second factor of a local account (RFC 6238). `enabledAt` is null while enrolment awaits
 * its first code; `lastStep` is the last accepted time step, so a code is accepted only once.
 */
export const userMfa = pgTable('user_mfa', {
  userId: extensionKeyColumn('user_id', () => users.id),
  secret: text('secret').notNull(),
  enabledAt: timestamp('enabled_at', { withTimezone: true }),
  lastStep: integer('last_step').notNull().default(0),
  createdAt: createdAtColumn(),
});

/** One-time recovery codes, stored only as sha256 hashes (the codes are shown once). */
export const mfaRecoveryCodes = pgTable(
  'mfa_recovery_codes',
  {
    id: idColumn(),
    userId: parentColumn('user_id', () => users.id),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('mfa_recovery_codes_user_idx').on(t.userId)],
);

/**
 * The short-lived step between a correct password and the second factor. `pendingSecret` is set
 * when policy makes the user enrol during sign-in. Only the challenge's hash is stored.
 */
export const mfaChallenges = pgTable(
  'mfa_challenges',
  {
    idHash: text('id_hash').primaryKey(),
    userId: parentColumn('user_id', () => users.id),
    pendingSecret: text('pending_secret'),
    attempts: integer('attempts').notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('mfa_challenges_expires_idx').on(t.expiresAt)],
);

/** A user's account at an external identity provider (OIDC subject or LDAP entry). */
export const externalIdentities = pgTable(
  'external_identities',
  {
    provider: text('provider').notNull(),
    subject: text('subject').notNull(),
    userId: parentColumn('user_id', () => users.id),
    createdAt: createdAtColumn(),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.provider, t.subject] }),
    index('external_identities_user_idx').on(t.userId),
  ],
);

/**
 * An OIDC sign-in in flight: state, nonce and PKCE verifier stay on the server, keyed by the hash
 * of a random value held in a short-lived HttpOnly cookie. Deleted when the callback uses it.
 */
export const oidcLogins = pgTable(
  'oidc_logins',
  {
    idHash: text('id_hash').primaryKey(),
    provider: text('provider').notNull(),
    state: text('state').notNull(),
    nonce: text('nonce').notNull(),
    codeVerifier: text('code_verifier').notNull(),
    returnTo: text('return_to').notNull().default('/'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('oidc_logins_expires_idx').on(t.expiresAt)],
);
