const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `s` is a UUID (any version), so it may be compared with a uuid column. */
export const isUuid = (s: string): boolean => UUID.test(s);

/**
 * A time-ordered UUID (version 7, RFC 9562): 48 bits of milliseconds since 1970, then 74 random
 * bits. Ids made one after another sort together, so a table's primary-key index grows at its
 * right edge instead of at a random leaf: at a million rows an insert then writes the page the
 * inserts before it wrote, not one that is rarely in the database's buffers (and after a
 * checkpoint, that page's full image goes to the WAL once, not one image per insert).
 */
export function uuidV7(ms: number = Date.now()): string {
  // A version-4 UUID has the variant already and random bits everywhere else: its first 48 bits
  // become the instant, its version digit a 7.
  const time = ms.toString(16).padStart(12, '0');
  return `${time.slice(0, 8)}-${time.slice(8)}-7${crypto.randomUUID().slice(15)}`;
}
