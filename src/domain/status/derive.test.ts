import { describe, expect, it } from 'vitest';
import { deriveStatus, type StatusCause } from './derive.ts';

const now = new Date('2026-03-02T12:00:00Z');
const major = (depth: number): StatusCause => ({
  kind: 'major_incident',
  id: `i${depth}`,
  title: 'down',
  depth,
});
const change = (
  start: string,
  end: string | null,
  impact: 'under_maintenance' | 'degraded' = 'under_maintenance',
): StatusCause => ({
  kind: 'source',
  id: 'changes:CHG1',
  title: 'Patch',
  impact,
  start: new Date(start),
  end: end ? new Date(end) : null,
});

describe('deriveStatus', () => {
  it('is operational without causes', () => {
    expect(deriveStatus([], null, now)).toEqual({
      status: 'operational',
      derived: 'operational',
      overridden: false,
      causes: [],
    });
  });

  it('makes a major incident on the service a major outage and one on a dependency a partial outage', () => {
    expect(deriveStatus([major(0)], null, now).status).toBe('major_outage');
    expect(deriveStatus([major(2)], null, now).status).toBe('partial_outage');
    expect(deriveStatus([major(1), major(0)], null, now).status).toBe('major_outage');
  });

  it('counts a source item only while it runs', () => {
    expect(deriveStatus([change('2026-03-02T11:00:00Z', '2026-03-02T13:00:00Z')], null, now).status).toBe(
      'under_maintenance',
    );
    const planned = deriveStatus([change('2026-03-03T11:00:00Z', '2026-03-03T13:00:00Z')], null, now);
    expect(planned.status).toBe('operational');
    expect(planned.causes).toEqual([]);
    expect(deriveStatus([change('2026-03-01T11:00:00Z', '2026-03-02T12:00:00Z')], null, now).status).toBe(
      'operational',
    );
    expect(deriveStatus([change('2026-03-01T11:00:00Z', null, 'degraded')], null, now).status).toBe(
      'degraded',
    );
  });

  it('lets the worst cause win', () => {
    expect(deriveStatus([change('2026-03-02T11:00:00Z', null), major(1)], null, now).status).toBe(
      'partial_outage',
    );
  });

  it('puts an override above the causes and keeps what they give', () => {
    const d = deriveStatus([major(0)], { status: 'degraded', note: 'mostly back' }, now);
    expect(d).toMatchObject({ status: 'degraded', derived: 'major_outage', overridden: true });
    expect(deriveStatus([], { status: 'under_maintenance', note: null }, now).status).toBe(
      'under_maintenance',
    );
  });
});
