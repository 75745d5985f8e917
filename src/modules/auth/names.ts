/**
 * The names behind people and group ids, for the presenters of every module: each record, CI,
 * asset or service names its people and groups, loaded here in two queries at most.
 */
import { inArray } from 'drizzle-orm';
import type { GroupRef, PersonRef } from '../../contracts/common.ts';
import type { Db } from '../../db/client.ts';
import { distinctIds } from '../../shared/defined.ts';
import { groups, users } from './schema.ts';

/** People (name, email) and groups (name) by id; null and repeated ids are passed over. */
export async function namesOf(
  db: Db,
  userIds: readonly (string | null)[],
  groupIds: readonly (string | null)[],
): Promise<{ people: Map<string, PersonRef>; groups: Map<string, GroupRef> }> {
  const u = distinctIds(userIds);
  const g = distinctIds(groupIds);
  const [people, teams] = await Promise.all([
    u.length
      ? db
          .select({ id: users.id, name: users.name, email: users.email })
          .from(users)
          .where(inArray(users.id, u))
      : [],
    g.length ? db.select({ id: groups.id, name: groups.name }).from(groups).where(inArray(groups.id, g)) : [],
  ]);
  return { people: new Map(people.map((p) => [p.id, p])), groups: new Map(teams.map((t) => [t.id, t])) };
}

/** People (name, email) by id, for presenters that name no groups. */
export async function peopleNamed(
  db: Db,
  userIds: readonly (string | null)[],
): Promise<Map<string, PersonRef>> {
  return (await namesOf(db, userIds, [])).people;
}
