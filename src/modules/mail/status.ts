/** Where messages stand in the outbox, for the logs of the modules that queued them. */
import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { mailOutbox } from './schema.ts';

export type MailState = { status: string; attempts: number; lastError: string | null; sentAt: Date | null };

export async function mailStates(db: Db, ids: string[]): Promise<Map<string, MailState>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: mailOutbox.id,
      status: mailOutbox.status,
      attempts: mailOutbox.attempts,
      lastError: mailOutbox.lastError,
      sentAt: mailOutbox.sentAt,
    })
    .from(mailOutbox)
    .where(inArray(mailOutbox.id, ids));
  return new Map(rows.map(({ id, ...s }) => [id, s]));
}
