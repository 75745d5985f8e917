/** Wire shapes of SLA breach prediction (`/api/v1/predictions`, `/api/v1/records/:id/prediction`). */
import { z } from 'zod';
import { limitUpTo, NamedRef, Uuid } from './common.ts';

export const PredictionQuery = z.object({
  groupId: Uuid.optional().describe('Only records held by this group'),
  serviceId: Uuid.optional().describe('Only records against this service'),
  priority: z.coerce.number().int().min(1).max(5).optional(),
  minProbability: z.coerce
    .number()
    .min(0)
    .max(1)
    .default(0.5)
    .describe('Only records at least this likely to breach (0 lists every scored record)'),
  limit: limitUpTo(500, 100),
});
export type PredictionQuery = z.infer<typeof PredictionQuery>;

export const PredictionFactor = z.object({
  feature: z.string(),
  label: z.string(),
  /** The clock's value, in words: "80% used", "2 h 10 min", "7 open". */
  shown: z.string(),
  /** The feature's term of the log-odds: positive pushes towards a breach. */
  contribution: z.number(),
});

export const ClockPrediction = z.object({
  clockId: z.string(),
  kind: z.string(),
  metric: z.string(),
  dueAt: z.string(),
  workingSecondsLeft: z.number().int(),
  probability: z.number(),
  factors: z.array(PredictionFactor),
});

export type ClockPrediction = z.infer<typeof ClockPrediction>;

export const PredictionItem = z.object({
  recordId: z.string(),
  number: z.string(),
  title: z.string(),
  type: z.string(),
  priority: z.number().int(),
  group: NamedRef.nullable(),
  assignee: NamedRef.nullable(),
  service: NamedRef.nullable(),
  /** The record's clock most likely to breach. */
  clock: ClockPrediction,
});

const ModelRef = z.object({ id: z.string(), trainedAt: z.string() }).nullable();

export const PredictionList = z.object({
  model: ModelRef.describe('The model that scored; null until one has been trained'),
  threshold: z.number(),
  items: z.array(PredictionItem),
});

export const RecordPrediction = z.object({
  recordId: z.string(),
  number: z.string(),
  model: ModelRef,
  /** The highest probability among the record's running clocks; null when none is scored. */
  probability: z.number().nullable(),
  /** Running clocks already past their due instant: breached, nothing left to predict. */
  overdueClocks: z.number().int(),
  clocks: z.array(ClockPrediction),
});

export const ModelQuality = z.object({
  model: ModelRef,
  trainingSize: z.number().int(),
  heldOut: z
    .object({
      sampleSize: z.number().int(),
      baseRate: z.number(),
      brier: z.number(),
      baselineBrier: z.number(),
      calibrationError: z.number(),
      threshold: z.number(),
      precision: z.number().nullable(),
      recall: z.number().nullable(),
      flagged: z.number().int(),
      bins: z.array(
        z.object({
          from: z.number(),
          to: z.number(),
          count: z.number().int(),
          predicted: z.number(),
          observed: z.number(),
        }),
      ),
    })
    .nullable(),
  weights: z.array(z.object({ feature: z.string(), label: z.string(), weight: z.number() })),
});
