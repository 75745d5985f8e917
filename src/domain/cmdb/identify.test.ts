import { describe, expect, it } from 'vitest';
import { DEFAULT_CI_CLASSES } from './classes.ts';
import {
  type IdentityMatch,
  type IdentityProbe,
  identify,
  identityProbes,
  identityRules,
  probeKey,
} from './identify.ts';

const classes = DEFAULT_CI_CLASSES;

describe('identityRules', () => {
  it('tries a class’s identifiers first, then its other unique attributes, each in its declaring scope', () => {
    expect(identityRules(classes, 'physical_server')).toEqual([
      { attribute: 'hostname', scope: 'server' },
      { attribute: 'serial_number', scope: 'hardware' },
      { attribute: 'asset_tag', scope: 'hardware' },
    ]);
    expect(identityRules(classes, 'virtual_server')).toEqual([
      { attribute: 'instance_id', scope: 'virtual_server' },
      { attribute: 'hostname', scope: 'server' },
      { attribute: 'asset_tag', scope: 'hardware' },
    ]);
  });

  it('has none for a class without identifiers or unique attributes', () => {
    expect(identityRules(classes, 'application')).toEqual([]);
  });
});

describe('identityProbes', () => {
  const rules = identityRules(classes, 'physical_server');

  it('probes every identifying value, compared case-insensitively', () => {
    const probes = identityProbes(
      rules,
      'physical_server',
      { hostname: ' SRV01 ', serial_number: 'X1' },
      'srv01',
    );
    expect(probes).toEqual([
      { rule: 'hostname', scope: 'server', exact: false, value: 'srv01' },
      { rule: 'serial_number', scope: 'hardware', exact: false, value: 'x1' },
    ]);
  });

  it('falls back to the name within the exact class only when nothing else identifies the row', () => {
    expect(identityProbes([], 'application', {}, 'Payroll')).toEqual([
      { rule: 'name', scope: 'application', exact: true, value: 'payroll' },
    ]);
    expect(identityProbes(rules, 'physical_server', { hostname: null }, 'srv')).toEqual([
      { rule: 'name', scope: 'physical_server', exact: true, value: 'srv' },
    ]);
  });

  it('gives equal keys to probes that find the same CIs', () => {
    const [a] = identityProbes(rules, 'physical_server', { hostname: 'A' }, null);
    const [b] = identityProbes(
      identityRules(classes, 'virtual_server'),
      'virtual_server',
      { hostname: 'a' },
      null,
    );
    expect(probeKey(a!)).toBe(probeKey(b!));
  });
});

describe('identify', () => {
  const srv1: IdentityMatch = { id: 'ci-1', name: 'srv01', classKey: 'physical_server' };
  const srv2: IdentityMatch = { id: 'ci-2', name: 'srv02', classKey: 'physical_server' };
  const hostname: IdentityProbe = { rule: 'hostname', scope: 'server', exact: false, value: 'srv01' };
  const serial: IdentityProbe = { rule: 'serial_number', scope: 'hardware', exact: false, value: 'x1' };
  const lookup = (table: Record<string, IdentityMatch[]>) => (p: IdentityProbe) => table[p.rule] ?? [];

  it('is new when no probe finds anything', () => {
    expect(identify([hostname, serial], lookup({}))).toEqual({ kind: 'new' });
  });

  it('matches when probes agree, or when only some find the CI', () => {
    expect(identify([hostname, serial], lookup({ hostname: [srv1], serial_number: [srv1] }))).toMatchObject({
      kind: 'match',
      ci: srv1,
      probe: hostname,
    });
    expect(identify([hostname, serial], lookup({ serial_number: [srv1] }))).toMatchObject({
      kind: 'match',
      probe: serial,
    });
  });

  it('reports a conflict when two rules identify different CIs', () => {
    const r = identify([hostname, serial], lookup({ hostname: [srv1], serial_number: [srv2] }));
    expect(r.kind).toBe('conflict');
    if (r.kind === 'conflict') {
      expect(r.message).toContain('hostname "srv01" identifies "srv01"');
      expect(r.message).toContain('serial_number "x1" identifies "srv02"');
    }
  });

  it('refuses to guess when one value matches several CIs', () => {
    const r = identify([serial], lookup({ serial_number: [srv1, srv2] }));
    expect(r).toMatchObject({ kind: 'ambiguous' });
  });
});
