import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDepreciation, currentValue, type DepreciationInput, monthsElapsed } from './depreciation.ts';

const laptop = (over: Partial<DepreciationInput> = {}): DepreciationInput => ({
  cost: 1200,
  purchaseDate: '2024-01-15',
  method: 'straight_line',
  usefulLifeMonths: 36,
  salvageValue: 120,
  ...over,
});

describe('monthsElapsed', () => {
  it('counts full calendar months only', () => {
    expect(monthsElapsed('2024-01-15', '2024-01-31')).toBe(0);
    expect(monthsElapsed('2024-01-15', '2024-02-14')).toBe(0);
    expect(monthsElapsed('2024-01-15', '2024-02-15')).toBe(1);
    expect(monthsElapsed('2024-01-15', '2025-01-15')).toBe(12);
  });

  it('counts a month ending on the last day of a shorter month as full', () => {
    expect(monthsElapsed('2024-01-31', '2024-02-29')).toBe(1);
    expect(monthsElapsed('2023-01-31', '2023-02-28')).toBe(1);
    expect(monthsElapsed('2024-01-31', '2024-02-28')).toBe(0);
  });

  it('is zero before the start', () => {
    expect(monthsElapsed('2024-05-01', '2024-01-01')).toBe(0);
  });
});

describe('currentValue', () => {
  it('spreads cost minus salvage evenly over the life with straight-line', () => {
    expect(currentValue(laptop(), '2024-01-15')).toBe(1200);
    expect(currentValue(laptop(), '2024-02-15')).toBe(1170);
    expect(currentValue(laptop(), '2025-07-15')).toBe(660);
    expect(currentValue(laptop(), '2027-01-15')).toBe(120);
    expect(currentValue(laptop(), '2030-01-01')).toBe(120);
  });

  it('loses 2/life of the remaining value each month with declining balance, never below salvage', () => {
    const input = laptop({ method: 'declining_balance', usefulLifeMonths: 20, salvageValue: 100 });
    expect(currentValue(input, '2024-02-15')).toBe(1080);
    expect(currentValue(input, '2024-03-15')).toBe(972);
    expect(currentValue(input, '2025-08-15')).toBe(162.1);
    expect(currentValue(input, '2025-09-15')).toBe(100);
    expect(currentValue(input, '2030-01-01')).toBe(100);
  });

  it('keeps the cost with no method, and knows no value without a cost', () => {
    expect(currentValue(laptop({ method: 'none' }), '2030-01-01')).toBe(1200);
    expect(currentValue(laptop({ cost: null }), '2030-01-01')).toBeNull();
    expect(currentValue(laptop({ purchaseDate: null }), '2030-01-01')).toBe(1200);
  });

  it('treats a salvage value above cost as the cost', () => {
    expect(currentValue(laptop({ salvageValue: 5000 }), '2025-01-15')).toBe(1200);
  });

  it('never rises over time and stays between salvage and cost', () => {
    const day = fc
      .date({ min: new Date('2020-01-01'), max: new Date('2035-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }).map((c) => c / 100),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 1, max: 120 }),
        fc.constantFrom('straight_line' as const, 'declining_balance' as const),
        day,
        day,
        (cost, salvagePct, life, method, a, b) => {
          const input = laptop({
            cost,
            method,
            usefulLifeMonths: life,
            purchaseDate: '2022-06-30',
            salvageValue: Math.round(cost * salvagePct) / 100,
          });
          const [early, late] = a <= b ? [a, b] : [b, a];
          const v1 = currentValue(input, early)!;
          const v2 = currentValue(input, late)!;
          expect(v2).toBeLessThanOrEqual(v1);
          expect(v2).toBeGreaterThanOrEqual(Math.min(cost, input.salvageValue!) - 0.005);
          expect(v1).toBeLessThanOrEqual(cost);
        },
      ),
    );
  });
});

describe('checkDepreciation', () => {
  it('asks for cost, purchase date and useful life when depreciating', () => {
    const problems = checkDepreciation({
      cost: null,
      purchaseDate: null,
      method: 'declining_balance',
      usefulLifeMonths: null,
      salvageValue: null,
    });
    expect(problems.map((p) => p.field)).toEqual(['cost', 'purchaseDate', 'usefulLifeMonths']);
  });

  it('refuses a negative cost or a salvage value above cost', () => {
    expect(checkDepreciation(laptop({ salvageValue: 2000 }))).toEqual([
      { field: 'salvageValue', message: 'must not exceed the cost' },
    ]);
    expect(checkDepreciation(laptop({ method: 'none', cost: -1 }))[0]?.field).toBe('cost');
    expect(checkDepreciation(laptop({ usefulLifeMonths: 0 }))[0]?.field).toBe('usefulLifeMonths');
    expect(checkDepreciation(laptop())).toEqual([]);
  });
});
