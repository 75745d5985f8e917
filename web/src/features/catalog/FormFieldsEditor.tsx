/** Edit a catalog item's form: fields in order, each with its type's settings and an optional condition. */
import {
  Button,
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { FIELD_TYPES, type FieldType, type FormField } from '../../../../src/domain/requests/form.ts';
import { TrashButton } from '../../kit/detail/RemoveButton.tsx';
import { ItemsEditor } from '../../kit/form/ItemFieldset.tsx';
import { patchAt, removeAt } from '../../kit/form/listEdits.ts';
import { keyFromLabel } from '../../lib/keyFromLabel.ts';
import { optionsOf } from '../../lib/labels.ts';

export const FIELD_TYPE_LABELS: Record<FieldType, string> = {
  text: 'Short text',
  textarea: 'Long text',
  number: 'Number',
  date: 'Date',
  choice: 'Choice (one)',
  multi_choice: 'Choice (several)',
  user: 'Person',
  ci: 'Configuration item',
};

type Err = (path: string) => string | undefined;

/** What each part of one field's editor gets: the field, its place, its change and its errors. */
type FieldPartProps = { field: FormField; index: number; onChange: (f: FormField) => void; err: Err };

const isChoice = (t: FieldType) => t === 'choice' || t === 'multi_choice';

/** Keep only the settings that belong to the field's type. */
export function cleanField(f: FormField): FormField {
  const out: FormField = { key: f.key.trim(), label: f.label.trim(), type: f.type };
  if (f.help?.trim()) out.help = f.help.trim();
  if (f.required) out.required = true;
  if (f.visibleIf?.field) {
    const { field, equals, in: among } = f.visibleIf;
    out.visibleIf = among && among.length > 0 ? { field, in: among } : { field, equals: equals ?? '' };
  }
  if ((f.type === 'text' || f.type === 'textarea') && f.maxLength) out.maxLength = f.maxLength;
  if (f.type === 'text' && f.pattern?.trim()) out.pattern = f.pattern.trim();
  if (f.type === 'number' || f.type === 'date') {
    if (f.min !== undefined && f.min !== '') out.min = f.min;
    if (f.max !== undefined && f.max !== '') out.max = f.max;
  }
  if (isChoice(f.type))
    out.options = (f.options ?? []).map((o) => ({ value: o.value.trim(), label: o.label.trim() }));
  if (f.type === 'ci' && f.classKey?.trim()) out.classKey = f.classKey.trim();
  return out;
}

function OptionsEditor({ field, index, onChange, err }: FieldPartProps) {
  const options = field.options ?? [];
  const set = (next: { value: string; label: string }[]) => onChange({ ...field, options: next });
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        Options
      </Text>
      {options.map((o, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: options are edited in place; their position is their identity
        <Group key={i} gap="xs" align="flex-end" wrap="nowrap">
          <TextInput
            label={`Option ${i + 1} label`}
            value={o.label}
            onChange={(e) => {
              const label = e.currentTarget.value;
              const auto = o.value === slug(o.label);
              set(options.map((x, j) => (j === i ? { label, value: auto ? slug(label) : x.value } : x)));
            }}
            style={{ flex: 2 }}
          />
          <TextInput
            label={`Option ${i + 1} value`}
            value={o.value}
            onChange={(e) => {
              const value = e.currentTarget.value;
              set(patchAt(options, i, { value }));
            }}
            style={{ flex: 1 }}
          />
          <TrashButton
            color="red.9"
            size="lg"
            label={`Remove option ${i + 1}`}
            onClick={() => set(removeAt(options, i))}
          />
        </Group>
      ))}
      {err(`form.${index}.options`) && (
        <Text size="sm" c="red.9" role="alert">
          {err(`form.${index}.options`)}
        </Text>
      )}
      <Button
        variant="subtle"
        size="xs"
        leftSection={<IconPlus size={14} />}
        onClick={() => set([...options, { value: '', label: '' }])}
        w="fit-content"
      >
        Add option
      </Button>
    </Stack>
  );
}

/** A field key or option value from a label: "Pro 16 inch" → "pro_16_inch", "2nd line" → "f_2nd_line". */
const slug = (label: string) => keyFromLabel(label, 'f_');

function ConditionEditor({
  field,
  earlier,
  index,
  onChange,
  err,
}: FieldPartProps & { earlier: FormField[] }) {
  const cond = field.visibleIf;
  const controller = earlier.find((f) => f.key === cond?.field);
  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <Select
        label="Show only when"
        placeholder="Always shown"
        data={earlier.filter((f) => f.key).map((f) => ({ value: f.key, label: f.label || f.key }))}
        value={cond?.field ?? null}
        onChange={(v) => onChange({ ...field, visibleIf: v ? { field: v, in: [] } : undefined })}
        clearable
        error={err(`form.${index}.visibleIf.field`)}
        w={220}
      />
      {cond &&
        (controller?.options ? (
          <MultiSelect
            label="is one of"
            data={controller.options
              .filter((o) => o.value)
              .map((o) => ({ value: o.value, label: o.label || o.value }))}
            value={(cond.in ?? []).map(String)}
            onChange={(v) => onChange({ ...field, visibleIf: { field: cond.field, in: v } })}
            error={err(`form.${index}.visibleIf`)}
            w={280}
          />
        ) : (
          <TextInput
            label="equals"
            value={String(cond.equals ?? '')}
            onChange={(e) =>
              onChange({ ...field, visibleIf: { field: cond.field, equals: e.currentTarget.value } })
            }
            error={err(`form.${index}.visibleIf`)}
            w={200}
          />
        ))}
    </Group>
  );
}

