/**
 * The rules of customer-satisfaction surveys, without I/O: which state changes ask the requester,
 * a survey's status at an instant, when it expires, which scores are low, and the mean score.
 */

import { addDays } from '../../shared/time.ts';
import type { StateCategory } from '../lifecycle/engine.ts';

/** The record types whose resolution asks the requester for a score. */
export const SURVEYED_TYPES: readonly string[] = ['incident', 'request'];

export const DEFAULT_LOW_SCORE_THRESHOLD = 2;
export const DEFAULT_EXPIRY_DAYS = 14;

/** A resolution asks for a score: an incident or request entering a resolved state from one that is not. */
export function asksForScore(
  type: string,
  from: StateCategory | undefined,
  to: StateCategory | undefined,
): boolean {
  return SURVEYED_TYPES.includes(type) && to === 'resolved' && from !== 'resolved';
}

/** Leaving the resolved states for an open or paused one withdraws the unanswered survey. */
export function withdrawsSurvey(from: StateCategory | undefined, to: StateCategory | undefined): boolean {
  return from === 'resolved' && (to === 'open' || to === 'paused');
}

export type SurveyFacts = { answeredAt: Date | null; expiresAt: Date };
export type SurveyStatus = 'pending' | 'answered' | 'expired';

export function surveyStatus(s: SurveyFacts, now: Date): SurveyStatus {
  if (s.answeredAt) return 'answered';
  return s.expiresAt.getTime() > now.getTime() ? 'pending' : 'expired';
}

export function expiryOf(at: Date, days: number): Date {
  return addDays(at, days);
}

/** A score at or below the threshold tells the team lead. */
export function isLowScore(score: number, threshold: number): boolean {
  return score <= threshold;
}

/** The mean of the scores given, or null when none was. */
export function meanScore(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  return scores.reduce((a, b) => a + b, 0) / scores.length;
}
