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
import { type Actor, can } from '../../domain/roles.ts';
import { forbidden } from '../../errors.ts';
import { requireActor } from '../../http/auth.ts';
import { resourceRoutes } from '../../http/resource.ts';
import { IdParam, route } from '../../http/schemas.ts';
import { createAddress, deleteAddress, getAddress, listAddresses, updateAddress } from './addresses.ts';
import { getMessage, getRawMessage, listMessages, reprocessMessage } from './service.ts';

const tags = ['inbound mail'];

function mayRead(actor: Actor): void {
  if (!can(actor, 'settings.manage') && !can(actor, 'audit.read'))
    throw forbidden('Only administrators, process owners and auditors may read inbound mail.');
}

function mayManage(actor: Actor): void {
  if (!can(actor, 'settings.manage'))
    throw forbidden('Only administrators and process owners may change how mail is received.');
}

export function inboundMailRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/admin/inbound-mail/addresses',
      route(tags, {
        summary: 'The addresses Steward receives mail at, with their policies',
        ok: z.array(InboundAddressView),
      }),
      async (req) => {
        mayRead(requireActor(req));
        return listAddresses(ctx);
      },
    );
    resourceRoutes(app, ctx, {
      path: '/admin/inbound-mail/addresses',
      tags,
      view: InboundAddressView,
      create: {
        summary:
          'Receive mail at an address: which record type and service a new mail opens, and its policies',
        body: InboundAddressInput,
        run: (ctx, actor, input) => {
          mayManage(actor);
          return createAddress(ctx, actor.userId, input);
        },
      },
      get: {
        summary: 'One receiving address',
        run: (ctx, actor, id) => {
          mayRead(actor);
          return getAddress(ctx, id);
        },
      },
      update: {
        summary: 'Change a receiving address (If-Match)',
        body: InboundAddressPatch,
        run: (ctx, actor, id, patch, expected) => {
          mayManage(actor);
          return updateAddress(ctx, id, patch, expected);
        },
      },
      remove: {
        summary: 'Stop receiving at an address',
        run: (ctx, actor, id) => {
          mayManage(actor);
          return deleteAddress(ctx, id);
        },
      },
    });

    app.get(
      '/admin/inbound-mail/messages',
      route(tags, {
        summary: 'Inbound messages, newest first, with where each landed or why it was refused',
        querystring: InboundMessageQuery,
        ok: InboundMessagePage,
      }),
      async (req) => {
        mayRead(requireActor(req));
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
        mayRead(requireActor(req));
        return getMessage(ctx.db, req.params.id);
      },
    );
    app.get(
      '/admin/inbound-mail/messages/:id/raw',
      {
        schema: { tags, summary: 'The message source as received (message/rfc822)', params: IdParam },
      },
      async (req, reply) => {
        mayRead(requireActor(req));
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
        mayManage(requireActor(req));
        await reprocessMessage(ctx, req.params.id);
        return getMessage(ctx.db, req.params.id);
      },
    );
  };
}
