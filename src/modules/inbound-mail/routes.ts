/**
 * Email in for administrators: the addresses Steward receives at (create, read, change with
 * If-Match, delete), every inbound message with its outcome, its raw source, and re-processing.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import {
  InboundAddressInput,
  InboundAddressPatch,
  InboundAddressView,
  InboundMessagePage,
  InboundMessageQuery,
  InboundMessageView,
} from '../../contracts/inbound-mail.ts';
import { can } from '../../domain/roles.ts';
import { forbidden } from '../../errors.ts';
import { requireActor } from '../../http/auth.ts';
import { ifMatchVersion, sendWithEtag } from '../../http/etag.ts';
import { IdParam, route } from '../../http/schemas.ts';
import { createAddress, deleteAddress, getAddress, listAddresses, updateAddress } from './addresses.ts';
import { getMessage, getRawMessage, listMessages, reprocessMessage } from './service.ts';

type Req = Parameters<typeof requireActor>[0];

export function inboundMailRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['inbound mail'];
    const mayRead = (req: Req) => {
      const actor = requireActor(req);
      if (!can(actor, 'settings.manage') && !can(actor, 'audit.read'))
        throw forbidden('Only administrators, process owners and auditors may read inbound mail.');
      return actor;
    };
    const mayManage = (req: Req) => {
      const actor = requireActor(req);
      if (!can(actor, 'settings.manage'))
        throw forbidden('Only administrators and process owners may change how mail is received.');
      return actor;
    };

    app.get(
      '/admin/inbound-mail/addresses',
      route(tags, {
        summary: 'The addresses Steward receives mail at, with their policies',
        ok: z.array(InboundAddressView),
      }),
      async (req) => {
        mayRead(req);
        return listAddresses(ctx);
      },
    );
    app.post(
      '/admin/inbound-mail/addresses',
      route(tags, {
        summary:
          'Receive mail at an address: which record type and service a new mail opens, and its policies',
        body: InboundAddressInput,
        ok: InboundAddressView,
        status: 201,
      }),
      async (req, reply) => {
        const actor = mayManage(req);
        const view = await createAddress(ctx, actor.userId, req.body);
        return sendWithEtag(reply.code(201), view);
      },
    );
    app.get(
      '/admin/inbound-mail/addresses/:id',
      route(tags, {
        summary: 'One receiving address',
        params: IdParam,
        ok: InboundAddressView,
      }),
      async (req, reply) => {
        mayRead(req);
        const view = await getAddress(ctx, req.params.id);
        return sendWithEtag(reply, view);
      },
    );
    app.patch(
      '/admin/inbound-mail/addresses/:id',
      route(tags, {
        summary: 'Change a receiving address (If-Match)',
        params: IdParam,
        body: InboundAddressPatch,
        ok: InboundAddressView,
      }),
      async (req, reply) => {
        mayManage(req);
        const view = await updateAddress(ctx, req.params.id, req.body, ifMatchVersion(req));
        return sendWithEtag(reply, view);
      },
    );
    app.delete(
      '/admin/inbound-mail/addresses/:id',
      route(tags, {
        summary: 'Stop receiving at an address',
        params: IdParam,
        ok: z.null(),
        status: 204,
      }),
      async (req, reply) => {
        mayManage(req);
        await deleteAddress(ctx, req.params.id);
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/admin/inbound-mail/messages',
      route(tags, {
        summary: 'Inbound messages, newest first, with where each landed or why it was refused',
        querystring: InboundMessageQuery,
        ok: InboundMessagePage,
      }),
      async (req) => {
        mayRead(req);
        return listMessages(ctx.db, req.query);
      },
    );
    app.get(
      '/admin/inbound-mail/messages/:id',
      route(tags, {
        summary: 'One inbound message: headers, full and trimmed text, sanitised HTML, attachments, outcome',
        params: IdParam,
        ok: InboundMessageView,
      }),
      async (req) => {
        mayRead(req);
        return getMessage(ctx.db, req.params.id);
      },
    );
    app.get(
      '/admin/inbound-mail/messages/:id/raw',
      {
        schema: { tags, summary: 'The message source as received (message/rfc822)', params: IdParam },
      },
      async (req, reply) => {
        mayRead(req);
        const raw = await getRawMessage(ctx.db, req.params.id);
        return reply
          .header('content-type', 'message/rfc822')
          .header('content-disposition', `attachment; filename="message-${req.params.id}.eml"`)
          .send(raw);
      },
    );
    app.post(
      '/admin/inbound-mail/messages/:id/reprocess',
      route(tags, {
        summary:
          'Process a message again (one that was refused, ignored or failed); a landed one answers 409',
        params: IdParam,
        ok: InboundMessageView,
      }),
      async (req) => {
        mayManage(req);
        await reprocessMessage(ctx, req.params.id);
        return getMessage(ctx.db, req.params.id);
      },
    );
  };
}
