/** One input per attribute type of a CI class; values stay in the API's JSON shapes. */
import { NumberInput, Select, Textarea, TextInput } from '@mantine/core';
import type { AttributeDef, AttributeValue, CiRef } from '../../api/queries/cmdb.ts';
import { useCi } from '../../api/queries/cmdb.ts';
import { fromLocalInput, toLocalInput } from '../../lib/localDateTime.ts';
import { CiPicker } from './CiPicker.tsx';

type Props = {
  def: AttributeDef;
  value: AttributeValue | undefined;
  onChange: (v: AttributeValue) => void;
  error?: string | undefined;
  readOnly?: boolean;
};

const blankToNull = (s: string): string | null => (s.trim() === '' ? null : s);

function describe(def: AttributeDef): string | undefined {
  const parts: string[] = [];
  if (def.unique) parts.push('unique');
  if (def.min !== undefined && def.max !== undefined) parts.push(`${def.min}–${def.max}`);
  else if (def.min !== undefined) parts.push(`at least ${def.min}`);
  else if (def.max !== undefined) parts.push(`at most ${def.max}`);
  if (def.type === 'ip') parts.push('IPv4 or IPv6 address');
  if (def.type === 'url') parts.push('http:// or https:// address');
  return parts.length ? parts.join(' · ') : undefined;
}

function ReferenceInput({ def, value, onChange, error, readOnly }: Props) {
  const id = typeof value === 'string' && value ? value : undefined;
  const ci = useCi(id);
  const current: CiRef | null = ci.data ?? null;
  return (
    <CiPicker
      label={def.label}
      required={def.required}
      classKey={def.referenceClass}
      value={current}
      onChange={(c) => onChange(c?.id ?? null)}
      error={error}
      readOnly={readOnly}
      placeholder={id && ci.isPending ? 'Loading…' : 'Search configuration items'}
    />
  );
}

export function AttributeInput(props: Props) {
  const { def, value, onChange, error, readOnly } = props;
  const common = {
    label: def.label,
    required: def.required,
    error,
    readOnly,
    description: describe(def),
  };
  switch (def.type) {
    case 'text':
      return (
        <Textarea
          {...common}
          autosize
          minRows={2}
          maxRows={8}
          value={typeof value === 'string' ? value : ''}
          maxLength={def.maxLength}
          onChange={(e) => onChange(blankToNull(e.currentTarget.value))}
        />
      );
    case 'integer':
    case 'number':
      return (
        <NumberInput
          {...common}
          value={typeof value === 'number' ? value : typeof value === 'string' ? value : ''}
          allowDecimal={def.type === 'number'}
          min={def.min}
          max={def.max}
          onChange={(v) => onChange(v === '' ? null : typeof v === 'number' ? v : v)}
        />
      );
    case 'boolean':
      return (
        <Select
          {...common}
          data={[
            { value: 'true', label: 'Yes' },
            { value: 'false', label: 'No' },
          ]}
          placeholder="Not set"
          clearable
          value={value === true ? 'true' : value === false ? 'false' : null}
          onChange={(v) => onChange(v === null ? null : v === 'true')}
        />
      );
    case 'enum':
      return (
        <Select
          {...common}
          data={def.allowedValues ?? []}
          placeholder="Not set"
          clearable={!def.required}
          searchable={(def.allowedValues?.length ?? 0) > 8}
          value={typeof value === 'string' ? value : null}
          onChange={(v) => onChange(v)}
        />
      );
    case 'date':
      return (
        <TextInput
          {...common}
          type="date"
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(blankToNull(e.currentTarget.value))}
        />
      );
    case 'datetime':
      return (
        <TextInput
          {...common}
          type="datetime-local"
          value={typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? toLocalInput(value) : ''}
          onChange={(e) => onChange(fromLocalInput(e.currentTarget.value))}
        />
      );
    case 'reference':
      return <ReferenceInput {...props} />;
    default:
      return (
        <TextInput
          {...common}
          value={value === null || value === undefined ? '' : String(value)}
          maxLength={def.maxLength}
          onChange={(e) => onChange(blankToNull(e.currentTarget.value))}
        />
      );
  }
}
