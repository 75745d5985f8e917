/**
 * Customer-satisfaction surveys: the one question, the answer (a score of 1–5 and an optional
 * comment), a survey as the requester and the agents see it, and the module's settings.
 */
import { z } from 'zod';
import { RecordRef } from './common.ts';

export const CSAT_QUESTION = 'How satisfied are you with how this was handled?';

/** The words beside each score, lowest first. */
export const CSAT_SCORE_LABELS = [
  'Very dissatisfied',
  'Dissatisfied',
  'Neither satisfied nor dissatisfied',
  'Satisfied',
  'Very satisfied',
] as const;

export const CsatAnswerInput = z.strictObject({
  score: z.number().int().min(1).max(5),
  comment: z.string().trim().max(2000).optional(),
});
export type CsatAnswerInput = z.infer<typeof CsatAnswerInput>;

export const CsatStatus = z.enum(['pending', 'answered', 'expired']);
export type CsatStatus = z.infer<typeof CsatStatus>;

/** A survey on a record, as the people who may read the record see it. */
export const CsatSurveyView = z.object({
  id: z.string(),
  status: CsatStatus,
  question: z.string(),
  resolvedAt: z.iso.datetime(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  score: z.number().int().nullable(),
  comment: z.string().nullable(),
  answeredAt: z.iso.datetime().nullable(),
  answeredVia: z.enum(['link', 'portal']).nullable(),
  /** Whether the caller may answer it (the requester, while it is pending). */
  canAnswer: z.boolean(),
  record: RecordRef,
});
export type CsatSurveyView = z.infer<typeof CsatSurveyView>;

/** What the survey link shows without signing in: no more than the record's number and title. */
export const PublicSurveyView = z.object({
  status: CsatStatus,
  question: z.string(),
  record: RecordRef.pick({ number: true, title: true }),
  expiresAt: z.iso.datetime(),
  score: z.number().int().nullable(),
});
export type PublicSurveyView = z.infer<typeof PublicSurveyView>;

export const SurveyTokenParam = z.object({ token: z.string().min(20).max(100) });

export const CsatSettings = z.strictObject({
  /** Scores at or below this tell the group's team lead (1–4). */
  lowScoreThreshold: z.number().int().min(1).max(4),
  /** Days a survey takes answers. */
  expiryDays: z.number().int().min(1).max(90),
});
export type CsatSettings = z.infer<typeof CsatSettings>;
export const CsatSettingsView = CsatSettings.extend({ version: z.number().int() });