function TypeSettings({ field, index, onChange, err }: FieldPartProps) {
  const num = (v: string | number) => (typeof v === 'number' ? v : undefined);
  switch (field.type) {
    case 'text':
    case 'textarea':
      return (
        <Group gap="xs" align="flex-end" wrap="wrap">
          <NumberInput
            label="Maximum length"
            min={1}
            max={20000}
            value={field.maxLength ?? ''}
            onChange={(v) => onChange({ ...field, maxLength: num(v) })}
            error={err(`form.${index}.maxLength`)}
            w={160}
          />
          {field.type === 'text' && (
            <TextInput
              label="Pattern (regular expression)"
              description="The whole answer must match, e.g. CC-\d{4}"
              value={field.pattern ?? ''}
              onChange={(e) => onChange({ ...field, pattern: e.currentTarget.value })}
              error={err(`form.${index}.pattern`)}
              w={280}
            />
          )}
        </Group>
      );
    case 'number':
      return (
        <Group gap="xs">
          <NumberInput
            label="Minimum"
            value={typeof field.min === 'number' ? field.min : ''}
            onChange={(v) => onChange({ ...field, min: num(v) })}
            error={err(`form.${index}.min`)}
            w={140}
          />
          <NumberInput
            label="Maximum"
            value={typeof field.max === 'number' ? field.max : ''}
            onChange={(v) => onChange({ ...field, max: num(v) })}
            error={err(`form.${index}.max`)}
            w={140}
          />
        </Group>
      );
    case 'date':
      return (
        <Group gap="xs">
          <TextInput
            type="date"
            label="Earliest"
            value={typeof field.min === 'string' ? field.min : ''}
            onChange={(e) => onChange({ ...field, min: e.currentTarget.value || undefined })}
            error={err(`form.${index}.min`)}
            w={180}
          />
          <TextInput
            type="date"
            label="Latest"
            value={typeof field.max === 'string' ? field.max : ''}
            onChange={(e) => onChange({ ...field, max: e.currentTarget.value || undefined })}
            error={err(`form.${index}.max`)}
            w={180}
          />
        </Group>
      );
    case 'choice':
    case 'multi_choice':
      return <OptionsEditor field={field} index={index} onChange={onChange} err={err} />;
    case 'ci':
      return (
        <TextInput
          label="Only CIs of class"
          description="A CI class key such as server or application; empty for any"
          value={field.classKey ?? ''}
          onChange={(e) => onChange({ ...field, classKey: e.currentTarget.value })}
          error={err(`form.${index}.classKey`)}
          w={280}
        />
      );
    case 'user':
      return null;
  }
}

export function FormFieldsEditor({
  fields,
  onChange,
  err,
}: {
  fields: FormField[];
  onChange: (f: FormField[]) => void;
  err: Err;
}) {
  return (
    <Stack gap="sm">
      {fields.length === 0 && (
        <Text size="sm" c="dimmed">
          No fields: the item is ordered without questions.
        </Text>
      )}
      <ItemsEditor
        items={fields}
        onChange={onChange}
        name="field"
        title={(f, i) => `Field ${i + 1}${f.label ? `: ${f.label}` : ''}`}
        movable
        max={50}
        newItem={(): FormField => ({ key: '', label: '', type: 'text' })}
        addLabel="Add field"
      >
        {(f, i, update) => (
          <>
            <Group gap="xs" align="flex-start" wrap="wrap">
              <TextInput
                label="Label"
                required
                value={f.label}
                onChange={(e) => {
                  const label = e.currentTarget.value;
                  const auto = f.key === slug(f.label);
                  update({ ...f, label, key: auto ? slug(label) : f.key });
                }}
                error={err(`form.${i}.label`)}
                style={{ flex: '2 1 220px' }}
              />
              <TextInput
                label="Key"
                description="Lower-case letters, digits and _"
                required
                value={f.key}
                onChange={(e) => update({ ...f, key: e.currentTarget.value })}
                error={err(`form.${i}.key`)}
                style={{ flex: '1 1 160px' }}
              />
              <Select
                label="Type"
                data={optionsOf(FIELD_TYPES, FIELD_TYPE_LABELS)}
                value={f.type}
                onChange={(v) =>
                  v &&
                  update({
                    ...f,
                    type: v as FieldType,
                    options: isChoice(v as FieldType) ? (f.options ?? []) : undefined,
                  })
                }
                allowDeselect={false}
                style={{ flex: '1 1 170px' }}
              />
            </Group>
            <Group gap="md" align="flex-end" wrap="wrap">
              <TextInput
                label="Help text"
                value={f.help ?? ''}
                onChange={(e) => update({ ...f, help: e.currentTarget.value })}
                style={{ flex: '1 1 300px' }}
              />
              <Checkbox
                label="Required"
                checked={!!f.required}
                onChange={(e) => update({ ...f, required: e.currentTarget.checked })}
                mb={8}
              />
            </Group>
            <TypeSettings field={f} index={i} onChange={update} err={err} />
            {i > 0 && (
              <ConditionEditor field={f} earlier={fields.slice(0, i)} index={i} onChange={update} err={err} />
            )}
          </>
        )}
      </ItemsEditor>
    </Stack>
  );
}
