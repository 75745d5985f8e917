/**
 * Throughput of the SLA clock: computeDueAt and elapsedWorkingTime calls per second on one core,
 * for the typical 8×5 calendar (Mon–Fri 09:00–17:00, Europe/Berlin, 10 holidays, 8-hour target).
 *
 *   node bench/sla-clock.ts
 */

import { compileCalendar, computeDueAt, elapsedWorkingTime } from '../src/domain/sla/clock.ts';
import { BERLIN_8X5 } from '../src/domain/sla/test-fixtures.ts';

export type BenchResult = { name: string; value: number; unit: string; note?: string };

const TARGET_SECONDS = 8 * 3600;
const STARTS = 4096;

/** Start instants spread over 2026 at odd minutes, so every weekday, hour and holiday is hit. */
function startInstants(): Date[] {
  const from = Date.UTC(2026, 0, 1);
  const step = 7_717_000; // a little over two hours, in ms
  return Array.from({ length: STARTS }, (_, i) => new Date(from + i * step));
}

function measure(fn: (i: number) => number, minMs: number): number {
  let sink = 0;
  let calls = 0;
  const began = performance.now();
  let elapsed = 0;
  while (elapsed < minMs) {
    for (let i = 0; i < 100_000; i++) sink += fn(i);
    calls += 100_000;
    elapsed = performance.now() - began;
  }
  if (sink === Number.MIN_VALUE) console.log(sink); // keep the work observable
  return (calls / elapsed) * 1000;
}

export async function runSlaClockBench(): Promise<BenchResult[]> {
  const starts = startInstants();
  const ends = starts.map((s, i) => new Date(s.getTime() + ((i * 7919) % 14) * 86_400_000 + 3_600_000));
  const mask = STARTS - 1;
  const due = (i: number) => computeDueAt(starts[i & mask]!, TARGET_SECONDS, BERLIN_8X5).getTime();
  const dueCompiled = compileCalendar(BERLIN_8X5);
  const dueC = (i: number) => computeDueAt(starts[i & mask]!, TARGET_SECONDS, dueCompiled).getTime();
  // Callers that rebuild the calendar object per request hit the content-keyed cache instead.
  const dueFresh = (i: number) =>
    computeDueAt(starts[i & mask]!, TARGET_SECONDS, { ...BERLIN_8X5 }).getTime();
  const elapsed = (i: number) => elapsedWorkingTime(starts[i & mask]!, ends[i & mask]!, BERLIN_8X5);

  // Warm up: JIT and the per-day caches.
  measure(due, 300);
  measure(dueC, 200);
  measure(dueFresh, 200);
  measure(elapsed, 300);

  const note = '8×5 Mon–Fri 09:00–17:00 Europe/Berlin, 10 holidays, starts spread over 2026';
  return [
    {
      name: 'sla.computeDueAt',
      value: Math.round(measure(due, 1000)),
      unit: 'calls/s',
      note: `${note}, 8 h target`,
    },
    {
      name: 'sla.computeDueAt (precompiled)',
      value: Math.round(measure(dueC, 1000)),
      unit: 'calls/s',
      note: `${note}, 8 h target`,
    },
    {
      name: 'sla.computeDueAt (new calendar object per call)',
      value: Math.round(measure(dueFresh, 1000)),
      unit: 'calls/s',
      note: `${note}, 8 h target, calendar re-created each call`,
    },
    {
      name: 'sla.elapsedWorkingTime',
      value: Math.round(measure(elapsed, 1000)),
      unit: 'calls/s',
      note: `${note}, spans of 1 h to 13 days`,
    },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = await runSlaClockBench();
  const width = Math.max(...results.map((r) => r.name.length));
  console.log(`${'benchmark'.padEnd(width)}  ${'value'.padStart(12)}  unit`);
  for (const r of results) {
    console.log(`${r.name.padEnd(width)}  ${r.value.toLocaleString('en-US').padStart(12)}  ${r.unit}`);
  }
  console.log(`(${results[0]?.note ?? ''})`);
}
