/** The addresses Steward receives mail at: administered by admins and process owners. */
import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type {
  InboundAddressInput,
  InboundAddressPatch,
  InboundAddressView,
} from '../../contracts/inbound-mail.ts';
import { deleteRowById, rowById } from '../../db/rows.ts';
import { assertVersion, writeNextVersion } from '../../db/version.ts';
import { conflict, invalid } from '../../errors.ts';
import { defined } from '../../shared/defined.ts';
import { cis } from '../cmdb/index.ts';
import { inboundMailAddresses } from './schema.ts';

type Row = typeof inboundMailAddresses.$inferSelect;

async function present(ctx: AppContext, rows: Row[]): Promise<InboundAddressView[]> {
  const services = await ctx.db.select({ id: cis.id, name: cis.name }).from(cis);
  const nameOf = new Map(services.map((s) => [s.id, s.name]));
  return rows.map((r) => ({
    id: r.id,
    address: r.address,
    name: r.name,
    recordType: r.recordType as InboundAddressView['recordType'],
    serviceId: r.serviceId,
    serviceName: r.serviceId ? (nameOf.get(r.serviceId) ?? null) : null,
    unknownSenderPolicy: r.unknownSenderPolicy as InboundAddressView['unknownSenderPolicy'],
    strangerReplyPolicy: r.strangerReplyPolicy as InboundAddressView['strangerReplyPolicy'],
    imapMailbox: r.imapMailbox,
    active: r.active,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  }));
}

export async function listAddresses(ctx: AppContext): Promise<InboundAddressView[]> {
  return present(
    ctx,
    await ctx.db.select().from(inboundMailAddresses).orderBy(asc(inboundMailAddresses.address)),
  );
}

const loadAddress = (ctx: AppContext, id: string): Promise<Row> =>
  rowById(ctx.db, inboundMailAddresses, id, 'Mail address');

export async function getAddress(ctx: AppContext, id: string): Promise<InboundAddressView> {
  return (await present(ctx, [await loadAddress(ctx, id)]))[0]!;
}

async function checkService(ctx: AppContext, serviceId: string | null | undefined) {
  if (!serviceId) return;
  const [s] = await ctx.db.select({ id: cis.id }).from(cis).where(eq(cis.id, serviceId));
  if (!s) throw invalid([{ field: 'serviceId', message: 'no service with this id' }]);
}

async function checkUnique(ctx: AppContext, address: string, self: string | null) {
  const [dupe] = await ctx.db
    .select({ id: inboundMailAddresses.id })
    .from(inboundMailAddresses)
    .where(eq(inboundMailAddresses.address, address));
  if (dupe && dupe.id !== self) throw conflict(`${address} is already configured.`);
}

export async function createAddress(
  ctx: AppContext,
  actorId: string,
  input: z.output<typeof InboundAddressInput>,
): Promise<InboundAddressView> {
  await checkService(ctx, input.serviceId);
  await checkUnique(ctx, input.address, null);
  const now = ctx.clock.now();
  const [row] = await ctx.db
    .insert(inboundMailAddresses)
    .values({
      address: input.address,
      name: input.name,
      recordType: input.recordType,
      serviceId: input.serviceId ?? null,
      unknownSenderPolicy: input.unknownSenderPolicy,
      strangerReplyPolicy: input.strangerReplyPolicy,
      imapMailbox: input.imapMailbox ?? null,
      active: input.active,
      createdBy: actorId,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return (await present(ctx, [row!]))[0]!;
}

export async function updateAddress(
  ctx: AppContext,
  id: string,
  patch: z.output<typeof InboundAddressPatch>,
  expectedVersion: number | undefined,
): Promise<InboundAddressView> {
  const row = await loadAddress(ctx, id);
  assertVersion({ version: row.version, number: row.address }, expectedVersion);
  if (patch.serviceId !== undefined) await checkService(ctx, patch.serviceId);
  if (patch.address !== undefined) await checkUnique(ctx, patch.address, id);
  const set = defined(patch);
  const updated = await writeNextVersion(ctx.db, inboundMailAddresses, row, set, ctx.clock.now());
  return (await present(ctx, [updated]))[0]!;
}

export async function deleteAddress(ctx: AppContext, id: string): Promise<void> {
  await deleteRowById(ctx.db, inboundMailAddresses, id, 'Mail address');
}
