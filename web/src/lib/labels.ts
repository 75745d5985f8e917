/** Human labels and colours for the codes the API uses. */
import type { MantineColor } from '@mantine/core';
import { PRIORITY_LABELS, PRIORITY_LEVELS } from '../../../src/domain/priority.ts';
import type { StateCategory } from '../api/types.ts';

export const LEVEL_LABELS: Record<number, string> = { 1: 'High', 2: 'Medium', 3: 'Low' };
export const LEVEL_OPTIONS = [1, 2, 3].map((n) => ({ value: String(n), label: `${n} – ${LEVEL_LABELS[n]}` }));

export { PRIORITY_LABELS };
export const PRIORITY_OPTIONS = PRIORITY_LEVELS.map((n) => ({
  value: String(n),
  label: `P${n} – ${PRIORITY_LABELS[n]}`,
}));
export const PRIORITY_COLORS: Record<number, MantineColor> = {
  1: 'red.9',
  2: 'orange.6',
  3: 'yellow.4',
  4: 'blue.8',
  5: 'gray.3',
};

export const CATEGORY_LABELS: Record<StateCategory, string> = {
  open: 'Open',
  paused: 'Paused',
  resolved: 'Resolved',
  closed: 'Closed',
};
export const CATEGORY_COLORS: Record<StateCategory, MantineColor> = {
  open: 'blue',
  paused: 'orange',
  resolved: 'teal',
  closed: 'gray',
};

/** "solved_workaround" → "Solved workaround". */
export function humanize(key: string | null | undefined): string {
  if (!key) return '';
  const s = key.replace(/[_.]+/g, ' ').trim();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export const CHANNEL_LABELS: Record<string, string> = {
  portal: 'Self-service portal',
  email: 'Email',
  phone: 'Phone',
  chat: 'Chat',
  walk_in: 'Walk-in',
  api: 'API',
  monitoring: 'Monitoring',
};

export const LINK_KIND_LABELS: Record<string, { outgoing: string; incoming: string }> = {
  relates_to: { outgoing: 'Relates to', incoming: 'Related from' },
  duplicates: { outgoing: 'Duplicates', incoming: 'Duplicated by' },
  caused_by: { outgoing: 'Caused by', incoming: 'Causes' },
  parent_of: { outgoing: 'Parent of', incoming: 'Child of' },
};

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** A record number such as INC0001042 (any prefix of 2–5 letters). */
export const RECORD_NUMBER = /^[A-Za-z]{2,5}\d{4,}$/;

/** Select options from a list of values and the label of each. */
export const optionsOf = <V extends string>(values: readonly V[], labels: Readonly<Record<V, string>>) =>
  values.map((value) => ({ value, label: labels[value] }));

/** Select options from a table of labels: each of its keys, in order, with its label. */
export const labelOptions = <V extends string>(labels: Readonly<Record<V, string>>) =>
  optionsOf(Object.keys(labels) as V[], labels);

/** Select options from a list of keys, each labelled in words (`humanize`). */
export const humanOptions = <V extends string>(values: readonly V[]) =>
  values.map((value) => ({ value, label: humanize(value) }));
