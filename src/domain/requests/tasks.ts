/**
 * Fulfilment task ordering: templates with the same order run in parallel, and a higher order
 * starts only when every task started before it is finished (done or canceled).
 */

/** A task already created from template `templateIndex`, and whether it is finished. */
export type StartedTask = { templateIndex: number; finished: boolean };

/**
 * The templates to start next: none while a started task is unfinished, else every template of
 * the lowest order not yet started. An empty result with nothing unfinished means all are done.
 */
export function nextTaskBatch(
  templates: readonly { order: number }[],
  started: readonly StartedTask[],
): { waiting: boolean; batch: number[] } {
  if (started.some((t) => !t.finished)) return { waiting: true, batch: [] };
  const done = new Set(started.map((t) => t.templateIndex));
  const remaining = templates.map((t, i) => ({ t, i })).filter(({ i }) => !done.has(i));
  if (remaining.length === 0) return { waiting: false, batch: [] };
  const order = Math.min(...remaining.map(({ t }) => t.order));
  return { waiting: false, batch: remaining.filter(({ t }) => t.order === order).map(({ i }) => i) };
}
