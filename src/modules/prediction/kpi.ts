/**
 * The dashboard's "Likely to breach" KPI: open records with a running clock whose stored score
 * (refreshed every few minutes by the scoring job) is at least the threshold. It is a count of
 * now: the scores of the past are not kept, so a period that ended before the last scoring has
 * no value.
 */
import { sql } from 'drizzle-orm';
import { defineKpi, RECORD_DIMS } from '../reports/index.ts';
import { LIKELY_THRESHOLD } from './service.ts';

export function declareLikelyBreachKpi(): void {
  defineKpi({
    key: 'likely_breaches',
    label: 'Likely to breach',
    definition: `Open records with a running SLA clock not yet due that the breach model gives at least a ${Math.round(
      LIKELY_THRESHOLD * 100,
    )}% chance of breaching, as last scored (every five minutes). Counts the present only: past periods have no value.`,
    category: 'service levels',
    unit: 'count',
    goodWhen: 'down',
    aggregate: 'count',
    target: { target: 5, tolerance: 5 },
    snapshot: true,
    population: (w) => sql`
      select r.id as record_id, max(p.scored_at) as at, max(p.probability)::float8 as v, null::boolean as hit,
        ${RECORD_DIMS}, null::text as band
      from prediction_scores p
      join sla_clocks c on c.id = p.clock_id
      join records r on r.id = p.record_id
      join users u on u.id = r.requester_id
      where p.probability >= ${LIKELY_THRESHOLD} and c.state = 'running' and c.due_at > ${w.now}::timestamptz
        and r.resolved_at is null and r.closed_at is null
        and ${w.to}::timestamptz >= ${w.now}::timestamptz - interval '1 day'
      group by r.id, r.type, r.service_id, r.group_id, r.assignee_id, r.priority, u.organisation_id, r.state`,
  });
}
