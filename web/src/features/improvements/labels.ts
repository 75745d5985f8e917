/** Words for continual improvement's keys. */
import type { MantineColor } from '@mantine/core';
import { IMPROVEMENT_SOURCES, type ImprovementSource } from '../../../../src/contracts/improvements.ts';
import { optionsOf } from '../../lib/labels.ts';

export const SOURCE_LABELS: Record<ImprovementSource, string> = {
  kpi: 'A KPI off target',
  service_review: 'A service review',
  problem: 'A problem',
  pir: 'A post-implementation review',
  person: 'A person’s idea',
};

export const SOURCE_OPTIONS = optionsOf(IMPROVEMENT_SOURCES, SOURCE_LABELS);

export const VERDICT_LABELS: Record<string, string> = {
  improved: 'Improved',
  worsened: 'Worsened',
  unchanged: 'Unchanged',
};

export const VERDICT_COLORS: Record<string, MantineColor> = {
  improved: 'teal',
  worsened: 'red',
  unchanged: 'gray',
};

/** "lower is better" / "higher is better": the KPI's good direction in words. */
export const goodDirection = (goodWhen: 'up' | 'down') =>
  goodWhen === 'up' ? 'higher is better' : 'lower is better';
