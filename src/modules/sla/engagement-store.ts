/** Supplier engagements on a record: which suppliers are working on it now. */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { supplierEngagements } from './clock-schema.ts';

export type EngagementRow = typeof supplierEngagements.$inferSelect;

export async function openEngagements(tx: Db, recordId: string): Promise<EngagementRow[]> {
  return tx
    .select()
    .from(supplierEngagements)
    .where(and(eq(supplierEngagements.recordId, recordId), isNull(supplierEngagements.releasedAt)))
    .orderBy(asc(supplierEngagements.engagedAt));
}

export async function markReleased(
  tx: Db,
  id: string,
  at: Date,
  by: string | null,
  note: string | null,
): Promise<void> {
  await tx
    .update(supplierEngagements)
    .set({ releasedAt: at, releasedBy: by, releaseNote: note })
    .where(and(eq(supplierEngagements.id, id), isNull(supplierEngagements.releasedAt)));
}
