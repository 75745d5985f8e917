/**
 * SLA breach prediction on the demo history: the demo (six months of incidents with SLA and OLA
 * clocks) is loaded, the breach model is fitted on four fifths of the records' finished clocks
 * and measured on the clocks of the records held out — calibration table, Brier score,
 * precision and recall at 50% — against the baseline of predicting the base rate for every
 * clock (whose precision, flagging at random, is the base rate). Also times fitting and scoring.
 * Runs on the PostgreSQL server when reachable, otherwise on the embedded database.
 *
 *   BENCH_SUITES=prediction npm run bench
 */
import { closeContext, createContext } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config.ts';
import { seedDemo } from '../src/demo/seed.ts';
import { evaluate, explain, fitLogistic } from '../src/domain/prediction/model.ts';
import { buildExamples, heldOut } from '../src/domain/prediction/training.ts';
import { loadHistory, scoreOpenClocks, trainModel } from '../src/modules/prediction/service.ts';
import { type BenchRow, throwawayDatabase } from './lib.ts';

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

export async function runPredictionBench(): Promise<BenchRow[]> {
  const db = await throwawayDatabase('steward_bench_prediction');
  const where = 'error' in db ? 'embedded database' : 'PostgreSQL server';
  const ctx = await createContext(
    loadConfig({
      LOG_LEVEL: 'silent',
      STEWARD_DEMO: '0',
      ...('error' in db ? { DATA_DIR: 'memory://' } : { DATABASE_URL: db.url }),
    }),
    { startJobs: false },
  );
  try {
    const t0 = performance.now();
    await seedDemo(ctx, { incidents: 40 });
    const seedS = (performance.now() - t0) / 1000;

    const { clocks, spans } = await loadHistory(ctx);
    const { examples } = buildExamples(clocks, spans);
    const train = examples.filter((e) => !heldOut(e.recordId));
    const test = examples.filter((e) => heldOut(e.recordId));
    const t1 = performance.now();
    const model = fitLogistic(train);
    const fitMs = performance.now() - t1;
    const q = evaluate(test.map((e) => ({ p: explain(model, e.x).probability, y: e.y })));
    const trainRate = train.reduce((a, e) => a + e.y, 0) / train.length;
    const base = evaluate(test.map((e) => ({ p: trainRate, y: e.y })));

    console.log(
      `\n${train.length} training clocks, ${test.length} held-out clocks (${where}, demo loaded in ${seedS.toFixed(0)} s)`,
    );
    console.log('calibration on held-out clocks:');
    console.log('  predicted bin   clocks   mean predicted   observed breach rate');
    for (const b of q.bins)
      console.log(
        `  ${b.from.toFixed(1)}–${b.to.toFixed(1)}      ${String(b.count).padStart(6)}   ${b.count ? pct(b.predicted).padStart(14) : '             —'}   ${b.count ? pct(b.observed).padStart(20) : '                   —'}`,
      );
    console.log(
      `model:     Brier ${q.brier.toFixed(4)}, calibration error ${pct(q.calibrationError)}, precision ${pct(q.precision)}, recall ${pct(q.recall)} at 50% (${q.flagged} flagged)`,
    );
    console.log(
      `base rate: Brier ${base.brier.toFixed(4)}, calibration error ${pct(base.calibrationError)}, precision ${pct(q.baseRate)} flagging at random`,
    );
    console.log('weights (per standard deviation):');
    for (const [j, f] of model.features.entries())
      console.log(`  ${f.padEnd(20)} ${model.weights[j]!.toFixed(3)}`);

    // The module's own path: train and store, then score every running clock.
    const stored = await trainModel(ctx);
    if (!stored) throw new Error('the demo history was too thin to train on');
    const scoreRuns: number[] = [];
    let open = 0;
    for (let i = 0; i < 10; i++) {
      const t = performance.now();
      open = (await scoreOpenClocks(ctx, stored)).length;
      scoreRuns.push(performance.now() - t);
    }
    scoreRuns.sort((a, b) => a - b);

    const note = `${test.length} held-out clocks of ${examples.length}`;
    return [
      { name: 'prediction: held-out base rate', value: q.baseRate, unit: 'share', note },
      { name: 'prediction: Brier score', value: q.brier, unit: 'score', note: 'lower is better' },
      {
        name: 'prediction: baseline Brier (base rate)',
        value: base.brier,
        unit: 'score',
        note: 'predicting the training base rate for every clock',
      },
      {
        name: 'prediction: calibration error',
        value: q.calibrationError,
        unit: 'share',
        note: 'ten bins, weighted',
      },
      {
        name: 'prediction: precision at 50%',
        value: q.precision ?? 0,
        unit: 'share',
        note: `baseline ${pct(q.baseRate)} (the base rate); ${q.flagged} flagged`,
      },
      { name: 'prediction: recall at 50%', value: q.recall ?? 0, unit: 'share' },
      ...q.bins.map((b) => ({
        name: `prediction: calibration ${b.from.toFixed(1)}–${b.to.toFixed(1)}`,
        value: b.count ? b.observed : 0,
        unit: 'observed',
        note: b.count ? `${b.count} clocks, mean predicted ${b.predicted.toFixed(3)}` : 'no clocks',
      })),
      {
        name: 'prediction: fit time',
        value: fitMs,
        unit: 'ms',
        note: `${train.length} examples, 400 iterations`,
      },
      {
        name: 'prediction: score running clocks median',
        value: scoreRuns[Math.floor(scoreRuns.length / 2)]!,
        unit: 'ms',
        note: `${open} running clocks`,
      },
    ];
  } finally {
    await closeContext(ctx);
    if (!('error' in db)) await db.drop();
  }
}
