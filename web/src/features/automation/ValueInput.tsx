/** The input for a rule value, shaped by the field: levels, states, channels, groups, people or text. */
import { Select, TagsInput, TextInput } from '@mantine/core';
import { useUser } from '../../api/queries/directory.ts';
import { useIncidentOptions } from '../../api/queries/incidents.ts';
import {
  type ProcessKey,
  type RuleField,
  type Scalar,
  useProcessLifecycle,
} from '../../api/queries/process.ts';
import { GroupSelect, UserPicker } from '../../components/Pickers.tsx';
import { lifecycleStateOptions } from '../../kit/list/records.tsx';
import { CHANNEL_LABELS, LEVEL_OPTIONS, PRIORITY_OPTIONS } from '../../lib/labels.ts';

/** A person chosen by id, showing their name. */
export function UserIdPicker({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: string | null;
  onChange: (id: string | null) => void;
  error?: string;
}) {
  const u = useUser(value ?? undefined);
  const person = value && u.data ? { id: u.data.id, name: u.data.name, email: u.data.email } : null;
  return <UserPicker label={label} value={person} onChange={(p) => onChange(p?.id ?? null)} error={error} />;
}

export function ValueInput({
  process,
  field,
  label,
  value,
  onChange,
  error,
}: {
  process: ProcessKey;
  field: RuleField;
  label: string;
  value: Scalar | null | undefined;
  onChange: (v: Scalar | null) => void;
  error?: string;
}) {
  const lifecycle = useProcessLifecycle(process);
  const options = useIncidentOptions();
  const str = value === null || value === undefined ? null : String(value);
  switch (field) {
    case 'impact':
    case 'urgency':
    case 'priority':
      return (
        <Select
          label={label}
          data={field === 'priority' ? PRIORITY_OPTIONS : LEVEL_OPTIONS}
          value={str}
          onChange={(v) => onChange(v === null ? null : Number(v))}
          error={error}
        />
      );
    case 'state':
      return (
        <Select
          label={label}
          data={lifecycleStateOptions(lifecycle.data)}
          value={str}
          onChange={onChange}
          error={error}
        />
      );
    case 'channel':
      return (
        <Select
          label={label}
          data={(options.data?.channels ?? Object.keys(CHANNEL_LABELS)).map((c) => ({
            value: c,
            label: CHANNEL_LABELS[c] ?? c,
          }))}
          value={str}
          onChange={onChange}
          error={error}
        />
      );
    case 'groupId':
      return <GroupSelect label={label} value={str} onChange={onChange} error={error} />;
    case 'assigneeId':
    case 'requesterId':
      return <UserIdPicker label={label} value={str} onChange={onChange} error={error} />;
    default:
      return (
        <TextInput
          label={label}
          value={str ?? ''}
          maxLength={200}
          onChange={(e) => onChange(e.currentTarget.value)}
          error={error}
        />
      );
  }
}

/** Several values for "is one of". */
export function ValueListInput({
  field,
  label,
  value,
  onChange,
  error,
}: {
  field: RuleField;
  label: string;
  value: Scalar[];
  onChange: (v: Scalar[]) => void;
  error?: string;
}) {
  const numeric = field === 'impact' || field === 'urgency' || field === 'priority';
  return (
    <TagsInput
      label={label}
      description={numeric ? 'Numbers; press Enter after each' : 'Press Enter after each'}
      value={value.map(String)}
      onChange={(v) => onChange(numeric ? v.map((x) => (Number.isFinite(Number(x)) ? Number(x) : x)) : v)}
      error={error}
    />
  );
}
