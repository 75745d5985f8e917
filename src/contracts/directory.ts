/** Wire shapes of the directory: people, groups and API tokens (`/api/v1/users`, `/groups`, `/tokens`). */
import { z } from 'zod';
import { ROLES, TOKEN_SCOPES } from '../domain/roles.ts';
import { LIMITS } from '../shared/limits.ts';
import { Uuid, Versioned } from './common.ts';

export const Role = z.enum(ROLES);
export const UserView = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    title: z.string().nullable(),
    phone: z.string().nullable(),
    timeZone: z.string(),
    managerId: z.string().nullable(),
    organisationId: z.string().nullable(),
    active: z.boolean(),
    roles: z.array(Role),
    groupIds: z.array(z.string()),
    lastLoginAt: z.string().nullable(),
    ...Versioned.shape,
  })
  .meta({ id: 'User' });
export const GroupView = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    email: z.string().nullable(),
    managerId: z.string().nullable(),
    active: z.boolean(),
    memberIds: z.array(z.string()),
    ...Versioned.shape,
  })
  .meta({ id: 'Group' });
export const TokenView = z
  .object({
    id: z.string(),
    userId: z.string(),
    name: z.string(),
    prefix: z.string(),
    scopes: z.array(z.enum(TOKEN_SCOPES)),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiToken' });

export const Email = z.email({ message: 'must be an email address' }).max(LIMITS.emailMax);
export const Password = z
  .string()
  .min(LIMITS.passwordMin, `must be at least ${LIMITS.passwordMin} characters`)
  .max(LIMITS.passwordMax);
export const UserCreate = z.object({
  email: Email,
  name: z.string().trim().min(1).max(LIMITS.nameMax),
  password: Password.optional(),
  title: z.string().max(LIMITS.nameMax).nullish(),
  phone: z.string().max(40).nullish(),
  timeZone: z.string().max(64).optional(),
  managerId: Uuid.nullish(),
  organisationId: Uuid.nullish().describe('The customer organisation the person belongs to'),
  active: z.boolean().optional(),
  roles: z.array(Role).max(ROLES.length).optional(),
  groupIds: z.array(Uuid).max(200).optional(),
});
export const GroupCreate = z.object({
  name: z.string().trim().min(1).max(LIMITS.nameMax),
  description: z.string().max(2000).optional(),
  email: Email.nullish(),
  managerId: Uuid.nullish(),
  active: z.boolean().optional(),
  memberIds: z.array(Uuid).max(5000).optional(),
});

export type UserView = z.infer<typeof UserView>;
export type GroupView = z.infer<typeof GroupView>;
export type TokenView = z.infer<typeof TokenView>;
export type UserCreate = z.input<typeof UserCreate>;
export type GroupCreate = z.input<typeof GroupCreate>;
