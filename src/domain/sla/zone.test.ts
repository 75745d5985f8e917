import { describe, expect, it } from 'vitest';
import { isKnownTimeZone, zoneRules } from './zone.ts';

const H = 3_600_000;
const local = (iso: string) => Date.parse(`${iso}Z`); // wall time as if it were UTC
const iso = (t: number) => new Date(t).toISOString();

describe('time-zone rules', () => {
  it('knows IANA zones and aliases, and nothing else', () => {
    expect(isKnownTimeZone('Europe/Berlin')).toBe(true);
    expect(isKnownTimeZone('UTC')).toBe(true);
    expect(isKnownTimeZone('Europe/Atlantis')).toBe(false);
    expect(isKnownTimeZone('')).toBe(false);
  });

  it('finds the offset in force at an instant, to the second around a transition', () => {
    const berlin = zoneRules('Europe/Berlin');
    const jump = Date.parse('2026-03-29T01:00:00Z');
    expect(berlin.offsetAt(jump - 1000)).toBe(1 * H);
    expect(berlin.offsetAt(jump)).toBe(2 * H);
    expect(
      berlin.transitionAfter(Date.parse('2026-01-01T00:00:00Z'), Date.parse('2026-12-31T00:00:00Z')),
    ).toBe(jump);
  });

  it('handles half-hour and quarter-hour offsets', () => {
    expect(zoneRules('Australia/Lord_Howe').offsetAt(Date.parse('2026-07-01T00:00:00Z'))).toBe(10.5 * H);
    expect(zoneRules('Australia/Lord_Howe').offsetAt(Date.parse('2026-01-01T00:00:00Z'))).toBe(11 * H);
    expect(zoneRules('Pacific/Chatham').offsetAt(Date.parse('2026-07-01T00:00:00Z'))).toBe(12.75 * H);
  });

  it('resolves ordinary wall times with the offset in force then', () => {
    const berlin = zoneRules('Europe/Berlin');
    expect(iso(berlin.resolve(local('2026-01-15T09:00:00')))).toBe('2026-01-15T08:00:00.000Z');
    expect(iso(berlin.resolve(local('2026-07-15T09:00:00')))).toBe('2026-07-15T07:00:00.000Z');
  });

  it('moves a wall time inside the spring-forward gap to the moment the clocks jump', () => {
    const berlin = zoneRules('Europe/Berlin');
    expect(iso(berlin.resolve(local('2026-03-29T02:00:00')))).toBe('2026-03-29T01:00:00.000Z');
    expect(iso(berlin.resolve(local('2026-03-29T02:30:00')))).toBe('2026-03-29T01:00:00.000Z');
    expect(iso(berlin.resolve(local('2026-03-29T03:00:00')))).toBe('2026-03-29T01:00:00.000Z');
    expect(iso(berlin.resolve(local('2026-03-29T03:01:00')))).toBe('2026-03-29T01:01:00.000Z');
    const lordHowe = zoneRules('Australia/Lord_Howe');
    expect(iso(lordHowe.resolve(local('2026-10-04T02:15:00')))).toBe('2026-10-03T15:30:00.000Z');
  });

  it('takes the earlier of two occurrences of a wall time repeated when the clocks go back', () => {
    const newYork = zoneRules('America/New_York');
    expect(iso(newYork.resolve(local('2026-11-01T01:30:00')))).toBe('2026-11-01T05:30:00.000Z');
    expect(iso(newYork.resolve(local('2026-11-01T02:00:00')))).toBe('2026-11-01T07:00:00.000Z');
    const lordHowe = zoneRules('Australia/Lord_Howe');
    expect(iso(lordHowe.resolve(local('2026-04-05T01:45:00')))).toBe('2026-04-04T14:45:00.000Z');
  });
});
