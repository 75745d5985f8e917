/** The mail delivery log for administrators: what was sent, what waits and why, and a retry. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { MailListQuery, MailMessage, MailPage } from '../../contracts/mail.ts';
import { can } from '../../domain/roles.ts';
import { forbidden } from '../../errors.ts';
import { requireActor } from '../../http/auth.ts';
import { IdParam, route } from '../../http/schemas.ts';
import { getMail, listMail, retryMail } from './outbox.ts';

export function mailRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['mail'];
    const mayRead = (req: Parameters<typeof requireActor>[0]) => {
      if (!can(requireActor(req), 'audit.read'))
        throw forbidden('Only administrators and auditors may read the mail log.');
    };
    app.get(
      '/admin/mail',
      route(tags, {
        summary: 'The mail outbox and delivery log, newest first',
        querystring: MailListQuery,
        ok: MailPage,
      }),
      async (req) => {
        mayRead(req);
        return listMail(ctx, req.query);
      },
    );
    app.get(
      '/admin/mail/:id',
      route(tags, {
        summary: 'One message with its headers, body and delivery attempts',
        params: IdParam,
        ok: MailMessage,
      }),
      async (req) => {
        mayRead(req);
        return getMail(ctx, req.params.id);
      },
    );
    app.post(
      '/admin/mail/:id/retry',
      route(tags, {
        summary: 'Try a queued or failed message again now',
        params: IdParam,
        ok: MailMessage,
      }),
      async (req) => {
        if (!can(requireActor(req), 'settings.manage'))
          throw forbidden('Only administrators and process owners may retry mail.');
        return retryMail(ctx, req.params.id);
      },
    );
  };
}
