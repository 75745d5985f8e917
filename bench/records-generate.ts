/**
 * A generated ticket history for the records benchmark, written with set-based SQL
 * (generate_series) into a database built by Steward's own migrations:
 *
 * - incidents (60 %), requests (25 %), request tasks (10 %) and problems (5 %) created over three
 *   years, more of them lately (the service desk grows); numbers follow creation time;
 * - most records are closed: of those older than 60 days about 1 in 200 is still open, of the last
 *   two weeks more than half;
 * - skew: a few assignment groups, services and requesters carry most of the work
 *   (floor(n · random()^k)); agents work in their own groups; a third of open work is unassigned;
 * - titles and descriptions from a working vocabulary (common words), plus a rare reference
 *   word (`ref<n>`, a handful of records each) and a few uncommon words;
 * - about three comments per record with a long tail (a hundred records carry hundreds each),
 *   a third of them internal; the word `vendorcase` appears in internal comments only;
 * - SLA clocks (response and resolution) on the incidents and requests that have an agreement,
 *   about half: met or stopped on closed records, running on open ones, some breached, some near
 *   their due time; `records.sla_due_at` is the earliest running due instant, as the SLA module
 *   keeps it;
 * - a watcher on 3 % of records (a requester who may see a record they did not raise).
 *
 * Secondary indexes and foreign keys of the loaded tables are dropped for the load and recreated
 * from their catalogue definitions, so the result has exactly the schema the migrations built.
 * Every generated id is md5(kind || n)::uuid, so the benchmark picks users, groups and records by
 * number without reading them back.
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { dropForLoad, prepareBulkLoad, rank, type Saved } from './cmdb-generate.ts';

export const AGENTS = 600;
export const GROUPS = 60;
export const AGENTS_PER_GROUP = AGENTS / GROUPS;
export const SERVICES = 200;

export type RecordTypeSpec = { type: string; prefix: string; share: number; open: string[]; final: string[] };

export const TYPES: RecordTypeSpec[] = [
  {
    type: 'incident',
    prefix: 'INC',
    share: 0.6,
    open: ['new', 'in_progress', 'on_hold'],
    final: ['resolved', 'closed', 'canceled'],
  },
  {
    type: 'request',
    prefix: 'REQ',
    share: 0.25,
    open: ['submitted', 'awaiting_approval', 'in_fulfilment'],
    final: ['fulfilled', 'closed', 'rejected', 'canceled'],
  },
  {
    type: 'request_task',
    prefix: 'RTK',
    share: 0.1,
    open: ['open', 'in_progress'],
    final: ['done', 'canceled'],
  },
  {
    type: 'problem',
    prefix: 'PRB',
    share: 0.05,
    open: ['new', 'analysis', 'root_cause_known', 'known_error'],
    final: ['resolved', 'closed', 'canceled'],
  },
];

export type GeneratedRecords = {
  total: number;
  requesters: number;
  byType: Map<string, { first: number; count: number; prefix: string; firstNumber: number }>;
  comments: number;
  clocks: number;
  seconds: number;
};

export function uuidOf(kind: string, n: number): string {
  const h = createHash('md5').update(`${kind}:${n}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
/** Agents are users 0..AGENTS-1 (agent a works in group floor(a / AGENTS_PER_GROUP)); requesters follow. */
export const userId = (n: number) => uuidOf('user', n);
export const groupId = (g: number) => uuidOf('group', g);
export const recordId = (n: number) => uuidOf('rec', n);

const SUBJECTS = [
  'email',
  'password',
  'laptop',
  'vpn',
  'printer',
  'outlook',
  'network',
  'wifi',
  'account',
  'access',
  'application',
  'monitor',
  'payroll',
  'invoice',
  'report',
  'backup',
  'phone',
  'licence',
  'storage',
  'website',
  'portal',
  'calendar',
  'database',
  'server',
  'keyboard',
  'teams',
  'sharepoint',
  'citrix',
  'kerberos',
  'firewall',
];
const SYMPTOMS = [
  'not working',
  'is slow',
  'cannot connect',
  'shows an error message',
  'crashes on start',
  'access denied',
  'keeps restarting',
  'needs to be replaced',
  'request for a new one',
  'times out',
  'freezes after login',
  'printing blank pages',
  'synchronisation failed',
  'certificate expired',
];
const PLACES = [
  'Amsterdam',
  'Berlin',
  'Lisbon',
  'Madrid',
  'Oslo',
  'Paris',
  'Prague',
  'Vienna',
  'Warsaw',
  'Zurich',
];
const PUBLIC_REPLIES = [
  'Thanks, I will try that and come back to you.',
  'Could you send a screenshot of the error?',
  'We restarted the service; please check again.',
  'The replacement has been ordered and ships tomorrow.',
  'Still happening after the restart this morning.',
  'Confirmed fixed, you can close this.',
];
const INTERNAL_NOTES = [
  'Looks like the same root cause as last week, linking.',
  'Opened vendorcase with the supplier, waiting for their answer.',
  'Escalated to the second line, the logs show repeated authentication failures.',
  'Workaround applied on the proxy; permanent fix planned in the next change window.',
];

