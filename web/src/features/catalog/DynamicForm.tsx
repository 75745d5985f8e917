/** A catalog item's order form, rendered from its definition: one input per visible field. */
import {
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  Radio,
  Select,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormField } from '../../../../src/domain/requests/form.ts';
import { ApiError, api } from '../../api/client.ts';
import type { Page, PersonRef } from '../../api/types.ts';
import { useCan, useMe } from '../../auth/session.tsx';
import { UserPicker } from '../../components/Pickers.tsx';
import { useServerSearch } from '../../kit/form/useServerSearch.ts';
import type { Draft } from './formAnswers.ts';

type FieldProps = {
  field: FormField;
  value: unknown;
  onChange: (v: unknown) => void;
  error: string | undefined;
};

const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

function ChoiceInput({ field, value, onChange, error }: FieldProps) {
  const options = (field.options ?? []).map((o) => ({ value: o.value, label: o.label }));
  const common = { label: field.label, description: field.help, required: field.required, error };
  if (field.type === 'multi_choice') {
    if (options.length > 8)
      return <MultiSelect {...common} data={options} value={list(value)} onChange={onChange} clearable />;
    return (
      <Checkbox.Group {...common} value={list(value)} onChange={onChange}>
        <Group gap="md" mt={6}>
          {options.map((o) => (
            <Checkbox key={o.value} value={o.value} label={o.label} />
          ))}
        </Group>
      </Checkbox.Group>
    );
  }
  if (options.length > 6)
    return <Select {...common} data={options} value={str(value) || null} onChange={onChange} clearable />;
  return (
    <Radio.Group {...common} value={str(value)} onChange={onChange}>
      <Stack gap={6} mt={6}>
        {options.map((o) => (
          <Radio key={o.value} value={o.value} label={o.label} />
        ))}
      </Stack>
    </Radio.Group>
  );
}

/** People: searched in the directory when the viewer may read it, otherwise "myself". */
function UserInput({ field, value, onChange, error }: FieldProps) {
  const me = useMe();
  const [picked, setPicked] = useState<PersonRef | null>(null);
  const directory = useCan('user.read');
  const id = str(value);
  const common = { label: field.label, required: field.required, error };
  if (directory)
    return (
      <UserPicker
        {...common}
        description={field.help}
        placeholder="Search by name or email"
        value={
          picked?.id === id ? picked : id === me.id ? { id: me.id, name: me.name, email: me.email } : null
        }
        onChange={(p) => {
          setPicked(p);
          onChange(p?.id ?? '');
        }}
      />
    );
  return (
    <Select
      {...common}
      description={field.help ?? 'To name someone else, mention them in a comment after ordering.'}
      data={[{ value: me.id, label: `${me.name} (me)` }]}
      value={id || null}
      onChange={(v) => onChange(v ?? '')}
      clearable
    />
  );
}

type CiOption = { id: string; name: string; classKey?: string };

/** Configuration items: searched in the CMDB when the viewer may read it, otherwise by id. */
function CiInput({ field, value, onChange, error }: FieldProps) {
  const id = str(value);
  const [known, setKnown] = useState<Map<string, string>>(new Map());
  const { query, searchProps } = useServerSearch([known.get(id)]);
  const cmdb = useCan('cmdb.read');
  const found = useQuery({
    queryKey: ['cmdb', 'cis', 'pick', field.classKey ?? '', query ?? ''],
    queryFn: ({ signal }) =>
      api.get<Page<CiOption>>('/cmdb/cis', { q: query, class: field.classKey, limit: 20 }, signal),
    retry: false,
    placeholderData: (prev) => prev,
    enabled: cmdb,
  });
  const common = { label: field.label, required: field.required, error };
  if (!cmdb || (found.error instanceof ApiError && found.error.status === 403))
    return (
      <TextInput
        {...common}
        description={field.help ?? 'The id of the configuration item (the service desk can tell you).'}
        value={id}
        onChange={(e) => onChange(e.currentTarget.value)}
      />
    );
  const options = new Map(known);
  for (const c of found.data?.items ?? []) options.set(c.id, c.name);
  return (
    <Select
      {...common}
      description={field.help}
      placeholder="Search configuration items"
      searchable
      clearable
      data={[...options].map(([v, label]) => ({ value: v, label }))}
      value={id || null}
      {...searchProps(found.isFetching, 'Nothing found')}
      onChange={(v) => {
        if (v) setKnown(new Map(known).set(v, options.get(v) ?? v));
        onChange(v ?? '');
      }}
    />
  );
}

function FieldInput(props: FieldProps) {
  const { field, value, onChange, error } = props;
  const common = { label: field.label, description: field.help, required: field.required, error };
  switch (field.type) {
    case 'text':
      return (
        <TextInput
          {...common}
          maxLength={field.maxLength}
          value={str(value)}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'textarea':
      return (
        <Textarea
          {...common}
          autosize
          minRows={3}
          maxLength={field.maxLength}
          value={str(value)}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'number':
      return (
        <NumberInput
          {...common}
          min={typeof field.min === 'number' ? field.min : undefined}
          max={typeof field.max === 'number' ? field.max : undefined}
          value={typeof value === 'number' || typeof value === 'string' ? value : ''}
          onChange={onChange}
          maw={240}
        />
      );
    case 'date':
      return (
        <TextInput
          {...common}
          type="date"
          min={typeof field.min === 'string' ? field.min : undefined}
          max={typeof field.max === 'string' ? field.max : undefined}
          value={str(value)}
          onChange={(e) => onChange(e.currentTarget.value)}
          maw={240}
        />
      );
    case 'choice':
    case 'multi_choice':
      return <ChoiceInput {...props} />;
    case 'user':
      return <UserInput {...props} />;
    case 'ci':
      return <CiInput {...props} />;
  }
}

export function DynamicForm({
  fields,
  shown,
  draft,
  errors,
  onChange,
}: {
  fields: readonly FormField[];
  /** Keys of the fields whose conditions hold. */
  shown: Set<string>;
  draft: Draft;
  errors: Record<string, string>;
  onChange: (key: string, value: unknown) => void;
}) {
  return (
    <Stack gap="md">
      {fields
        .filter((f) => shown.has(f.key))
        .map((f) => (
          <FieldInput
            key={f.key}
            field={f}
            value={draft[f.key]}
            onChange={(v) => onChange(f.key, v)}
            error={errors[f.key]}
          />
        ))}
    </Stack>
  );
}
