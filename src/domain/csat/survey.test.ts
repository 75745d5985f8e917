import { describe, expect, it } from 'vitest';
import { asksForScore, expiryOf, isLowScore, meanScore, surveyStatus, withdrawsSurvey } from './survey.ts';

describe('csat survey rules', () => {
  it('asks when an incident or request enters a resolved state', () => {
    expect(asksForScore('incident', 'open', 'resolved')).toBe(true);
    expect(asksForScore('request', 'paused', 'resolved')).toBe(true);
    expect(asksForScore('incident', undefined, 'resolved')).toBe(true);
  });

  it('does not ask for other types, other targets or a move between resolved states', () => {
    expect(asksForScore('problem', 'open', 'resolved')).toBe(false);
    expect(asksForScore('change', 'open', 'resolved')).toBe(false);
    expect(asksForScore('incident', 'open', 'closed')).toBe(false);
    expect(asksForScore('incident', 'resolved', 'resolved')).toBe(false);
    expect(asksForScore('incident', 'resolved', 'closed')).toBe(false);
  });

  it('withdraws the unanswered survey on a reopen only', () => {
    expect(withdrawsSurvey('resolved', 'open')).toBe(true);
    expect(withdrawsSurvey('resolved', 'paused')).toBe(true);
    expect(withdrawsSurvey('resolved', 'closed')).toBe(false);
    expect(withdrawsSurvey('open', 'open')).toBe(false);
  });

  it('tells pending, answered and expired apart at an instant', () => {
    const sent = new Date('2026-03-01T10:00:00Z');
    const expiresAt = expiryOf(sent, 14);
    expect(expiresAt.toISOString()).toBe('2026-03-15T10:00:00.000Z');
    expect(surveyStatus({ answeredAt: null, expiresAt }, new Date('2026-03-15T09:59:59Z'))).toBe('pending');
    expect(surveyStatus({ answeredAt: null, expiresAt }, expiresAt)).toBe('expired');
    expect(surveyStatus({ answeredAt: sent, expiresAt }, new Date('2027-01-01T00:00:00Z'))).toBe('answered');
  });

  it('finds low scores against the threshold', () => {
    expect([1, 2, 3, 4, 5].filter((s) => isLowScore(s, 2))).toEqual([1, 2]);
    expect([1, 2, 3, 4, 5].filter((s) => isLowScore(s, 3))).toEqual([1, 2, 3]);
  });

  it('means the scores, null for none', () => {
    expect(meanScore([])).toBeNull();
    expect(meanScore([5, 4, 1, 2])).toBe(3);
  });
});
