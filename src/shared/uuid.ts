const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `s` is a UUID (any version), so it may be compared with a uuid column. */
export const isUuid = (s: string): boolean => UUID.test(s);
