/**
 * `npm run bench`: every benchmark suite, printed as one table and written to bench/results/.
 * Pick suites with BENCH_SUITES=http-create,sla-clock. Each suite compares against a baseline
 * measured in the same run where one applies, so ratios hold on a busy machine.
 */
import { runCmdbBench } from './cmdb.ts';
import { runCreateScaleBench } from './create-scale.ts';
import { runHttpCreateBench } from './http-create.ts';
import { type BenchRow, printTable, writeResults } from './lib.ts';
import { runPredictionBench } from './prediction.ts';
import { runRecordsBench } from './records.ts';
import { runReportsBench } from './reports.ts';
import { runServerStartBench } from './server-start.ts';
import { runSlaClockBench } from './sla-clock.ts';
import { runSlaEscalationBench } from './sla-escalation.ts';
import { runStatusPageBench } from './status-page.ts';

const SUITES: Record<string, () => Promise<BenchRow[]>> = {
  'sla-clock': runSlaClockBench,
  'http-create': runHttpCreateBench,
  'create-scale': runCreateScaleBench,
  cmdb: runCmdbBench,
  'sla-escalation': runSlaEscalationBench,
  'status-page': runStatusPageBench,
  reports: runReportsBench,
  records: runRecordsBench,
  'server-start': runServerStartBench,
  prediction: runPredictionBench,
};

const wanted = process.env.BENCH_SUITES?.split(',').map((s) => s.trim()) ?? Object.keys(SUITES);
const unknown = wanted.filter((w) => !SUITES[w]);
if (unknown.length) {
  console.error(`Unknown suite(s): ${unknown.join(', ')}. Known: ${Object.keys(SUITES).join(', ')}.`);
  process.exit(2);
}
const all: BenchRow[] = [];
for (const name of wanted) {
  console.log(`\n--- ${name} ---`);
  const rows = await SUITES[name]!();
  printTable(rows);
  console.log(`written to ${writeResults(name, rows)}`);
  all.push(...rows);
}
console.log('\n=== summary ===');
printTable(all);
