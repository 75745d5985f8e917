/**
 * Notices on their way out (see notice-outbox.ts): written inside the changing transaction, sent
 * by NOTIFY once it has committed. Unlogged (created so by its migration): writing it costs no
 * WAL, and a crash empties it.
 */
import { bigserial, pgTable, text } from 'drizzle-orm/pg-core';

export const noticeOutbox = pgTable('notice_outbox', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  /** The LISTEN channel it is sent on. */
  channel: text('channel').notNull(),
  payload: text('payload').notNull(),
});
