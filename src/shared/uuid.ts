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
  const b = crypto.getRandomValues(new Uint8Array(16));
  for (let i = 0; i < 6; i++) b[i] = Math.floor(ms / 2 ** (8 * (5 - i))) % 256;
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
