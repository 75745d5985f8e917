/**
 * The CI class model (administrators): the hierarchy as a tree, and an editor for a class's own
 * attribute definitions (type, required, unique, allowed values, bounds) with inherited ones shown.
 * The server refuses a change that would break existing CIs and says which.
 */
import {
  Badge,
  Button,
  Checkbox,
  Grid,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  Stack,
  Table,
  TagsInput,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { type ChangeEvent, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import {
  ATTRIBUTE_TYPES,
  type AttributeDef,
  type AttributeType,
  type CiClass,
  type ClassInput,
  useCiClasses,
  useDeleteClass,
  useSaveClass,
} from '../../api/queries/cmdb.ts';
import { useMe } from '../../auth/session.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ErrorAlert, ErrorState, Forbidden, PageLoader } from '../../components/States.tsx';
import { TrashButton } from '../../kit/detail/RemoveButton.tsx';
import { removeAt, replaceAt } from '../../kit/form/listEdits.ts';
import { ProblemAlert } from '../../kit/form/ProblemAlert.tsx';
import { numberOrNull } from '../../kit/form/patch.ts';
import { SubmitForm } from '../../kit/form/SubmitForm.tsx';
import { DataTable } from '../../kit/list/DataTable.tsx';
import { NewButton } from '../../kit/nav/NewButton.tsx';
import { cmdbAreas } from '../../lib/faces.ts';
import { classOptions } from './CiListPage.tsx';

const KEY = /^[a-z][a-z0-9_]{0,62}$/;
const NUMERIC: AttributeType[] = ['integer', 'number'];
const LENGTHED: AttributeType[] = ['string', 'text', 'url'];

function ClassTree({
  classes,
  selected,
  onSelect,
}: {
  classes: CiClass[];
  selected: string | null;
  onSelect: (key: string) => void;
}) {
  const children = (parent: string | null) =>
    classes.filter((c) => c.parent === parent).sort((a, b) => a.label.localeCompare(b.label));
  const render = (parent: string | null, depth: number) => (
    <ul
      aria-label={depth === 0 ? 'Class hierarchy' : undefined}
      style={{ listStyle: 'none', margin: 0, paddingLeft: depth ? 16 : 0 }}
    >
      {children(parent).map((c) => (
        <li key={c.key}>
          <UnstyledButton
            onClick={() => onSelect(c.key)}
            aria-current={selected === c.key ? 'true' : undefined}
            px="xs"
            py={4}
            w="100%"
            style={{
              borderRadius: 6,
              background: selected === c.key ? 'var(--mantine-color-blue-light)' : undefined,
            }}
          >
            <Group gap={6}>
              <Text size="sm" fw={selected === c.key ? 700 : 500}>
                {c.label}
              </Text>
              {c.abstract && (
                <Text size="xs" c="dimmed">
                  abstract
                </Text>
              )}
            </Group>
          </UnstyledButton>
          {children(c.key).length > 0 && render(c.key, depth + 1)}
        </li>
      ))}
    </ul>
  );
  return render(null, 0);
}

type Draft = {
  key: string;
  label: string;
  parent: string | null;
  abstract: boolean;
  attributes: AttributeDef[];
  identifiers: string[] | null;
};

const draftOf = (c: CiClass | null): Draft =>
  c
    ? {
        key: c.key,
        label: c.label,
        parent: c.parent,
        abstract: c.abstract,
        attributes: c.attributes.map((a) => ({ ...a })),
        identifiers: c.identifiers,
      }
    : { key: '', label: '', parent: null, abstract: false, attributes: [], identifiers: null };

function cleanAttribute(a: AttributeDef): AttributeDef {
  const out: AttributeDef = {
    key: a.key.trim(),
    label: a.label.trim(),
    type: a.type,
    required: a.required,
    unique: a.unique,
  };
  if (a.type === 'enum') out.allowedValues = a.allowedValues ?? [];
  if (NUMERIC.includes(a.type)) {
    if (a.min !== undefined) out.min = a.min;
    if (a.max !== undefined) out.max = a.max;
  }
  if (LENGTHED.includes(a.type) && a.maxLength !== undefined) out.maxLength = a.maxLength;
  if (a.type === 'reference') out.referenceClass = a.referenceClass ?? '';
  return out;
}

function AttributeRow({
  def,
  classes,
  onChange,
  onRemove,
}: {
  def: AttributeDef;
  classes: CiClass[];
  onChange: (d: AttributeDef) => void;
  onRemove: () => void;
}) {
  const set = <K extends keyof AttributeDef>(k: K, v: AttributeDef[K]) => onChange({ ...def, [k]: v });
  // Value and change handler of the row's cells, by kind of field.
  const text = (k: 'key' | 'label') => ({
    value: def[k],
    onChange: (e: ChangeEvent<HTMLInputElement>) => set(k, e.currentTarget.value),
  });
  const flag = (k: 'required' | 'unique') => ({
    checked: def[k],
    onChange: (e: ChangeEvent<HTMLInputElement>) => set(k, e.currentTarget.checked),
  });
  const bound = (k: 'min' | 'max' | 'maxLength') => ({
    value: def[k] ?? '',
    onChange: (v: string | number) => set(k, numberOrNull(v) ?? undefined),
  });
  const keyError = def.key && !KEY.test(def.key) ? 'lowercase_snake_case' : undefined;
  return (
    <Table.Tr>
      <Table.Td>
        <TextInput aria-label="Key" {...text('key')} error={keyError} size="xs" />
      </Table.Td>
      <Table.Td>
        <TextInput aria-label="Label" {...text('label')} size="xs" />
      </Table.Td>
      <Table.Td>
        <Select
          aria-label="Type"
          size="xs"
          data={[...ATTRIBUTE_TYPES]}
          value={def.type}
          allowDeselect={false}
          onChange={(v) => set('type', (v as AttributeType | null) ?? def.type)}
        />
      </Table.Td>
      <Table.Td>
        <Checkbox aria-label="Required" {...flag('required')} />
      </Table.Td>
      <Table.Td>
        <Checkbox aria-label="Unique" {...flag('unique')} />
      </Table.Td>
      <Table.Td>
        {def.type === 'enum' && (
          <TagsInput
            aria-label="Allowed values"
            size="xs"
            placeholder="Type a value, Enter"
            value={def.allowedValues ?? []}
            onChange={(v) => set('allowedValues', v)}
          />
        )}
        {NUMERIC.includes(def.type) && (
          <Group gap={4} wrap="nowrap">
            <NumberInput aria-label="Minimum" size="xs" placeholder="min" {...bound('min')} w={80} />
            <NumberInput aria-label="Maximum" size="xs" placeholder="max" {...bound('max')} w={80} />
          </Group>
        )}
        {LENGTHED.includes(def.type) && (
          <NumberInput
            aria-label="Maximum length"
            size="xs"
            placeholder="max length"
            min={1}
            {...bound('maxLength')}
            w={110}
          />
        )}
        {def.type === 'reference' && (
          <Select
            aria-label="Referenced class"
            size="xs"
            data={classOptions(classes)}
            value={def.referenceClass ?? null}
            onChange={(v) => set('referenceClass', v ?? undefined)}
          />
        )}
      </Table.Td>
      <Table.Td>
        <TrashButton label={`Remove ${def.key || 'attribute'}`} onClick={onRemove} />
      </Table.Td>
    </Table.Tr>
  );
}

function ClassEditor({
  cls,
  classes,
  onSaved,
}: {
  cls: CiClass | null;
  classes: CiClass[];
  onSaved: (key: string | null) => void;
}) {
  const save = useSaveClass();
  const del = useDeleteClass();
  const [draft, setDraft] = useState(() => draftOf(cls));
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const inherited = cls ? cls.effectiveAttributes.filter((a) => a.inheritedFrom) : [];
  const parentCls = classes.find((c) => c.key === draft.parent);
  const available = [
    ...(parentCls?.effectiveAttributes.map((a) => a.key) ?? inherited.map((a) => a.key)),
    ...draft.attributes.map((a) => a.key),
  ].filter(Boolean);
  const creating = cls === null;
  const keyError =
    creating && draft.key && !KEY.test(draft.key)
      ? 'Lowercase letters, digits and _, starting with a letter'
      : undefined;
  const problems = save.error instanceof ApiError ? save.error.fieldErrors : [];

  const submit = () => {
    const input: ClassInput = {
      label: draft.label.trim(),
      parent: draft.parent,
      abstract: draft.abstract,
      attributes: draft.attributes.map(cleanAttribute),
      identifiers: draft.identifiers,
    };
    save.mutate(
      { key: creating ? draft.key.trim() : (cls?.key ?? ''), input, version: cls?.version },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'teal', message: `${saved.label} saved` });
          onSaved(saved.key);
        },
      },
    );
  };

  return (
    <Paper p="lg" component="section" aria-label="Class editor">
      <SubmitForm onSubmit={submit}>
        <Stack gap="md">
          <Group justify="space-between">
            <Title order={2} size="h4">
              {creating ? 'New class' : cls.label}
            </Title>
            {cls?.builtin && <Badge variant="light">Shipped with Steward</Badge>}
          </Group>
          {save.error ? (
            problems.length ? (
              <ProblemAlert title="Not saved">
                <Text size="sm">{save.error instanceof ApiError ? save.error.detail : ''}</Text>
                {problems.map((p) => (
                  <Text size="sm" key={`${p.field}${p.message}`}>
                    {p.field.replace(/^body\./, '')}: {p.message}
                  </Text>
                ))}
              </ProblemAlert>
            ) : (
              <ErrorAlert error={save.error} title="Not saved" />
            )
          ) : null}
          <ErrorAlert error={del.error} title="Not deleted" />
          <Grid>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput
                label="Key"
                required
                readOnly={!creating}
                value={draft.key}
                onChange={(e) => set('key', e.currentTarget.value)}
                error={keyError}
                description={creating ? 'lowercase_snake_case; cannot change later' : undefined}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput
                label="Label"
                required
                value={draft.label}
                onChange={(e) => set('label', e.currentTarget.value)}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <Select
                label="Parent class"
                placeholder="None (a root class)"
                clearable
                data={classOptions(classes.filter((c) => c.key !== cls?.key))}
                value={draft.parent}
                onChange={(v) => set('parent', v)}
              />
            </Grid.Col>
          </Grid>
          <Checkbox
            label="Abstract: organises the hierarchy; no CI can be created in it"
            checked={draft.abstract}
            onChange={(e) => set('abstract', e.currentTarget.checked)}
          />
          <MultiSelect
            label="Identifiers for imports"
            description="Attributes that identify a CI when reconciling imports, tried in order. Empty: inherit the parent's."
            data={[...new Set(available)]}
            value={draft.identifiers ?? []}
            onChange={(v) => set('identifiers', v.length ? v : null)}
            clearable
          />
          {inherited.length > 0 && (
            <Stack gap={4}>
              <Text size="sm" fw={600}>
                Inherited attributes
              </Text>
              <Group gap={6}>
                {inherited.map((a) => (
                  <Badge key={a.key} variant="outline" color="gray" tt="none">
                    {a.label} · {a.type}
                    {a.required ? ' · required' : ''} (from {a.inheritedFrom})
                  </Badge>
                ))}
              </Group>
            </Stack>
          )}
          <Text size="sm" fw={600}>
            Own attributes
          </Text>
          <DataTable
            minWidth={820}
            fz="sm"
            verticalSpacing={4}
            aria-label="Own attributes"
            columns={[
              { label: 'Key', w: 150 },
              { label: 'Label', w: 160 },
              { label: 'Type', w: 120 },
              { label: 'Required', w: 70 },
              { label: 'Unique', w: 60 },
              'Allowed values / bounds',
              { label: 'Actions', w: 40, hidden: true },
            ]}
          >
            {draft.attributes.map((a, i) => (
              <AttributeRow
                // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place, keys may be blank or change
                key={i}
                def={a}
                classes={classes}
                onChange={(d) => set('attributes', replaceAt(draft.attributes, i, d))}
                onRemove={() => set('attributes', removeAt(draft.attributes, i))}
              />
            ))}
          </DataTable>
          <Group justify="space-between">
            <Button
              variant="default"
              leftSection={<IconPlus size={16} />}
              onClick={() =>
                set('attributes', [
                  ...draft.attributes,
                  { key: '', label: '', type: 'string', required: false, unique: false },
                ])
              }
            >
              Add attribute
            </Button>
            <Group>
              {cls && !cls.builtin && cls.children.length === 0 && (
                <Button
                  variant="subtle"
                  color="red"
                  loading={del.isPending}
                  onClick={() =>
                    del.mutate(cls.key, {
                      onSuccess: () => {
                        notifications.show({ color: 'teal', message: `${cls.label} deleted` });
                        onSaved(null);
                      },
                    })
                  }
                >
                  Delete class
                </Button>
              )}
              <Button
                type="submit"
                loading={save.isPending}
                disabled={!draft.label.trim() || (creating && !KEY.test(draft.key))}
              >
                {creating ? 'Create class' : 'Save class'}
              </Button>
            </Group>
          </Group>
        </Stack>
      </SubmitForm>
    </Paper>
  );
}

