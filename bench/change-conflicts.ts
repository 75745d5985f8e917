/**
 * Change conflict checks on the benchmark CMDB: a year of scheduled changes (a schedule source
 * reading a table, as change management's would) and maintenance and freeze windows, then one
 * candidate change at a time checked with `checkConflicts` (time overlap from the source, the
 * windows that concern it, and the graph walks that relate its CIs to the overlapping changes'),
 * beside a baseline in the same run: the schedule query alone (the changes overlapping the
 * candidate), which every check makes. Target: p95 <= 100 ms at 1,000,000 CIs.
 */
import pg from 'pg';
import type { AppContext } from '../src/context.ts';
import type { ScheduledItem } from '../src/domain/changes/conflicts.ts';
import {
  checkConflicts,
  registerScheduleSource,
  unregisterScheduleSource,
} from '../src/modules/change-schedule/index.ts';
import { listScheduledItems } from '../src/modules/change-schedule/sources.ts';
import { createWindow } from '../src/modules/change-schedule/windows.ts';
import { seededRandom } from '../src/shared/random.ts';
import { ciId, type GeneratedCmdb, IMPACT_CLASSES } from './cmdb-generate.ts';
import { type BenchRow, quantile } from './lib.ts';

const TARGET_MS = 100;
const YEAR_START = Date.UTC(2027, 0, 1);
const YEAR_MS = 365 * 86_400_000;
const HOUR_MS = 3_600_000;
/** Classes whose CIs changes touch: those impact walks start from (services included). */
const CHANGED_CLASSES = IMPACT_CLASSES;

function randomCi(gen: GeneratedCmdb, rnd: () => number, classes = CHANGED_CLASSES): string {
  const c = gen.classes.get(classes[Math.floor(rnd() * classes.length)]!)!;
  return ciId(c.first + Math.floor(rnd() * c.count));
}

type Row = { record_id: string; number: string; start_at: Date; end_at: Date; ci_ids: string[] };

/** A schedule source over a plain table, as a record type's source would query its own. */
function tableSource(ctx: AppContext) {
  return {
    key: 'bench',
    async listScheduled(_db: unknown, range: { from: Date; to: Date }): Promise<ScheduledItem[]> {
      const rows = await ctx.database.prepared<Row>(
        'bench.schedule',
        `select record_id, number, start_at, end_at, ci_ids from bench_schedule
         where start_at < $2 and end_at > $1 and start_at > $1::timestamptz - interval '1 day'`,
        [range.from, range.to],
      );
      return rows.map((r) => ({
        recordId: r.record_id,
        number: r.number,
        title: r.number,
        state: 'scheduled',
        changeType: 'normal',
        start: new Date(r.start_at),
        end: new Date(r.end_at),
        ciIds: r.ci_ids,
        serviceIds: [],
        groupId: null,
      }));
    },
  };
}

const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

