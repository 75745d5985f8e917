/** HTTP routes of the second factor: the sign-in step after the password, and managing one's own TOTP. */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { UserView } from '../../contracts/directory.ts';
import type { Actor } from '../../domain/roles.ts';
import { forbidden } from '../../errors.ts';
import { clientIp, requireActor } from '../../http/auth.ts';
import { noContent } from '../../http/resource.ts';
import { IdParam, problemResponses, route } from '../../http/schemas.ts';
import { getUser } from './directory.ts';
import {
  beginEnrolment,
  completeMfaSignIn,
  confirmEnrolment,
  disableMfa,
  mfaStatus,
  regenerateRecoveryCodes,
  resetMfa,
} from './mfa.ts';
import { Enrolment } from './mfa-views.ts';
import { setSessionCookie } from './sso-session.ts';

const Code = z.object({ code: z.string().trim().min(6).max(32) });
const RecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });
/** Steps that check a code are throttled like signing in, against guessing. */
const CODE_GUESSES = { rateLimit: { max: 30, timeWindow: '1 minute' } } as const;

/** The options of a step that takes a current code (the body), throttled against guessing. */
function codeStep<const S extends { summary: string; ok: z.ZodType; status?: number }>(spec: S) {
  return { config: CODE_GUESSES, ...route(['auth'], { ...spec, body: Code }) };
}

function sessionActor(req: FastifyRequest): Actor {
  const actor = requireActor(req);
  if (req.auth?.via !== 'session') throw forbidden('Manage two-step verification in the web app, signed in.');
  return actor;
}

export function mfaRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/auth/mfa/verify',
      {
        config: CODE_GUESSES,
        schema: {
          tags: ['auth'],
          summary: 'Second sign-in step: the challenge from /auth/login and a TOTP or recovery code',
          body: z.object({ challenge: z.string().min(1).max(100), code: z.string().trim().min(1).max(32) }),
          response: {
            200: z.object({
              user: UserView,
              csrfToken: z.string(),
              recoveryCodes: z.array(z.string()).nullable(),
            }),
            ...problemResponses,
          },
        },
      },
      async (req, reply) => {
        const r = await completeMfaSignIn(ctx, {
          ...req.body,
          ip: clientIp(req),
          userAgent: req.headers['user-agent'] ?? null,
        });
        setSessionCookie(ctx, reply, r.session);
        const actor = { userId: r.session.userId, roles: [], groupIds: [], scopes: null };
        return {
          user: await getUser(ctx, actor, r.session.userId),
          csrfToken: r.session.csrfToken,
          recoveryCodes: r.recoveryCodes,
        };
      },
    );

    app.get(
      '/auth/mfa',
      {
        schema: {
          tags: ['auth'],
          summary: 'Whether your two-step verification is on, required by your role, and recovery codes left',
          response: {
            200: z.object({
              enabled: z.boolean(),
              required: z.boolean(),
              recoveryCodesLeft: z.number(),
              localAccount: z.boolean(),
            }),
            ...problemResponses,
          },
        },
      },
      async (req) => mfaStatus(ctx, requireActor(req)),
    );

    app.post(
      '/auth/mfa/enrolment',
      route(['auth'], {
        summary: 'Start enrolling an authenticator app: a new secret and its QR code',
        ok: Enrolment,
      }),
      async (req) => beginEnrolment(ctx, sessionActor(req)),
    );
    app.post(
      '/auth/mfa/enrolment/confirm',
      codeStep({
        summary: 'Turn two-step verification on with a first code; answers the recovery codes once',
        ok: RecoveryCodes,
      }),
      async (req) => confirmEnrolment(ctx, sessionActor(req), req.body.code, clientIp(req)),
    );
    app.post(
      '/auth/mfa/recovery-codes',
      codeStep({
        summary: 'Replace your recovery codes (needs a current code); answers the new ones once',
        ok: RecoveryCodes,
      }),
      async (req) => regenerateRecoveryCodes(ctx, sessionActor(req), req.body.code, clientIp(req)),
    );
    app.post(
      '/auth/mfa/disable',
      codeStep({
        summary: 'Turn two-step verification off (needs a current code; not when your role requires it)',
        ok: z.null(),
        status: 204,
      }),
      async (req, reply) =>
        noContent(reply, disableMfa(ctx, sessionActor(req), req.body.code, clientIp(req))),
    );
    app.delete(
      '/users/:id/mfa',
      route(['users'], {
        summary: 'Reset a person’s two-step verification (admin); they enrol again',
        params: IdParam,
        ok: z.null(),
        status: 204,
      }),
      async (req, reply) => noContent(reply, resetMfa(ctx, requireActor(req), req.params.id, clientIp(req))),
    );
  };
}
