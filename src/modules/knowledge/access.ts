/**
 * Who reads what in the knowledge base, applied in SQL: the pure rule (domain/knowledge/audience)
 * needs the reader's facts, which live in the database: whether they are staff, and the services
 * their organisation is a customer of.
 */
import { eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { type Reader, readerFilter } from '../../domain/knowledge/audience.ts';
import { type Actor, can } from '../../domain/roles.ts';
import { forbidden } from '../../errors.ts';
import { users } from '../auth/index.ts';
import { servicesOfCustomer } from '../catalog/index.ts';

export async function readerOf(db: Db, actor: Actor): Promise<Reader> {
  if (!can(actor, 'knowledge.read')) throw forbidden('You may not read the knowledge base.');
  if (can(actor, 'knowledge.read_internal')) return { staff: true, customerOf: new Set() };
  const [me] = await db
    .select({ organisationId: users.organisationId })
    .from(users)
    .where(eq(users.id, actor.userId));
  const services = me?.organisationId ? await servicesOfCustomer(db, me.organisationId) : [];
  return { staff: false, customerOf: new Set(services) };
}

/**
 * The articles the reader may see, as a condition on knowledge_articles (under the given alias);
 * undefined for staff.
 */
export function visibleTo(reader: Reader, alias = 'knowledge_articles'): SQL | undefined {
  const filter = readerFilter(reader);
  if (!filter) return undefined;
  const col = (name: string) => sql.raw(`"${alias}"."${name}"`);
  const forCustomers =
    filter.customerServiceIds.length > 0
      ? sql`(${col('audience')} = 'customers' and ${col('audience_service_id')} in (${sql.join(
          filter.customerServiceIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )}))`
      : sql`false`;
  return sql`(${col('state')} = 'published' and (${col('audience')} = 'requesters' or ${forCustomers}))`;
}