export function ClassesPage() {
  const me = useMe();
  const classes = useCiClasses();
  const [params, setParams] = useSearchParams();
  const selected = params.get('class');
  const creating = params.get('new') === '1';
  if (!cmdbAreas(me).classes) return <Forbidden what="the CI class model" />;
  if (classes.isPending) return <PageLoader label="Loading classes" />;
  if (classes.isError) return <ErrorState error={classes.error} onRetry={() => classes.refetch()} />;
  const cls = classes.data.find((c) => c.key === selected) ?? null;
  const select = (key: string | null) => setParams(key ? { class: key } : {}, { replace: true });
  return (
    <>
      <PageHeader
        title="CI classes"
        description="The class hierarchy and each class's attributes. Subclasses inherit their ancestors' attributes."
        actions={<NewButton onClick={() => setParams({ new: '1' }, { replace: true })}>New class</NewButton>}
      />
      <Grid gap="lg" align="flex-start">
        <Grid.Col span={{ base: 12, md: 3 }}>
          <Paper p="sm" component="nav" aria-label="Classes">
            <ClassTree classes={classes.data} selected={selected} onSelect={select} />
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 9 }}>
          {creating ? (
            <ClassEditor key="new" cls={null} classes={classes.data} onSaved={select} />
          ) : cls ? (
            <ClassEditor
              key={`${cls.key}-${cls.version}`}
              cls={cls}
              classes={classes.data}
              onSaved={select}
            />
          ) : (
            <Paper p="lg">
              <Text c="dimmed">Choose a class to see and edit its attributes, or create a new one.</Text>
            </Paper>
          )}
        </Grid.Col>
      </Grid>
    </>
  );
}
