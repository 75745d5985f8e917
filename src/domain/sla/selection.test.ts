import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agreement } from './planner-fixtures.ts';
import {
  type AgreementCandidate,
  compareCandidates,
  matchesFacts,
  type SelectionFacts,
  selectAgreement,
  specificity,
} from './selection.ts';

const FROM = new Date('2026-01-01T00:00:00Z');

/** An agreed SLA that applies to everything from FROM on, unless `over` narrows it. */
const sla = (id: string, over: Partial<AgreementCandidate> = {}): AgreementCandidate =>
  agreement({ id, effectiveFrom: FROM, ...over });

const facts: SelectionFacts = {
  kind: 'sla',
  at: new Date('2026-03-02T09:00:00Z'),
  recordType: 'incident',
  priority: 2,
  serviceId: 'svc-email',
  customerId: 'acme',
};

const pick = (cands: AgreementCandidate[], f: Partial<SelectionFacts> = {}) =>
  selectAgreement(cands, { ...facts, ...f })?.id ?? null;

describe('choosing the governing agreement', () => {
  it('takes the only agreement that applies', () => {
    expect(pick([sla('generic')])).toBe('generic');
  });

  it('lets the most specific agreement win: service over customer over record type over priority', () => {
    const all = [
      sla('generic'),
      sla('priority', { priorities: [1, 2] }),
      sla('type', { recordTypes: ['incident'] }),
      sla('customer', { customerId: 'acme' }),
      sla('service', { serviceId: 'svc-email' }),
      sla('service+customer', { serviceId: 'svc-email', customerId: 'acme' }),
    ];
    expect(pick(all)).toBe('service+customer');
    expect(pick(all.slice(0, 5))).toBe('service');
    expect(pick(all.slice(0, 4))).toBe('customer');
    expect(pick(all.slice(0, 3))).toBe('type');
    expect(pick(all.slice(0, 2))).toBe('priority');
  });

  it('never applies an agreement scoped to another service, customer, type or priority', () => {
    expect(pick([sla('a', { serviceId: 'svc-erp' })])).toBeNull();
    expect(pick([sla('a', { customerId: 'globex' })])).toBeNull();
    expect(pick([sla('a', { recordTypes: ['request'] })])).toBeNull();
    expect(pick([sla('a', { priorities: [1] })])).toBeNull();
    expect(pick([sla('a', { customerId: 'acme' })], { customerId: null })).toBeNull();
  });

  it('only considers agreed agreements in force at the reference instant', () => {
    expect(pick([sla('draft', { status: 'draft' })])).toBeNull();
    expect(pick([sla('future', { effectiveFrom: new Date('2026-03-02T09:00:01Z') })])).toBeNull();
    expect(pick([sla('ended', { effectiveTo: new Date('2026-03-02T09:00:00Z') })])).toBeNull();
    expect(pick([sla('starts-now', { effectiveFrom: new Date('2026-03-02T09:00:00Z') })])).toBe('starts-now');
  });

  it('picks the version of an agreement in force, not simply the newest', () => {
    const v1 = sla('v1', { effectiveTo: new Date('2026-04-01T00:00:00Z') });
    const v2 = sla('v2', { versionNumber: 2, effectiveFrom: new Date('2026-04-01T00:00:00Z') });
    expect(pick([v1, v2])).toBe('v1');
    expect(pick([v1, v2], { at: new Date('2026-04-02T00:00:00Z') })).toBe('v2');
  });

  it('breaks ties by the narrower priority list, then the latest start, then the version', () => {
    expect(pick([sla('wide', { priorities: [1, 2, 3] }), sla('narrow', { priorities: [2] })])).toBe('narrow');
    expect(pick([sla('older'), sla('newer', { effectiveFrom: new Date('2026-02-01T00:00:00Z') })])).toBe(
      'newer',
    );
    expect(pick([sla('b', { versionNumber: 3 }), sla('a', { versionNumber: 2 })])).toBe('b');
  });

  it('holds an OLA to its group and an underpinning contract to its supplier', () => {
    const ola = sla('ola-net', { kind: 'ola', groupId: 'network' });
    expect(matchesFacts(ola, { ...facts, kind: 'ola', groupId: 'network' })).toBe(true);
    expect(matchesFacts(ola, { ...facts, kind: 'ola', groupId: 'desk' })).toBe(false);
    expect(matchesFacts(ola, { ...facts, kind: 'sla' })).toBe(false);
    const uc = sla('uc', { kind: 'uc', supplierId: 'fibrelink' });
    expect(matchesFacts(uc, { ...facts, kind: 'uc', supplierId: 'fibrelink' })).toBe(true);
    expect(matchesFacts(uc, { ...facts, kind: 'uc', supplierId: 'other' })).toBe(false);
  });

  it('gives a unique answer whatever the order of the candidates', () => {
    const cand = fc.record({
      id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
      service: fc.boolean(),
      customer: fc.boolean(),
      types: fc.boolean(),
      prios: fc.constantFrom(null, [2], [1, 2], [2, 3, 4]),
      from: fc.integer({ min: 0, max: 40 }),
      version: fc.integer({ min: 1, max: 3 }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(cand, { selector: (c) => c.id, maxLength: 6 }), (raw) => {
        const cands = raw.map((r) =>
          sla(r.id, {
            serviceId: r.service ? 'svc-email' : null,
            customerId: r.customer ? 'acme' : null,
            recordTypes: r.types ? ['incident'] : null,
            priorities: r.prios,
            effectiveFrom: new Date(FROM.getTime() + r.from * 86_400_000),
            versionNumber: r.version,
          }),
        );
        const forward = selectAgreement(cands, facts);
        const backward = selectAgreement([...cands].reverse(), facts);
        expect(forward?.id).toBe(backward?.id);
        if (forward) {
          for (const c of cands) {
            if (matchesFacts(c, facts)) expect(specificity(c)).toBeLessThanOrEqual(specificity(forward));
          }
          expect(cands.filter((c) => matchesFacts(c, facts) && compareCandidates(c, forward) < 0)).toEqual(
            [],
          );
        }
      }),
    );
  });
});
