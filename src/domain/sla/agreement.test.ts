import { describe, expect, it } from 'vitest';
import { type AgreementTerms, targetSeconds, validateTerms } from './agreement.ts';

const targets = [1, 2, 3, 4, 5].map((priority) => ({
  priority,
  responseMinutes: 15 * priority,
  resolutionMinutes: 240 * priority,
}));

const terms = (over: Partial<AgreementTerms> = {}): AgreementTerms => ({
  targets,
  warningThresholds: [75, 90],
  priorities: null,
  recordTypes: null,
  effectiveFrom: new Date('2026-01-01T00:00:00Z'),
  effectiveTo: null,
  availabilityTarget: 99.9,
  ...over,
});

const fields = (t: AgreementTerms) => validateTerms(t).map((i) => i.field);

describe('agreement terms', () => {
  it('accepts complete terms', () => {
    expect(validateTerms(terms())).toEqual([]);
  });

  it('refuses a zero or fractional target and a resolution shorter than the response', () => {
    const bad = [
      { priority: 1, responseMinutes: 0, resolutionMinutes: 60 },
      { priority: 2, responseMinutes: 1.5, resolutionMinutes: 60 },
      { priority: 3, responseMinutes: 120, resolutionMinutes: 60 },
      ...targets.slice(3),
    ];
    const issues = validateTerms(terms({ targets: bad }));
    expect(issues.map((i) => i.field)).toEqual([
      'targets[0].responseMinutes',
      'targets[1].responseMinutes',
      'targets[2].resolutionMinutes',
    ]);
    expect(issues[0]!.message).toContain('greater than zero');
  });

  it('requires a target for every priority the agreement covers, and only once', () => {
    expect(validateTerms(terms({ targets: targets.slice(0, 3) }))).toEqual([
      { field: 'targets', message: 'No targets for priority 4, 5, which this agreement covers.' },
    ]);
    expect(validateTerms(terms({ targets: targets.slice(0, 1), priorities: [1] }))).toEqual([]);
    expect(fields(terms({ targets: [...targets, targets[0]!] }))).toEqual(['targets[5].priority']);
  });

  it('checks warning thresholds are ascending percentages below the breach', () => {
    expect(fields(terms({ warningThresholds: [90, 75] }))).toEqual(['warningThresholds[1]']);
    expect(fields(terms({ warningThresholds: [0, 100] }))).toEqual([
      'warningThresholds[0]',
      'warningThresholds[1]',
    ]);
    expect(validateTerms(terms({ warningThresholds: [] }))).toEqual([]);
  });

  it('checks the scope, the window and the availability target', () => {
    expect(fields(terms({ priorities: [] }))).toContain('priorities');
    expect(fields(terms({ priorities: [1, 1] }))).toContain('priorities');
    expect(fields(terms({ recordTypes: [] }))).toEqual(['recordTypes']);
    expect(fields(terms({ effectiveTo: new Date('2025-12-31T00:00:00Z') }))).toEqual(['effectiveTo']);
    expect(fields(terms({ availabilityTarget: 100.5 }))).toEqual(['availabilityTarget']);
  });

  it('looks up a target in working seconds', () => {
    expect(targetSeconds(targets, 2, 'response')).toBe(30 * 60);
    expect(targetSeconds(targets, 2, 'resolution')).toBe(480 * 60);
    expect(targetSeconds(targets.slice(0, 1), 4, 'resolution')).toBeNull();
  });
});
