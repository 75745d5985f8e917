/**
 * The edit draft of a record page, kept against the version it was based on (sent as If-Match).
 *
 * When the record moves on under the draft (another tab, another person, the "Assign to me"
 * button), the draft follows it field by field: fields the user did not touch take the new
 * values, touched ones keep the user's. Only when someone else changed a field the user is also
 * editing, or a save answers 412, is the draft stale: the page says so, and "reload" fetches the
 * latest version and lays the user's edits over it, so nothing typed is lost.
 */
import { useState } from 'react';
import { ApiError } from '../../api/client.ts';

type Versioned = { version: number };

/** Equal draft values: references to people and groups by id, the rest by value. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a && b && typeof a === 'object' && typeof b === 'object' && 'id' in a && 'id' in b)
    return a.id === b.id;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The fields of `draft` that differ from `base`. */
export function changedKeys<D extends object>(base: D, draft: D): (keyof D)[] {
  return (Object.keys(draft) as (keyof D)[]).filter((k) => !sameValue(draft[k], base[k]));
}

/** `fresh` with the given fields of `mine` laid over it. */
export function overlay<D extends object>(fresh: D, mine: D, keys: readonly (keyof D)[]): D {
  const out = { ...fresh };
  for (const k of keys) out[k] = mine[k];
  return out;
}

export type RecordDraft<D> = {
  draft: D;
  /** The record's values the draft started from. */
  base: D;
  /** The version the draft is based on: send it as If-Match. */
  version: number;
  set: <K extends keyof D>(key: K, value: D[K]) => void;
  update: (fn: (d: D) => D) => void;
  /** The fields the user changed. */
  changed: (keyof D)[];
  dirty: boolean;
  /** Someone else changed the record in a way the draft cannot follow (or a save answered 412). */
  stale: boolean;
  discard: () => void;
  /** After a successful save: the saved record is the new base. */
  saved: (fresh: Versioned) => void;
  /** Fetch the latest version and keep the user's edits on top of it. */
  reloadKeepingDraft: () => Promise<void>;
};

export function useRecordDraft<R extends Versioned, D extends object>(
  rec: R,
  draftOf: (r: R) => D,
  save: { isPending: boolean; error: unknown; reset: () => void },
  reload: () => Promise<R | undefined>,
): RecordDraft<D> {
  const [base, setBase] = useState({ version: rec.version, draft: draftOf(rec) });
  const [draft, setDraft] = useState(base.draft);
  const changed = changedKeys(base.draft, draft);

  // The record moved on: follow it unless someone changed a field the user is editing too.
  if (rec.version !== base.version && !save.isPending) {
    const fresh = draftOf(rec);
    const conflicts = changed.filter((k) => !sameValue(fresh[k], base.draft[k]));
    if (conflicts.length === 0) {
      setBase({ version: rec.version, draft: fresh });
      setDraft(overlay(fresh, draft, changed));
    }
  }
  const rejected = save.error instanceof ApiError && save.error.isStale;

  return {
    draft,
    base: base.draft,
    version: base.version,
    set: (key, value) => setDraft((d) => ({ ...d, [key]: value })),
    update: setDraft,
    changed,
    dirty: changed.length > 0,
    stale: rejected || rec.version !== base.version,
    discard: () => setDraft(base.draft),
    saved: (fresh) => {
      const next = draftOf(fresh as R);
      setBase({ version: fresh.version, draft: next });
      setDraft(next);
    },
    reloadKeepingDraft: async () => {
      const fresh = await reload();
      if (!fresh) return;
      save.reset();
      const next = draftOf(fresh);
      setBase({ version: fresh.version, draft: next });
      setDraft((mine) => overlay(next, mine, changedKeys(base.draft, mine)));
    },
  };
}
