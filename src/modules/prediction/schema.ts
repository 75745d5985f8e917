/**
 * Breach prediction's tables: the fitted models (the newest one scores; a few older ones are kept
 * to compare) with how well each did on held-out history, and the current score of every
 * running clock, refreshed by a job so the dashboard's KPI can count them in SQL.
 */
import { index, integer, jsonb, pgTable, real, timestamp } from 'drizzle-orm/pg-core';
import { extensionKeyColumn, idColumn, parentColumn } from '../../db/columns.ts';
import type { Model, Quality } from '../../domain/prediction/model.ts';
import type { ServiceRates } from '../../domain/prediction/training.ts';
import { records } from '../records/schema.ts';
import { slaClocks } from '../sla/clock-schema.ts';

export const predictionModels = pgTable(
  'prediction_models',
  {
    id: idColumn(),
    trainedAt: timestamp('trained_at', { withTimezone: true }).notNull(),
    /** Finished clocks the model was fitted on. */
    trainingSize: integer('training_size').notNull(),
    /** The coefficients, the features' means and spreads. */
    model: jsonb('model').$type<Model>().notNull(),
    /** Past breach rates per service, the service feature of a clock scored now. */
    serviceRates: jsonb('service_rates').$type<ServiceRates>().notNull(),
    /** Calibration, Brier score, precision and recall on held-out records. */
    quality: jsonb('quality').$type<Quality>().notNull(),
  },
  (t) => [index('prediction_models_trained_idx').on(t.trainedAt)],
);

export const predictionScores = pgTable(
  'prediction_scores',
  {
    clockId: extensionKeyColumn('clock_id', () => slaClocks.id),
    recordId: parentColumn('record_id', () => records.id),
    probability: real('probability').notNull(),
    scoredAt: timestamp('scored_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('prediction_scores_record_idx').on(t.recordId)],
);
