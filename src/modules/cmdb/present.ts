/** What leaves the API for CIs: their fields, the names behind their ids, and what the viewer may do. */

import type { CiRef as CCiRef, HistoryEntry as CHistoryEntry } from '../../contracts/cmdb.ts';
import type { Db } from '../../db/client.ts';
import type { AttributeValue } from '../../domain/cmdb/attributes.ts';
import { type Actor, can } from '../../domain/roles.ts';
import { namesOf } from '../auth/index.ts';
import type { CiStatus, ClassModel } from './model.ts';
import { cis } from './schema.ts';

export type CiRow = typeof cis.$inferSelect;
export type PersonRef = { id: string; name: string; email: string };
export type GroupRef = { id: string; name: string };

export type CiRef = CCiRef;

export type CiView = CiRef & {
  owner: PersonRef | null;
  supportGroup: GroupRef | null;
  location: string | null;
  description: string;
  attributes: Record<string, AttributeValue>;
  createdAt: string;
  updatedAt: string;
  version: number;
  allowedActions: ('update' | 'delete')[];
};

export function ciRef(
  model: ClassModel,
  row: { id: string; name: string; classKey: string; status: string },
): CiRef {
  return {
    id: row.id,
    name: row.name,
    classKey: row.classKey,
    classLabel: model.label(row.classKey),
    status: row.status as CiStatus,
  };
}

/** A left-joined CI's columns, selected under the names `joinedCiRef` reads. */
export const joinedCiColumns = {
  ciId: cis.id,
  ciName: cis.name,
  classKey: cis.classKey,
  ciStatus: cis.status,
};

/** The CI of a row selected with `joinedCiColumns`, or null where the left join found none. */
export function joinedCiRef(
  model: ClassModel,
  r: { ciId: string | null; ciName: string | null; classKey: string | null; ciStatus: string | null },
): CiRef | null {
  return r.ciId && r.ciName && r.classKey && r.ciStatus
    ? ciRef(model, { id: r.ciId, name: r.ciName, classKey: r.classKey, status: r.ciStatus })
    : null;
}

/** Names of the given people and groups, in two queries at most. */
export async function namesFor(db: Db, userIds: (string | null)[], groupIds: (string | null)[]) {
  const { people, groups } = await namesOf(db, userIds, groupIds);
  return { person: people, group: groups };
}

export async function presentCis(db: Db, model: ClassModel, actor: Actor, rows: CiRow[]): Promise<CiView[]> {
  const names = await namesFor(
    db,
    rows.map((r) => r.ownerId),
    rows.map((r) => r.supportGroupId),
  );
  const actions: CiView['allowedActions'] = can(actor, 'cmdb.manage') ? ['update', 'delete'] : [];
  return rows.map((r) => ({
    ...ciRef(model, r),
    owner: r.ownerId ? (names.person.get(r.ownerId) ?? null) : null,
    supportGroup: r.supportGroupId ? (names.group.get(r.supportGroupId) ?? null) : null,
    location: r.location,
    description: r.description,
    attributes: r.attributes,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
    allowedActions: actions,
  }));
}

export type HistoryEntry = CHistoryEntry;

/** History rows (any of the CMDB history tables) with the names of who made each change. */
export async function presentHistory(
  db: Db,
  rows: {
    id: number;
    at: Date;
    actorId: string | null;
    field: string;
    oldValue: string | null;
    newValue: string | null;
  }[],
): Promise<HistoryEntry[]> {
  const { person } = await namesFor(
    db,
    rows.map((r) => r.actorId),
    [],
  );
  return rows.map((r) => {
    const who = r.actorId ? person.get(r.actorId) : undefined;
    return {
      id: String(r.id),
      at: r.at.toISOString(),
      actor: r.actorId ? { id: r.actorId, name: who?.name ?? 'Unknown user' } : null,
      field: r.field,
      oldValue: r.oldValue,
      newValue: r.newValue,
    };
  });
}

/** History values are text: dates as ISO, objects as JSON, absent as null. */
export function historyText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString();
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}
