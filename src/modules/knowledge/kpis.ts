/**
 * The knowledge base's KPIs in the reporting catalog: article use (readings in the period, from
 * `knowledge_article_views`) and deflection (a requester's "this solved my problem" that held: no
 * incident raised by that requester within DEFLECTION_HOURS after). Rows are articles: type
 * `article`, the article's audience service, the reader's organisation, its state, its category
 * as band.
 */
import { sql } from 'drizzle-orm';
import { defineKpi } from '../reports/index.ts';

/** How long after "this solved my problem" an incident by the same requester undoes the deflection. */
export const DEFLECTION_HOURS = 24;

const ARTICLE_DIMS = sql.raw(
  "'article'::text as type, a.audience_service_id as service_id, null::uuid as group_id, null::uuid as assignee_id, null::int as priority, pu.organisation_id as customer_id, a.state, kc.name as band",
);

export function registerKnowledgeKpis(): void {
  defineKpi({
    key: 'knowledge_article_use',
    label: 'Knowledge article use',
    definition:
      'Readings of knowledge articles in the period: each time a person (agent or requester) opened an article counts once. Cut by band to see the categories.',
    category: 'knowledge',
    unit: 'count',
    goodWhen: 'up',
    aggregate: 'count',
    target: { target: 200, tolerance: 100 },
    population: (w) => sql`
      select a.id as record_id, kv.viewed_at as at, null::float8 as v, null::boolean as hit, ${ARTICLE_DIMS}
      from knowledge_article_views kv
      join knowledge_articles a on a.id = kv.article_id
      join knowledge_categories kc on kc.id = a.category_id
      left join users pu on pu.id = kv.user_id
      where kv.viewed_at >= ${w.from} and kv.viewed_at < ${w.to}`,
  });
  const after = `${DEFLECTION_HOURS} hours`;
  defineKpi({
    key: 'knowledge_deflection',
    label: 'Knowledge deflection',
    definition: `Share of the self-help answers in the period (a requester said, from a portal search or a suggested article, that the article solved their problem) after which that requester did not raise an incident within ${DEFLECTION_HOURS} hours. Out of all such answers in the period.`,
    category: 'knowledge',
    unit: 'percent',
    goodWhen: 'up',
    aggregate: 'rate',
    target: { target: 80, tolerance: 10 },
    population: (w) => sql`
      select a.id as record_id, kd.created_at as at, null::float8 as v,
        not exists (select 1 from records i
          where i.type = 'incident' and i.requester_id = kd.user_id
            and i.created_at >= kd.created_at and i.created_at < kd.created_at + ${after}::interval) as hit,
        ${ARTICLE_DIMS}
      from knowledge_deflections kd
      join knowledge_articles a on a.id = kd.article_id
      join knowledge_categories kc on kc.id = a.category_id
      left join users pu on pu.id = kd.user_id
      where kd.created_at >= ${w.from} and kd.created_at < ${w.to}`,
  });
}
