/** Which process a per-process page shows, as a segmented control: choosing another opens its page. */
import { SegmentedControl } from '@mantine/core';
import { useNavigate } from 'react-router-dom';
import { PROCESS_KEYS, PROCESS_LABELS, type ProcessKey } from '../../api/queries/process.ts';
import { optionsOf } from '../../lib/labels.ts';

export function ProcessSwitch({ value, pathOf }: { value: ProcessKey; pathOf: (p: ProcessKey) => string }) {
  const navigate = useNavigate();
  return (
    <SegmentedControl
      aria-label="Process"
      data={optionsOf(PROCESS_KEYS, PROCESS_LABELS)}
      value={value}
      onChange={(p) => navigate(pathOf(p as ProcessKey))}
    />
  );
}