const arr = (xs: string[]) => `array[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(',')}]`;
/** A skewed pick from an array literal: the first elements are chosen most often. */
const pickSql = (xs: string[], skew: number, rnd = 'random()') =>
  `(${arr(xs)})[1 + floor(${xs.length} * power(${rnd}, ${skew}))::int]`;

async function disableTriggers(client: pg.Client, tables: string[], on: boolean) {
  for (const t of tables) await client.query(`alter table ${t} ${on ? 'enable' : 'disable'} trigger user`);
}

/** Users, groups, services, a calendar and two agreements the records refer to. */
async function generatePeople(client: pg.Client, requesters: number): Promise<void> {
  await client.query(
    `insert into users (id, email, name, active)
     select md5('user:' || n)::uuid,
       case when n < ${AGENTS} then 'agent' || n || '@bench.example.com' else 'person' || n || '@bench.example.com' end,
       case when n < ${AGENTS} then 'Agent ' || n else 'Person ' || n end, true
     from generate_series(0, ${AGENTS + requesters - 1}) n`,
  );
  await client.query(
    `insert into user_roles (user_id, role)
     select md5('user:' || n)::uuid, case when n < ${AGENTS} then 'agent' else 'requester' end
     from generate_series(0, ${AGENTS + requesters - 1}) n`,
  );
  await client.query(
    `insert into groups (id, name) select md5('group:' || g)::uuid, 'Group ' || g from generate_series(0, ${GROUPS - 1}) g`,
  );
  await client.query(
    `insert into group_members (group_id, user_id)
     select md5('group:' || (a / ${AGENTS_PER_GROUP}))::uuid, md5('user:' || a)::uuid from generate_series(0, ${AGENTS - 1}) a`,
  );
  await client.query(
    `insert into cis (id, class_key, name, status, description, attributes)
     select md5('svc:' || s)::uuid, 'business_service', 'Service ' || s, 'in_use', '', '{}'::jsonb
     from generate_series(0, ${SERVICES - 1}) s`,
  );
  await client.query(
    `insert into business_calendars (id, name, time_zone, intervals)
     values (md5('cal:0')::uuid, 'Bench 24x7', 'UTC', '[]'::jsonb)`,
  );
  await client.query(
    `insert into agreements (id, lineage_id, kind, name, status, calendar_id, targets, warning_thresholds, effective_from)
     select md5('agr:' || a)::uuid, md5('agr:' || a)::uuid, 'sla', 'Bench agreement ' || a, 'agreed', md5('cal:0')::uuid,
       '[]'::jsonb, array[75], now() - interval '4 years'
     from generate_series(0, 1) a`,
  );
}

