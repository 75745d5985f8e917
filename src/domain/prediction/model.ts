/**
 * SLA breach prediction: a logistic regression over a handful of features of a running clock,
 * fitted by batch gradient descent on standardised features with a little L2 regularisation. Pure
 * and small on purpose: the fitted model is a list of numbers anyone can read, and each
 * prediction explains itself, because the log-odds are a sum of one term per feature (the
 * coefficient times how far the clock's value lies from the training average, in standard
 * deviations). A positive term pushes towards a breach, a negative one away from it.
 */

/** The features, in a fixed order; the stored model names them so an old model stays readable. */
export const FEATURES = [
  'elapsed_share',
  'working_left',
  'priority',
  'resolution',
  'assignee_load',
  'group_load',
  'unassigned',
  'service_breach_rate',
] as const;
export type FeatureKey = (typeof FEATURES)[number];

/** What each feature means, in the words the factors are shown with. */
export const FEATURE_LABELS: Record<FeatureKey, string> = {
  elapsed_share: 'Share of the target already used',
  working_left: 'Working time left',
  priority: 'Priority',
  resolution: 'Resolution (not response) clock',
  assignee_load: "Assignee's open records",
  group_load: "Group's open records",
  unassigned: 'Nobody assigned',
  service_breach_rate: "Service's past breach rate",
};

/** The raw facts of one clock at one instant, before they become features. */
export type ClockSnapshot = {
  /** Wall-clock share of the span from the clock's start to its due instant already gone, 0..1. */
  elapsedShare: number;
  /** The target's working seconds not yet used (the target apportioned by the share left). */
  workingSecondsLeft: number;
  priority: number;
  metric: 'response' | 'resolution';
  assigneeLoad: number;
  groupLoad: number;
  unassigned: boolean;
  /** The smoothed share of the service's past clocks that breached. */
  serviceBreachRate: number;
};

export function featureVector(s: ClockSnapshot): number[] {
  return [
    clamp(s.elapsedShare, 0, 1),
    Math.log1p(Math.max(0, s.workingSecondsLeft) / 60),
    s.priority,
    s.metric === 'resolution' ? 1 : 0,
    Math.log1p(Math.max(0, s.assigneeLoad)),
    Math.log1p(Math.max(0, s.groupLoad)),
    s.unassigned ? 1 : 0,
    clamp(s.serviceBreachRate, 0, 1),
  ];
}

export type Example = { x: number[]; y: 0 | 1 };

export type Model = {
  features: readonly string[];
  mean: number[];
  scale: number[];
  intercept: number;
  weights: number[];
};

export type FitOptions = { iterations?: number; learningRate?: number; l2?: number };

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const sigmoid = (z: number) => 1 / (1 + Math.exp(-clamp(z, -35, 35)));

/** Fit a logistic regression; a feature that never varies gets weight 0. */
export function fitLogistic(examples: readonly Example[], opts: FitOptions = {}): Model {
  if (examples.length === 0) throw new Error('no examples to fit');
  const iterations = opts.iterations ?? 400;
  const rate = opts.learningRate ?? 0.5;
  const l2 = opts.l2 ?? 1e-3;
  const d = examples[0]!.x.length;
  const n = examples.length;
  const mean = new Array<number>(d).fill(0);
  const scale = new Array<number>(d).fill(0);
  for (const e of examples) for (let j = 0; j < d; j++) mean[j]! += e.x[j]! / n;
  for (const e of examples) for (let j = 0; j < d; j++) scale[j]! += (e.x[j]! - mean[j]!) ** 2 / n;
  for (let j = 0; j < d; j++) scale[j] = Math.sqrt(scale[j]!);
  const z = examples.map((e) => e.x.map((v, j) => (scale[j]! > 1e-12 ? (v - mean[j]!) / scale[j]! : 0)));
  const base = examples.reduce((a, e) => a + e.y, 0) / n;
  let intercept = Math.log(clamp(base, 1e-6, 1 - 1e-6) / (1 - clamp(base, 1e-6, 1 - 1e-6)));
  const w = new Array<number>(d).fill(0);
  const grad = new Array<number>(d);
  for (let it = 0; it < iterations; it++) {
    grad.fill(0);
    let g0 = 0;
    for (let i = 0; i < n; i++) {
      const zi = z[i]!;
      let s = intercept;
      for (let j = 0; j < d; j++) s += w[j]! * zi[j]!;
      const err = sigmoid(s) - examples[i]!.y;
      g0 += err;
      for (let j = 0; j < d; j++) grad[j]! += err * zi[j]!;
    }
    intercept -= (rate * g0) / n;
    for (let j = 0; j < d; j++) w[j]! -= rate * (grad[j]! / n + l2 * w[j]!);
  }
  return { features: [...FEATURES].slice(0, d), mean, scale, intercept, weights: w };
}

