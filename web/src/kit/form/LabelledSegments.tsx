/** A SegmentedControl with a visible label that names it for screen readers too. */
import { SegmentedControl, Stack, Text } from '@mantine/core';
import { useId } from 'react';

export function LabelledSegments<V extends string>({
  label,
  value,
  onChange,
  data,
}: {
  label: string;
  value: V;
  onChange: (value: V) => void;
  data: { value: V; label: string }[];
}) {
  const id = useId();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id={id}>
        {label}
      </Text>
      <SegmentedControl aria-labelledby={id} value={value} onChange={(v) => onChange(v as V)} data={data} />
    </Stack>
  );
}
