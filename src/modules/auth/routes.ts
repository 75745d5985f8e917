/** HTTP routes for sign-in, the current user, API tokens, users and groups. Thin: parse, call, present. */

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { GroupCreate, GroupView, Role, TokenView, UserCreate, UserView } from '../../contracts/directory.ts';
import { ROLE_LABELS, ROLES, TOKEN_SCOPES } from '../../domain/roles.ts';
import { clientIp, requireActor } from '../../http/auth.ts';
import { replaceHostileCharacters } from '../../http/input.ts';
import { resourceRoutes } from '../../http/resource.ts';
import { IdParam, PageQuery, problemResponses, route, Uuid } from '../../http/schemas.ts';
import { LIMITS } from '../../shared/limits.ts';
import {
  createGroup,
  createUser,
  deleteGroup,
  getGroup,
  getUser,
  listGroups,
  listUsers,
  updateGroup,
  updateUser,
} from './directory.ts';
import { MfaChallengeView } from './mfa-views.ts';
import { createApiToken, listApiTokens, login, logout, revokeApiToken, SESSION_COOKIE } from './service.ts';

export function authRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    // Secure cookies when users reach Steward over https: by its public URL, or directly, or
    // through a trusted TLS proxy (X-Forwarded-Proto counts only from proxies TRUST_PROXY names).
    const publicHttps = ctx.config.publicUrl?.startsWith('https://') ?? false;

    app.post(
      '/auth/login',
      {
        config: {
          rateLimit: { max: 30, timeWindow: '1 minute' },
          readOnlyRoleMay: true,
          ownInputHygiene: true,
        },
        schema: {
          tags: ['auth'],
          summary: 'Sign in with email and password; sets the session cookie',
          body: z.object({
            email: z.string().min(1).max(LIMITS.emailMax),
            password: z.string().min(1).max(LIMITS.passwordMax),
          }),
          response: {
            200: z.object({ user: UserView, csrfToken: z.string() }),
            202: MfaChallengeView,
            ...problemResponses,
          },
        },
      },
      async (req, reply) => {
        const r = await login(ctx, {
          // A garbled email is a failed sign-in like any other: audited and throttled.
          email: replaceHostileCharacters(req.body.email),
          password: req.body.password,
          ip: clientIp(req),
          userAgent: req.headers['user-agent'] ?? null,
        });
        if ('mfa' in r) return reply.code(202).send({ mfaRequired: true, ...r.mfa });
        reply.setCookie(SESSION_COOKIE, r.sessionToken, {
          httpOnly: true,
          sameSite: 'lax',
          secure: publicHttps || req.protocol === 'https',
          path: '/',
          expires: r.expiresAt,
        });
        const actor = { userId: r.userId, roles: [], groupIds: [], scopes: null };
        return { user: await getUser(ctx, actor, r.userId), csrfToken: r.csrfToken };
      },
    );

    app.post(
      '/auth/logout',
      {
        config: { readOnlyRoleMay: true },
        schema: { tags: ['auth'], summary: 'Sign out and end the session', response: { 204: z.null() } },
      },
      async (req, reply) => {
        const actor = requireActor(req);
        if (req.auth?.via === 'session') await logout(ctx, req.auth.sessionHash, actor, clientIp(req));
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/auth/me',
      {
        schema: {
          tags: ['auth'],
          summary: 'The signed-in user, their roles and the CSRF token for state-changing requests',
          response: {
            200: z.object({
              user: UserView,
              csrfToken: z.string().nullable(),
              via: z.enum(['session', 'token']),
            }),
            ...problemResponses,
          },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        return {
          user: await getUser(ctx, actor, actor.userId),
          csrfToken: req.auth?.via === 'session' ? req.auth.csrfToken : null,
          via: req.auth!.via,
        };
      },
    );

    app.get(
      '/roles',
      {
        schema: {
          tags: ['auth'],
          summary: 'The roles Steward knows',
          response: { 200: z.array(z.object({ key: Role, label: z.string() })) },
        },
      },
      async (req) => {
        requireActor(req);
        return ROLES.map((key) => ({ key, label: ROLE_LABELS[key] }));
      },
    );

    // ---- API tokens ----
    app.get(
      '/tokens',
      route(['tokens'], {
        summary: 'Your API tokens (all tokens with ?all=true, admins only)',
        querystring: z.object({ all: z.stringbool().optional() }),
        ok: z.array(TokenView),
      }),
      async (req) => listApiTokens(ctx, requireActor(req), req.query.all ?? false),
    );
    app.post(
      '/tokens',
      {
        config: { readOnlyRoleMay: true },
        schema: {
          tags: ['tokens'],
          summary: 'Create an API token; the secret is returned once and stored only as a hash',
          body: z.object({
            name: z.string().trim().min(1).max(LIMITS.tokenNameMax),
            scopes: z.array(z.enum(TOKEN_SCOPES)).min(1),
            expiresInDays: z.number().int().min(1).max(3650).optional(),
            userId: Uuid.optional(),
          }),
          response: { 201: z.object({ token: z.string(), info: TokenView }), ...problemResponses },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await createApiToken(ctx, requireActor(req), req.body, clientIp(req))),
    );
    app.delete(
      '/tokens/:id',
      {
        config: { readOnlyRoleMay: true },
        schema: {
          tags: ['tokens'],
          summary: 'Revoke an API token',
          params: IdParam,
          response: { 200: TokenView, ...problemResponses },
        },
      },
      async (req) => revokeApiToken(ctx, requireActor(req), req.params.id, clientIp(req)),
    );

    // ---- users ----
    resourceRoutes(app, ctx, {
      path: '/users',
      tags: ['users'],
      view: UserView,
      list: {
        summary: 'List users (keyset pagination by name)',
        querystring: z.object({
          q: z.string().max(100).optional(),
          role: Role.optional(),
          groupId: Uuid.optional(),
          active: z.stringbool().optional(),
          ...PageQuery.shape,
        }),
        run: listUsers,
      },
      create: { summary: 'Create a user (admin)', body: UserCreate, run: createUser },
      get: { summary: 'Get a user', run: getUser },
      update: {
        summary:
          'Change a user: admins change anything, users their own name, title, phone and time zone. Send If-Match.',
        body: UserCreate.partial(),
        run: updateUser,
      },
    });

    // ---- groups ----
    app.get(
      '/groups',
      route(['groups'], {
        summary: 'List groups',
        querystring: z.object({ q: z.string().max(100).optional() }),
        ok: z.array(GroupView),
      }),
      async (req) => listGroups(ctx, requireActor(req), req.query),
    );
    app.post(
      '/groups',
      route(['groups'], {
        summary: 'Create a group',
        body: GroupCreate,
        ok: GroupView,
        status: 201,
      }),
      async (req, reply) =>
        reply.code(201).send(await createGroup(ctx, requireActor(req), req.body, clientIp(req))),
    );
    resourceRoutes(app, ctx, {
      path: '/groups',
      tags: ['groups'],
      view: GroupView,
      get: { summary: 'Get a group with its members', run: getGroup },
      update: {
        summary: 'Change a group or its members. Send If-Match.',
        body: GroupCreate.partial(),
        run: updateGroup,
      },
      remove: {
        summary: 'Delete a group that no record uses',
        run: (ctx, actor, id, _version, ip) => deleteGroup(ctx, actor, id, ip),
      },
    });
  };
}
