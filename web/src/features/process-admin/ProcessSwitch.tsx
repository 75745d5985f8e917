/**
 * Which process a per-process page shows, as a segmented control (on a narrow screen, where its
 * six choices do not fit in a row, a select): choosing another opens its page.
 */
import { NativeSelect, SegmentedControl, useMatches } from '@mantine/core';
import { useNavigate } from 'react-router-dom';
import { PROCESS_KEYS, PROCESS_LABELS, type ProcessKey } from '../../api/queries/process.ts';
import { optionsOf } from '../../lib/labels.ts';

export function ProcessSwitch({ value, pathOf }: { value: ProcessKey; pathOf: (p: ProcessKey) => string }) {
  const navigate = useNavigate();
  // Below the theme's md breakpoint the six choices do not fit in a row beside the navigation.
  const narrow = useMatches({ base: true, md: false });
  const data = optionsOf(PROCESS_KEYS, PROCESS_LABELS);
  const open = (p: string) => navigate(pathOf(p as ProcessKey));
  return narrow ? (
    <NativeSelect
      aria-label="Process"
      data={data}
      value={value}
      onChange={(e) => open(e.currentTarget.value)}
    />
  ) : (
    <SegmentedControl aria-label="Process" data={data} value={value} onChange={open} />
  );
}
