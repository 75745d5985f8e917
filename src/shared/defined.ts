/** Zod leaves absent optional fields as undefined; services take "absent" as "leave alone". */
export function defined<T extends Record<string, unknown>>(
  o: T,
): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}

/** The ids given, each once, leaving out the missing ones (null, undefined or empty). */
export const distinctIds = (ids: readonly (string | null | undefined)[]): string[] => [
  ...new Set(ids.filter((x): x is string => !!x)),
];