/** The records of one type: numbers n0 .. n0+count-1, created over three years, growing. */
function recordsSql(
  t: RecordTypeSpec,
  first: number,
  count: number,
  requesters: number,
  firstNumber: number,
): string {
  const finals = t.final.filter((s) => s !== 'canceled');
  return `insert into records (id, type, number, title, description, state, impact, urgency, priority,
      category, channel, requester_id, assignee_id, group_id, service_id, resolved_at, closed_at,
      created_by, created_at, updated_at, version)
    select md5('rec:' || (${first} + i))::uuid, '${t.type}', '${t.prefix}' || lpad((${firstNumber} + i)::text, 7, '0'),
      title, description, state, 3, 3, priority, subj, (array['portal','email','phone','api'])[1 + (i % 4)],
      requester, case when open and r3 < 0.33 then null else assignee end, grp, svc,
      case when not open and state <> 'canceled' then created_at + age_done end,
      case when not open and state in ('closed','canceled','done','rejected') then created_at + age_done + interval '3 days' end,
      requester, created_at, case when open then created_at + age_done / 4 else created_at + age_done + interval '3 days' end,
      1 + floor(r1 * 6)::int
    from (
      select i, r1, r2, r3, subj, created_at, age_done, priority, grp, svc, requester, assignee,
        open, case when open then (${arr(t.open)})[1 + floor(${t.open.length} * power(r2, 1.5))::int]
                   when r2 < 0.05 then 'canceled'
                   else (${arr(finals)})[1 + floor(${finals.length} * power(r2, 3))::int] end as state,
        initcap(subj) || ' ' || symptom || case when r3 < 0.02 then ' (' || place || ')' else '' end as title,
        'User reports that the ' || subj || ' ' || symptom || ' since this morning in ' || place || '. '
          || 'Reference ref' || (i % 50021) || '. '
          || case when r1 < 0.001 then 'Affected the quarterly reconciliation run. ' else '' end
          || case when r2 < 0.0005 then 'Suspect a misconfigured hypervisor. ' else '' end as description
      from (
        select i, r1, r2, r3, subj, symptom, place, created_at,
          (interval '1 hour' * (1 + 200 * power(r3, 3))) as age_done,
          (array[1,2,2,3,3,3,3,3,3,3,3,4,4,4,4,4,4,4,5,5])[1 + floor(20 * r1)::int] as priority,
          floor(${GROUPS} * power(r2, 2.5))::int as g,
          md5('group:' || floor(${GROUPS} * power(r2, 2.5))::int)::uuid as grp,
          case when r3 < 0.2 then null else md5('svc:' || floor(${SERVICES} * power(r1, 3))::int)::uuid end as svc,
          md5('user:' || (${AGENTS} + floor(${requesters} * power(random(), 2.5))::int))::uuid as requester,
          md5('user:' || (floor(${GROUPS} * power(r2, 2.5))::int * ${AGENTS_PER_GROUP} + floor(${AGENTS_PER_GROUP} * power(r1, 2))::int))::uuid as assignee,
          case when now() - created_at < interval '14 days' then r1 < 0.6
               when now() - created_at < interval '60 days' then r1 < 0.1
               else r1 < 0.005 end as open
        from (
          select i, random() as r1, random() as r2, random() as r3,
            ${pickSql(SUBJECTS, 2)} as subj, ${pickSql(SYMPTOMS, 1.5)} as symptom, ${pickSql(PLACES, 1)} as place,
            now() - interval '3 years' + interval '3 years' * power((i + random()) / ${count}, 0.8) as created_at
          from generate_series(0, ${count - 1}) i
        ) a
      ) b
    ) c`;
}

const COMMENTS_SQL = (
  total: number,
) => `insert into record_comments (id, record_id, author_id, body, visibility, created_at)
  select gen_random_uuid(), r.id, case when internal then r.assignee_id else r.requester_id end,
    case when internal then (${arr(INTERNAL_NOTES)})[1 + floor(${INTERNAL_NOTES.length} * random())::int]
         else (${arr(PUBLIC_REPLIES)})[1 + floor(${PUBLIC_REPLIES.length} * random())::int] end
      || case when random() < 0.001 then ' Serial number ' || md5(random()::text) else '' end,
    case when internal then 'internal' else 'public' end,
    r.created_at + interval '1 minute' * (1 + k * 37)
  from (
    -- about 2.4 per record, uniformly; plus a long tail: 600 comments on each of ${Math.round(total / 5000)} hot records
    select md5('rec:' || floor(${total} * random())::int)::uuid as rid, k, random() < 0.33 as internal
      from generate_series(1, ${Math.round(total * 2.4)}) k
    union all
    select md5('rec:' || (h * 5003 % ${total}))::uuid, k, random() < 0.33
      from generate_series(0, ${Math.max(1, Math.round(total / 5000)) - 1}) h, generate_series(1, 600) k
  ) c join records r on r.id = c.rid`;

