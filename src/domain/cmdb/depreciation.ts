/**
 * Asset depreciation: the book value of an asset on a given day, from its cost, purchase date,
 * useful life and salvage value. Depreciation is charged per full calendar month since purchase
 * (the usual monthly convention of fixed-asset registers), so the value changes once a month and
 * is reproducible from the stored fields alone: it is computed on read and never stored.
 *
 * - straight_line: (cost − salvage) is spread evenly over the useful life.
 * - declining_balance: double-declining balance applied monthly: each month loses 2 / life of the
 *   remaining value, never going below salvage; at the end of the life the value is the salvage.
 * - none: the value stays at cost.
 */

export const DEPRECIATION_METHODS = ['none', 'straight_line', 'declining_balance'] as const;
export type DepreciationMethod = (typeof DEPRECIATION_METHODS)[number];

export type DepreciationInput = {
  cost: number | null;
  /** YYYY-MM-DD */
  purchaseDate: string | null;
  method: DepreciationMethod;
  usefulLifeMonths: number | null;
  salvageValue: number | null;
};

export type DepreciationProblem = { field: string; message: string };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: string): [number, number, number] {
  const m = DATE.exec(date);
  if (!m) throw new RangeError(`Expected a date written YYYY-MM-DD, got "${date}"`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Full calendar months from `from` to `to` (0 when `to` is earlier). A month ending on the last
 * day of a shorter month counts as full: 31 January → 28 February is one month.
 */
export function monthsElapsed(from: string, to: string): number {
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(to);
  let months = (y2 - y1) * 12 + (m2 - m1);
  if (d2 < d1 && d2 !== lastDayOfMonth(y2, m2)) months -= 1;
  return Math.max(0, months);
}

const toCents = (v: number) => Math.round(v * 100);

/** The book value on `asOf` (YYYY-MM-DD), rounded to cents; null when the asset has no cost. */
export function currentValue(input: DepreciationInput, asOf: string): number | null {
  const { cost, purchaseDate, method, usefulLifeMonths: life } = input;
  if (cost === null) return null;
  if (method === 'none' || purchaseDate === null || life === null || life < 1) return cost;
  const costCents = toCents(cost);
  const salvageCents = Math.min(costCents, Math.max(0, toCents(input.salvageValue ?? 0)));
  const months = monthsElapsed(purchaseDate, asOf);
  if (months >= life) return salvageCents / 100;
  let cents: number;
  if (method === 'straight_line') {
    cents = costCents - ((costCents - salvageCents) * months) / life;
  } else {
    const rate = Math.min(1, 2 / life);
    cents = Math.max(salvageCents, costCents * (1 - rate) ** months);
  }
  return Math.round(cents) / 100;
}

/** What a depreciation setup lacks or gets wrong; empty when the value can be computed. */
export function checkDepreciation(input: DepreciationInput): DepreciationProblem[] {
  const problems: DepreciationProblem[] = [];
  if (input.cost !== null && input.cost < 0)
    problems.push({ field: 'cost', message: 'must not be negative' });
  if (input.salvageValue !== null) {
    if (input.salvageValue < 0) problems.push({ field: 'salvageValue', message: 'must not be negative' });
    else if (input.cost !== null && input.salvageValue > input.cost)
      problems.push({ field: 'salvageValue', message: 'must not exceed the cost' });
  }
  if (input.method === 'none') return problems;
  const need = `is required to depreciate by ${input.method.replace('_', ' ')}`;
  if (input.cost === null) problems.push({ field: 'cost', message: need });
  if (input.purchaseDate === null) problems.push({ field: 'purchaseDate', message: need });
  if (input.usefulLifeMonths === null) problems.push({ field: 'usefulLifeMonths', message: need });
  else if (!Number.isInteger(input.usefulLifeMonths) || input.usefulLifeMonths < 1)
    problems.push({ field: 'usefulLifeMonths', message: 'must be a whole number of months, at least 1' });
  return problems;
}
