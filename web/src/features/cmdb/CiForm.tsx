/**
 * The fields of a CI: name, class, status, owner, support group, location, description and the
 * class's attributes (own and inherited). Creating sends everything; editing sends only changes,
 * with If-Match. Server field errors land on their inputs, attributes included.
 */
import { Divider, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { ApiError } from '../../api/client.ts';
import {
  type AttributeValue,
  CI_STATUSES,
  type Ci,
  type CiClass,
  type CiInput,
  type CiStatus,
} from '../../api/queries/cmdb.ts';
import type { PersonRef } from '../../api/types.ts';
import { GroupSelect, UserPicker } from '../../components/Pickers.tsx';
import { ProblemAlert } from '../../kit/form/ProblemAlert.tsx';
import type { FieldErrors } from '../../kit/form/patch.ts';
import { textOrNull } from '../../kit/form/patch.ts';
import type { DraftForm } from '../../kit/form/useDraftForm.ts';
import { optionsOf } from '../../lib/labels.ts';
import { AttributeInput } from './AttributeInput.tsx';
import { classOptions } from './CiListPage.tsx';
import { CI_STATUS_LABELS } from './shared.tsx';

export type CiDraft = {
  classKey: string | null;
  name: string;
  status: CiStatus;
  owner: PersonRef | null;
  supportGroupId: string | null;
  location: string;
  description: string;
  attributes: Record<string, AttributeValue>;
};

export const emptyDraft = (classKey: string | null = null): CiDraft => ({
  classKey,
  name: '',
  status: 'in_use',
  owner: null,
  supportGroupId: null,
  location: '',
  description: '',
  attributes: {},
});

export const draftOfCi = (ci: Ci): CiDraft => ({
  classKey: ci.classKey,
  name: ci.name,
  status: ci.status,
  owner: ci.owner,
  supportGroupId: ci.supportGroup?.id ?? null,
  location: ci.location ?? '',
  description: ci.description,
  attributes: { ...ci.attributes },
});

/**
 * The draft as a body. Creating leaves out blank attributes and those the class does not have;
 * editing keeps them all, so clearing one sends null (the kit patches attributes key by key).
 */
export function ciBody(d: CiDraft, cls: CiClass | undefined, creating: boolean): CiInput {
  const keys = new Set(cls?.effectiveAttributes.map((a) => a.key) ?? []);
  const attributes = creating
    ? Object.fromEntries(
        Object.entries(d.attributes).filter(([k, v]) => keys.has(k) && v !== null && v !== ''),
      )
    : d.attributes;
  return {
    ...(creating ? { classKey: d.classKey ?? '' } : {}),
    name: d.name.trim(),
    status: d.status,
    ownerId: d.owner?.id ?? null,
    supportGroupId: d.supportGroupId,
    location: textOrNull(d.location),
    description: d.description,
    attributes,
  };
}

export const validateCi = (d: CiDraft): FieldErrors => ({
  ...(d.name.trim() ? {} : { name: 'Give the CI a name' }),
  ...(d.classKey ? {} : { classKey: 'Choose a class' }),
});

const PLACED = [
  'name',
  'classKey',
  'status',
  'ownerId',
  'supportGroupId',
  'location',
  'description',
  'attributes',
];

/** Field errors of the save that no input shows (an attribute the class no longer has). */
function Unplaced({ error, cls }: { error: unknown; cls: CiClass | undefined }) {
  if (!(error instanceof ApiError) || error.fieldErrors.length === 0) return null;
  const shown = new Set(cls?.effectiveAttributes.map((a) => `attributes.${a.key}`) ?? []);
  const rest = error.fieldErrors
    .map((e) => ({ ...e, field: e.field.replace(/^body\./, '') }))
    .filter((e) => !PLACED.includes(e.field) && !shown.has(e.field));
  return (
    <ProblemAlert title="Please correct the marked fields">
      {error.detail}
      {rest.map((e) => (
        <Text size="sm" key={e.field}>
          {e.field.replace(/^attributes\./, '')}: {e.message}
        </Text>
      ))}
    </ProblemAlert>
  );
}

export function CiFields({
  form,
  classes,
  creating,
}: {
  form: DraftForm<CiDraft, CiInput>;
  classes: CiClass[];
  creating: boolean;
}) {
  const { draft } = form;
  const cls = classes.find((c) => c.key === draft.classKey);
  const setAttr = (k: string, v: AttributeValue) => form.set('attributes', { ...draft.attributes, [k]: v });
  return (
    <Stack gap="md">
      <Unplaced error={form.error} cls={cls} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label="Name" required {...form.text('name', { max: 'titleMax' })} />
        <Select
          label="Class"
          required
          searchable
          data={classOptions(classes, { concreteOnly: true })}
          description={creating ? 'Decides which attributes the CI has' : undefined}
          {...form.choice('classKey')}
          readOnly={form.readOnly || !creating}
        />
        <Select
          label="Status"
          allowDeselect={false}
          data={optionsOf(CI_STATUSES, CI_STATUS_LABELS)}
          {...form.choice('status', { fallback: draft.status })}
        />
        <TextInput label="Location" {...form.text('location', { max: 'nameMax' })} />
        <UserPicker label="Owner" placeholder="Nobody" {...form.value('owner', { errorKey: 'ownerId' })} />
        <GroupSelect label="Support group" placeholder="None" {...form.value('supportGroupId')} />
      </SimpleGrid>
      <Textarea
        label="Description"
        autosize
        minRows={2}
        maxRows={10}
        {...form.text('description', { max: 'descriptionMax' })}
      />
      {cls && cls.effectiveAttributes.length > 0 && (
        <>
          <Divider label={`${cls.label} attributes`} labelPosition="left" />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {cls.effectiveAttributes.map((def) => (
              <AttributeInput
                key={def.key}
                def={def}
                value={draft.attributes[def.key]}
                onChange={(v) => setAttr(def.key, v)}
                error={form.errors[`attributes.${def.key}`]}
                readOnly={form.readOnly}
              />
            ))}
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