/** Response and resolution clocks on about half the incidents and requests (those with an agreement). */
const CLOCKS_SQL = `insert into sla_clocks (id, record_id, agreement_id, kind, metric, calendar_id, priority,
    target_seconds, started_at, selected_at, state, stopped_at, stop_reason, due_at, next_check_at, created_at)
  select gen_random_uuid(), r.id, md5('agr:' || (hashtext(r.id::text) & 1))::uuid, 'sla', m.metric, md5('cal:0')::uuid,
    r.priority, t.secs, r.created_at, r.created_at,
    case when r.open then 'running' when random() < 0.9 then 'met' else 'stopped' end,
    case when r.open then null else coalesce(r.resolved_at, r.closed_at, r.created_at + interval '1 day') end,
    case when r.open then null else 'met' end,
    case when r.open then now() + (interval '1 hour' * (-48 + 168 * random())) else r.created_at + t.secs * interval '1 second' end,
    case when r.open then now() + interval '1 minute' end,
    r.created_at
  from (select id, priority, created_at, resolved_at, closed_at,
          state not in ('resolved','closed','canceled','fulfilled','rejected','done') as open
        from records where type in ('incident', 'request') and hashtext(id::text) % 2 = 0) r
  cross join (values ('response'), ('resolution')) m(metric)
  cross join lateral (select case m.metric when 'response' then 3600 * r.priority else 14400 * r.priority end as secs) t
  where m.metric = 'resolution' or r.open or random() < 0.5`;

/** Fill a freshly migrated database with the generated history. */
export async function generateRecords(
  client: pg.Client,
  total: number,
  log: (s: string) => void,
): Promise<GeneratedRecords> {
  const began = performance.now();
  const secs = () => ((performance.now() - began) / 1000).toFixed(0);
  const requesters = Math.max(200, Math.round(total / 20));
  await prepareBulkLoad(client, '128MB', 0.17);
  await generatePeople(client, requesters);
  const tables = ['sla_clocks', 'record_watchers', 'record_comments', 'records'];
  const saved: Saved[] = [];
  for (const t of tables) saved.push(await dropForLoad(client, t, true));
  await disableTriggers(client, tables, false);
  const byType: GeneratedRecords['byType'] = new Map();
  let first = 0;
  for (const t of TYPES) {
    const count = Math.round(total * t.share);
    // Numbers follow those already given (a database in use, a test's).
    const seq = `record_number_${t.prefix.toLowerCase()}`;
    const cur = await client.query<{ n: string; called: boolean }>(
      `select last_value as n, is_called as called from ${seq}`,
    );
    const firstNumber = Number(cur.rows[0]!.n) + (cur.rows[0]!.called ? 1 : 0);
    await client.query(recordsSql(t, first, count, requesters, firstNumber));
    await client.query(`select setval('${seq}', ${firstNumber + count - 1})`);
    byType.set(t.type, { first, count, prefix: t.prefix, firstNumber });
    first += count;
  }
  log(`  records written (${secs()} s)`);
  await client.query(COMMENTS_SQL(first));
  log(`  comments written (${secs()} s)`);
  await client.query(CLOCKS_SQL);
  await client.query(
    `update records r set sla_due_at = c.due from (
       select record_id, min(due_at) as due from sla_clocks where state = 'running' group by record_id) c
     where r.id = c.record_id`,
  );
  await client.query(
    `insert into record_watchers (record_id, user_id, created_at)
     select distinct on (1, 2) md5('rec:' || floor(${first} * random())::int)::uuid,
       md5('user:' || (${AGENTS} + floor(${requesters} * random())::int))::uuid, now()
     from generate_series(1, ${Math.round(first * 0.03)})`,
  );
  log(`  clocks and watchers written (${secs()} s)`);
  // Keys first (their foreign keys rely on them), then indexes, then foreign keys.
  const creates = saved.flatMap((s) => s.create);
  for (const s of creates.sort((a, b) => rank(a) - rank(b))) await client.query(s);
  await disableTriggers(client, tables, true);
  // The totals and the search vocabulary the triggers keep (they were off during the load).
  await client.query('truncate record_counts, record_count_deltas');
  await client.query(
    'insert into record_counts select type, state, priority, count(*) from records group by 1, 2, 3',
  );
  await client.query(
    `insert into record_search_words select word from ts_stat('select search from records')
     where word ~ '^[[:alpha:]]{3,30}$' on conflict do nothing`,
  );
  log(`  indexes, constraints, totals and vocabulary rebuilt (${secs()} s)`);
  for (const t of [...tables, 'users', 'groups', 'record_search_words'])
    await client.query(`vacuum analyze ${t}`);
  const n = async (sql: string) => Number((await client.query<{ n: string }>(sql)).rows[0]!.n);
  return {
    total: first,
    requesters,
    byType,
    comments: await n('select count(*) as n from record_comments'),
    clocks: await n('select count(*) as n from sla_clocks'),
    seconds: (performance.now() - began) / 1000,
  };
}
