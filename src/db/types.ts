/** Column types Drizzle does not ship: bytea and tsvector. */
import { customType } from 'drizzle-orm/pg-core';

export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
  toDriver: (v) => v,
});

export const tsvector = customType<{ data: string }>({
  dataType: () => 'tsvector',
});
