import { describe, expect, it } from 'vitest';
import { compliance, consumedUnits, summariseCompliance } from './licences.ts';

describe('licence consumption', () => {
  it('counts one unit per installation', () => {
    expect(
      consumedUnits('per_install', [
        { kind: 'ci', cores: 8 },
        { kind: 'ci', cores: null },
      ]),
    ).toBe(2);
  });

  it('counts assigned users for a per-user licence and ignores machines', () => {
    expect(consumedUnits('per_user', [{ kind: 'user' }, { kind: 'user' }, { kind: 'ci', cores: 4 }])).toBe(2);
  });

  it('counts cores for a per-core licence, one when unknown', () => {
    expect(
      consumedUnits('per_core', [
        { kind: 'ci', cores: 16 },
        { kind: 'ci', cores: null },
      ]),
    ).toBe(17);
  });
});

describe('compliance', () => {
  it('reports unused entitlements as over-licensed', () => {
    expect(compliance(100, 60)).toEqual({
      entitled: 100,
      consumed: 60,
      unused: 40,
      shortfall: 0,
      status: 'over_licensed',
    });
  });

  it('reports installations beyond entitlements as under-licensed', () => {
    expect(compliance(10, 14)).toMatchObject({ unused: 0, shortfall: 4, status: 'under_licensed' });
  });

  it('is compliant at exactly the entitlement', () => {
    expect(compliance(5, 5).status).toBe('compliant');
  });

  it('sums an estate', () => {
    expect(summariseCompliance([compliance(100, 60), compliance(10, 14), compliance(5, 5)])).toEqual({
      licences: 3,
      compliant: 1,
      overLicensed: 1,
      underLicensed: 1,
      unused: 40,
      shortfall: 4,
    });
  });
});
