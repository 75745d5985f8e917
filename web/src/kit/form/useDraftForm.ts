/**
 * A form's draft: the values being edited, the base they started from, and what to send — the
 * whole body when creating, the minimal patch when editing. Binders (`form.text('name')`) give an
 * input its value, change handler, read-only state, limit and error (client checks after the first
 * submit, then the server's problem+json field errors) in one spread.
 */
import { type ChangeEvent, useState } from 'react';
import { LIMITS } from '../../../../src/shared/limits.ts';
import { type FieldErrors, minimalPatch, numberOrNull, problemFieldErrors } from './patch.ts';

export type LimitKey = keyof typeof LIMITS;
type Base<D> = { draft: D; version: number | undefined };
type InputEvent = ChangeEvent<HTMLInputElement | HTMLTextAreaElement>;

export type DraftOptions<D, B> = {
  toBody: (draft: D) => B;
  /** Client checks; shown once the person tried to submit. */
  validate?: (draft: D) => FieldErrors;
  /** The save's error: its field errors land on the fields. */
  error?: unknown;
  readOnly?: boolean;
  /** Body fields that are maps patched key by key (see minimalPatch). */
  merge?: readonly (keyof B)[];
};

/** Options of a bound field: the shared limit it obeys and the body field its errors come back on. */
type FieldOptions = { max?: LimitKey | number; errorKey?: string };

function useDraftCore<D extends object, B extends object>(
  base: Base<D>,
  setBase: (b: Base<D>) => void,
  opts: DraftOptions<D, B>,
) {
  const [draft, setDraft] = useState(base.draft);
  const [touched, setTouched] = useState(false);
  const body = opts.toBody(draft);
  const patch = minimalPatch(body, opts.toBody(base.draft), opts.merge);
  const clientErrors = opts.validate?.(draft) ?? {};
  const errors: FieldErrors = { ...(touched ? clientErrors : {}), ...problemFieldErrors(opts.error) };
  const readOnly = opts.readOnly ?? false;
  const set = <K extends keyof D>(key: K, value: D[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const errorOf = (key: keyof D, o?: FieldOptions) => errors[o?.errorKey ?? String(key)];
  const maxOf = (o?: FieldOptions) => (typeof o?.max === 'string' ? LIMITS[o.max] : o?.max);

  return {
    draft,
    setDraft,
    set,
    body,
    patch,
    dirty: Object.keys(patch).length > 0,
    errors,
    /** The save's error as given (for messages that are not about one field). */
    error: opts.error,
    readOnly,
    version: base.version,
    /** Marks the form as submitted; true when the client checks pass. */
    check: () => {
      setTouched(true);
      return Object.keys(clientErrors).length === 0;
    },
    discard: () => setDraft(base.draft),
    /** Start over from a saved state (after a save, or a reload after a conflict). */
    rebase: (next: D, version: number | undefined) => {
      setBase({ draft: next, version });
      setDraft(next);
      setTouched(false);
    },
    text: <K extends keyof D>(key: K, o?: FieldOptions) => ({
      value: String(draft[key] ?? ''),
      onChange: (e: InputEvent) => set(key, e.currentTarget.value as D[K]),
      error: errorOf(key, o),
      readOnly,
      maxLength: maxOf(o),
    }),
    number: <K extends keyof D>(key: K, o?: FieldOptions & { fallback?: number }) => ({
      value: (draft[key] as number | null) ?? '',
      onChange: (v: string | number) => set(key, (numberOrNull(v) ?? o?.fallback ?? null) as D[K]),
      error: errorOf(key, o),
      readOnly,
    }),
    /** A single choice (Select, SegmentedControl); `fallback` when cleared. */
    choice: <K extends keyof D>(key: K, o?: FieldOptions & { fallback?: D[K] }) => ({
      value: (draft[key] as string | null) ?? null,
      onChange: (v: string | null) => set(key, (v ?? o?.fallback ?? null) as D[K]),
      error: errorOf(key, o),
      readOnly,
    }),
    list: <K extends keyof D>(key: K, o?: FieldOptions) => ({
      value: draft[key] as string[],
      onChange: (v: string[]) => set(key, v as D[K]),
      error: errorOf(key, o),
      readOnly,
    }),
    toggle: <K extends keyof D>(key: K) => ({
      checked: Boolean(draft[key]),
      onChange: (e: ChangeEvent<HTMLInputElement>) => set(key, e.currentTarget.checked as D[K]),
      disabled: readOnly,
    }),
    /** Any other input that takes the draft's own value type (pickers). */
    value: <K extends keyof D>(key: K, o?: FieldOptions) => ({
      value: draft[key],
      onChange: (v: D[K]) => set(key, v),
      error: errorOf(key, o),
      readOnly,
    }),
  };
}

export type DraftForm<D extends object = object, B extends object = object> = ReturnType<
  typeof useDraftCore<D, B>
>;

/** A form that creates something: it sends `form.body`. */
export function useDraftForm<D extends object, B extends object>(initial: D, opts: DraftOptions<D, B>) {
  const [base, setBase] = useState<Base<D>>({ draft: initial, version: undefined });
  return useDraftCore(base, setBase, opts);
}

/**
 * A form that edits a versioned record: it sends `form.patch` with `form.version` as If-Match.
 * When the record changes underneath (a refetch, another panel's save) and nothing is being edited,
 * the form follows it; a save's answer is taken with `form.rebase(toDraft(saved), saved.version)`.
 */
export function useRecordForm<R extends { version: number }, D extends object, B extends object>(
  record: R,
  toDraft: (record: R) => D,
  opts: DraftOptions<D, B>,
) {
  const [base, setBase] = useState<Base<D>>(() => ({ draft: toDraft(record), version: record.version }));
  const form = useDraftCore(base, setBase, opts);
  if (record.version !== base.version && !form.dirty) form.rebase(toDraft(record), record.version);
  return { ...form, accept: (saved: R) => form.rebase(toDraft(saved), saved.version) };
}

export type RecordForm<R extends { version: number }, D extends object, B extends object> = ReturnType<
  typeof useRecordForm<R, D, B>
>;
