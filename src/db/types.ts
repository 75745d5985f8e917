/** Column types Drizzle does not ship: bytea, tsvector and xid8. */
import { customType } from 'drizzle-orm/pg-core';

export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
  toDriver: (v) => v,
});

export const tsvector = customType<{ data: string }>({
  dataType: () => 'tsvector',
});

/** A full transaction id (PostgreSQL 13+), read as its decimal text. */
export const xid8 = customType<{ data: string }>({
  dataType: () => 'xid8',
});
