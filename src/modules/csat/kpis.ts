/**
 * The satisfaction KPIs, declared in reporting's open catalog: the mean score of the answers
 * given in the period, and the share of the surveys sent in the period that were answered. Both
 * are cut by the record's usual dimensions (type, service, group, assignee, priority, customer,
 * state); the band is the score given (csat) or whether the survey was answered (response rate).
 */
import { sql } from 'drizzle-orm';
import { defineKpi, RECORD_DIMS } from '../reports/index.ts';

export function defineCsatKpis(): void {
  defineKpi({
    key: 'csat',
    label: 'Customer satisfaction (CSAT)',
    definition:
      'Mean score (1 = very dissatisfied … 5 = very satisfied) of the satisfaction surveys answered in the period, counted at the instant they were answered. Requesters are asked once per resolution of an incident or request.',
    category: 'quality',
    unit: 'score',
    goodWhen: 'up',
    aggregate: 'mean',
    target: { target: 4.2, tolerance: 0.4 },
    rollup: { source: 'csat', dims: ['type', 'service', 'band'] },
    population: (w) => sql`
      select r.id as record_id, s.answered_at as at, s.score::float8 as v, (s.score >= 4) as hit, ${RECORD_DIMS},
        s.score::text as band
      from csat_surveys s
      join records r on r.id = s.record_id
      join users u on u.id = r.requester_id
      where s.answered_at is not null and s.answered_at >= ${w.from} and s.answered_at < ${w.to}`,
  });
  defineKpi({
    key: 'csat_response_rate',
    label: 'CSAT response rate',
    definition:
      'Share of the satisfaction surveys sent in the period (one per resolution of an incident or request) that the requester answered, by now.',
    category: 'quality',
    unit: 'percent',
    goodWhen: 'up',
    aggregate: 'rate',
    target: { target: 30, tolerance: 10 },
    // Surveys sent, on the day sent, a hit once answered; the band (answered or not) is the
    // population's.
    rollup: { source: 'csat_sent', dims: ['type', 'service'] },
    population: (w) => sql`
      select r.id as record_id, s.created_at as at, null::float8 as v, (s.answered_at is not null) as hit, ${RECORD_DIMS},
        case when s.answered_at is not null then 'answered' else 'unanswered' end as band
      from csat_surveys s
      join records r on r.id = s.record_id
      join users u on u.id = r.requester_id
      where s.created_at >= ${w.from} and s.created_at < ${w.to}`,
  });
}