export type Factor = { feature: string; label: string; value: number; contribution: number };

/** The probability of a breach and each feature's term of the log-odds, largest effect first. */
export function explain(model: Model, x: readonly number[]): { probability: number; factors: Factor[] } {
  let s = model.intercept;
  const factors: Factor[] = [];
  for (let j = 0; j < model.weights.length; j++) {
    const sd = model.scale[j]!;
    const contribution = sd > 1e-12 ? (model.weights[j]! * (x[j]! - model.mean[j]!)) / sd : 0;
    s += contribution;
    const feature = model.features[j] ?? `x${j}`;
    factors.push({
      feature,
      label: FEATURE_LABELS[feature as FeatureKey] ?? feature,
      value: x[j]!,
      contribution,
    });
  }
  factors.sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution));
  return { probability: sigmoid(s), factors };
}

export function predict(model: Model, x: readonly number[]): number {
  return explain(model, x).probability;
}

// ---------------------------------------------------------------- measuring a model

export type CalibrationBin = { from: number; to: number; count: number; predicted: number; observed: number };

export type Quality = {
  sampleSize: number;
  baseRate: number;
  brier: number;
  /** The Brier score of always predicting the base rate: what a useless model scores. */
  baselineBrier: number;
  /** Expected calibration error: |predicted − observed| per bin, weighted by the bin's size. */
  calibrationError: number;
  threshold: number;
  precision: number | null;
  recall: number | null;
  flagged: number;
  bins: CalibrationBin[];
};

/** Calibration (ten equal-width bins), Brier score and precision/recall at the threshold. */
export function evaluate(pairs: readonly { p: number; y: 0 | 1 }[], threshold = 0.5, binCount = 10): Quality {
  const n = pairs.length;
  const baseRate = n ? pairs.reduce((a, q) => a + q.y, 0) / n : 0;
  const bins: CalibrationBin[] = Array.from({ length: binCount }, (_, i) => ({
    from: i / binCount,
    to: (i + 1) / binCount,
    count: 0,
    predicted: 0,
    observed: 0,
  }));
  let brier = 0;
  let baselineBrier = 0;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const { p, y } of pairs) {
    brier += (p - y) ** 2;
    baselineBrier += (baseRate - y) ** 2;
    const b = bins[Math.min(binCount - 1, Math.floor(p * binCount))]!;
    b.count++;
    b.predicted += p;
    b.observed += y;
    if (p >= threshold) {
      if (y) tp++;
      else fp++;
    } else if (y) fn++;
  }
  let calibrationError = 0;
  for (const b of bins) {
    if (!b.count) continue;
    b.predicted /= b.count;
    b.observed /= b.count;
    calibrationError += (b.count / n) * Math.abs(b.predicted - b.observed);
  }
  return {
    sampleSize: n,
    baseRate,
    brier: n ? brier / n : 0,
    baselineBrier: n ? baselineBrier / n : 0,
    calibrationError,
    threshold,
    precision: tp + fp ? tp / (tp + fp) : null,
    recall: tp + fn ? tp / (tp + fn) : null,
    flagged: tp + fp,
    bins,
  };
}