export async function benchConflicts(
  ctx: AppContext,
  url: string,
  gen: GeneratedCmdb,
  scale: number,
  samples: number,
): Promise<BenchRow[]> {
  const rnd = seededRandom(13);
  const changes = Math.max(500, Math.round(20_000 * scale));
  const maintained = Math.max(50, Math.round(5_000 * scale));
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(
    `create table bench_schedule (record_id uuid primary key, number text not null,
       start_at timestamptz not null, end_at timestamptz not null, ci_ids uuid[] not null)`,
  );
  for (let i = 0; i < changes; i += 5_000) {
    const n = Math.min(5_000, changes - i);
    const rows = Array.from({ length: n }, (_, k) => {
      const start = YEAR_START + Math.floor(rnd() * YEAR_MS);
      const cis = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => randomCi(gen, rnd));
      return {
        id: i + k,
        start,
        end: start + (1 + Math.floor(rnd() * 6)) * HOUR_MS,
        cis: `{${cis.join(',')}}`,
      };
    });
    await client.query(
      `insert into bench_schedule
       select gen_random_uuid(), 'CHG' || lpad(n::text, 7, '0'), to_timestamp(s / 1000.0), to_timestamp(e / 1000.0), c::uuid[]
       from unnest($1::int[], $2::float8[], $3::float8[], $4::text[]) as t(n, s, e, c)`,
      [rows.map((r) => r.id), rows.map((r) => r.start), rows.map((r) => r.end), rows.map((r) => r.cis)],
    );
  }
  await client.query('create index on bench_schedule (start_at)');
  await client.query('analyze bench_schedule');
  await client.end();
  // Weekly windows on some CIs, monthly freezes on some services, and a global year-end freeze.
  for (let i = 0; i < maintained; i++) {
    const start = new Date(YEAR_START + Math.floor(rnd() * 7) * 86_400_000 + 2 * HOUR_MS);
    await createWindow(ctx, 'system', {
      kind: 'maintenance',
      name: `Weekly ${i}`,
      ciId: randomCi(gen, rnd),
      timeZone: 'Europe/Paris',
      start: start.toISOString(),
      end: new Date(start.getTime() + 4 * HOUR_MS).toISOString(),
      rrule: 'FREQ=WEEKLY',
    });
  }
  for (let i = 0; i < 20; i++)
    await createWindow(ctx, 'system', {
      kind: 'freeze',
      name: `Month end ${i}`,
      serviceId: randomCi(gen, rnd, ['business_service']),
      timeZone: 'UTC',
      start: '2027-01-30T00:00:00Z',
      end: '2027-02-01T00:00:00Z',
      rrule: 'FREQ=MONTHLY;BYMONTHDAY=-2',
    });
  await createWindow(ctx, 'system', {
    kind: 'freeze',
    name: 'Year end',
    timeZone: 'UTC',
    start: '2026-12-20T00:00:00Z',
    end: '2027-01-03T00:00:00Z',
    rrule: 'FREQ=YEARLY',
  });
  registerScheduleSource(tableSource(ctx));
  try {
    const candidates = Array.from({ length: samples + 20 }, () => {
      const start = new Date(YEAR_START + 14 * 86_400_000 + Math.floor(rnd() * (YEAR_MS - 30 * 86_400_000)));
      return {
        start,
        end: new Date(start.getTime() + (1 + Math.floor(rnd() * 4)) * HOUR_MS),
        ciIds: Array.from({ length: 1 + Math.floor(rnd() * 2) }, () => randomCi(gen, rnd)),
        serviceIds: [],
      };
    });
    const ms: number[] = [];
    const base: number[] = [];
    let conflicts = 0;
    let overlapping = 0;
    for (const [i, c] of candidates.entries()) {
      let t = performance.now();
      const others = await listScheduledItems(ctx.db, { from: c.start, to: c.end }, {});
      const b = performance.now() - t;
      t = performance.now();
      const found = await checkConflicts(ctx, c);
      const d = performance.now() - t;
      if (i < 20) continue; // warm-up
      base.push(b);
      ms.push(d);
      conflicts += found.length;
      overlapping += others.length;
    }
    ms.sort((a, b) => a - b);
    base.sort((a, b) => a - b);
    const p95 = quantile(ms, 0.95);
    const shape = `${ms.length} checks of 1–2 CIs against ${changes.toLocaleString('en-US')} changes over a year, ${maintained.toLocaleString('en-US')} weekly maintenance windows and 21 freezes; on average ${round(overlapping / ms.length, 1)} changes overlapped and ${round(conflicts / ms.length, 1)} conflicts were found`;
    return [
      { name: 'change conflict check: p50', value: round(quantile(ms, 0.5)), unit: 'ms', note: shape },
      {
        name: 'change conflict check: p95',
        value: round(p95),
        unit: 'ms',
        note: `target <= ${TARGET_MS} ms: ${p95 <= TARGET_MS ? 'met' : 'MISSED'}; max ${round(ms.at(-1)!)} ms`,
      },
      {
        name: 'conflict baseline: the overlapping changes alone (schedule query): p50',
        value: round(quantile(base, 0.5), 3),
        unit: 'ms',
      },
      {
        name: 'conflict baseline: the overlapping changes alone (schedule query): p95',
        value: round(quantile(base, 0.95), 3),
        unit: 'ms',
      },
      {
        name: 'change conflict check: p50 ratio to baseline',
        value: round(quantile(ms, 0.5) / quantile(base, 0.5), 1),
        unit: 'x',
      },
    ];
  } finally {
    unregisterScheduleSource('bench');
  }
}
