/**
 * Picks the service a record is about. New records take live services only (retired and
 * pipeline services take no new records); a record already on another service keeps showing it.
 */
import { Select } from '@mantine/core';
import { useServiceList } from '../../api/queries/serviceLevels.ts';

export function ServiceSelect({
  value,
  onChange,
  readOnly,
  error,
  label = 'Service',
}: {
  value: string | null;
  onChange: (id: string | null) => void;
  readOnly?: boolean;
  error?: string;
  label?: string;
}) {
  const live = useServiceList({ lifecycleStatus: ['live'] });
  const services = live.data?.pages.flatMap((p) => p.items) ?? [];
  const data = services.map((s) => ({ value: s.id, label: s.name }));
  if (value && !data.some((d) => d.value === value)) data.push({ value, label: 'Not a live service' });
  return (
    <Select
      label={label}
      placeholder={live.isLoading ? 'Loading services…' : 'No service'}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      clearable={!readOnly}
      readOnly={readOnly}
      nothingFoundMessage="No live service matches"
      error={error}
    />
  );
}
