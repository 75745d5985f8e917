/** Select options for things with an id and a name: the name is shown, the id is the value. */
type Named = { id: string; name: string };

export const namedOption = (item: Named) => ({ value: item.id, label: item.name });

/** The options for a query's items; none until they have loaded. */
export function namedOptions(items: readonly Named[] | undefined) {
  return (items ?? []).map(namedOption);
}
