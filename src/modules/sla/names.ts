/** Batch look-up of the names behind ids that SLA views show (services, organisations, groups, users, calendars). */
import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { distinctIds } from '../../shared/defined.ts';
import { groups, users } from '../auth/index.ts';
import { cis } from '../cmdb/index.ts';
import { organisations } from '../organisations/index.ts';
import { businessCalendars } from './schema.ts';

export type Ref = { id: string; name: string };

export type NameRequest = {
  services?: (string | null)[];
  organisations?: (string | null)[];
  groups?: (string | null)[];
  users?: (string | null)[];
  calendars?: (string | null)[];
};

export type Names = {
  service(id: string | null): Ref | null;
  organisation(id: string | null): Ref | null;
  group(id: string | null): Ref | null;
  user(id: string | null): Ref | null;
  calendar(id: string | null): Ref | null;
};

const ids = (xs: (string | null)[] | undefined) => distinctIds(xs ?? []);

type NamedTable = typeof cis | typeof organisations | typeof groups | typeof users | typeof businessCalendars;

async function namesIn(db: Db, table: NamedTable, wanted: string[]): Promise<Map<string, Ref>> {
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: table.id, name: table.name })
    .from(table)
    .where(inArray(table.id, wanted));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function lookUpNames(db: Db, req: NameRequest): Promise<Names> {
  const [svc, org, grp, usr, cal] = await Promise.all([
    namesIn(db, cis, ids(req.services)),
    namesIn(db, organisations, ids(req.organisations)),
    namesIn(db, groups, ids(req.groups)),
    namesIn(db, users, ids(req.users)),
    namesIn(db, businessCalendars, ids(req.calendars)),
  ]);
  const get = (m: Map<string, Ref>) => (id: string | null) =>
    id ? (m.get(id) ?? { id, name: '(unknown)' }) : null;
  return { service: get(svc), organisation: get(org), group: get(grp), user: get(usr), calendar: get(cal) };
}
