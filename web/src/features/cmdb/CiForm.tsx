/**
 * The fields of a CI: name, class, status, owner, support group, location, description and the
 * class's attributes (own and inherited). Creating sends everything; editing sends only changes,
 * with If-Match. Server field errors land on their inputs, attributes included.
 */
import {
  Alert,
  Button,
  Divider,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { LIMITS } from '../../../../src/shared/limits.ts';
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
import { ErrorAlert } from '../../components/States.tsx';
import { AttributeInput } from './AttributeInput.tsx';
import { classOptions } from './CiListPage.tsx';
import { CI_STATUS_LABELS, fieldErrorMap } from './shared.tsx';

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

const same = (a: AttributeValue | undefined, b: AttributeValue | undefined) => (a ?? null) === (b ?? null);

/** What changed between two drafts, as a PATCH body. */
export function ciPatch(base: CiDraft, d: CiDraft): CiInput {
  const p: CiInput = {};
  if (d.name !== base.name) p.name = d.name.trim();
  if (d.status !== base.status) p.status = d.status;
  if (d.owner?.id !== base.owner?.id) p.ownerId = d.owner?.id ?? null;
  if (d.supportGroupId !== base.supportGroupId) p.supportGroupId = d.supportGroupId;
  if (d.location !== base.location) p.location = d.location.trim() || null;
  if (d.description !== base.description) p.description = d.description;
  const attrs: Record<string, AttributeValue> = {};
  for (const k of new Set([...Object.keys(base.attributes), ...Object.keys(d.attributes)]))
    if (!same(base.attributes[k], d.attributes[k])) attrs[k] = d.attributes[k] ?? null;
  if (Object.keys(attrs).length) p.attributes = attrs;
  return p;
}

/** The whole draft as a create body; attributes the class does not have are left out. */
export function ciCreateBody(d: CiDraft, cls: CiClass | undefined): CiInput {
  const keys = new Set(cls?.effectiveAttributes.map((a) => a.key) ?? []);
  const attributes = Object.fromEntries(
    Object.entries(d.attributes).filter(([k, v]) => keys.has(k) && v !== null && v !== ''),
  );
  return {
    classKey: d.classKey ?? '',
    name: d.name.trim(),
    status: d.status,
    ownerId: d.owner?.id ?? null,
    supportGroupId: d.supportGroupId,
    location: d.location.trim() || null,
    description: d.description,
    attributes,
  };
}

export function CiForm({
  draft,
  onChange,
  classes,
  creating,
  readOnly,
  error,
  saving,
  dirty,
  onSubmit,
  onDiscard,
  submitLabel,
}: {
  draft: CiDraft;
  onChange: (d: CiDraft) => void;
  classes: CiClass[];
  creating: boolean;
  readOnly: boolean;
  error: unknown;
  saving: boolean;
  dirty: boolean;
  onSubmit: () => void;
  onDiscard?: () => void;
  submitLabel: string;
}) {
  const [touched, setTouched] = useState(false);
  const server = fieldErrorMap(error);
  const cls = classes.find((c) => c.key === draft.classKey);
  const set = <K extends keyof CiDraft>(k: K, v: CiDraft[K]) => onChange({ ...draft, [k]: v });
  const setAttr = (k: string, v: AttributeValue) =>
    onChange({ ...draft, attributes: { ...draft.attributes, [k]: v } });
  const nameError = (touched && !draft.name.trim() ? 'Give the CI a name' : undefined) ?? server.name;
  const classError = (touched && !draft.classKey ? 'Choose a class' : undefined) ?? server.classKey;
  const attributeKeys = new Set(cls?.effectiveAttributes.map((a) => `attributes.${a.key}`) ?? []);
  const placed = ['name', 'classKey', 'status', 'ownerId', 'supportGroupId', 'location', 'description'];
  const unplaced = Object.entries(server).filter(([k]) => !placed.includes(k) && !attributeKeys.has(k));
  const hasFieldErrors = Object.keys(server).length > 0;
  const stale = error instanceof ApiError && error.isStale;

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setTouched(true);
        if (!draft.name.trim() || !draft.classKey) return;
        onSubmit();
      }}
    >
      <Paper p="lg" component="section" aria-label="CI details">
        <Stack gap="md">
          {error && !hasFieldErrors && !stale ? <ErrorAlert error={error} title="Not saved" /> : null}
          {hasFieldErrors && (
            <Alert
              color="red"
              icon={<IconAlertTriangle size={18} />}
              title="Please correct the marked fields"
              role="alert"
            >
              {error instanceof ApiError ? error.detail : null}
              {unplaced.map(([k, v]) => (
                <Text size="sm" key={k}>
                  {k.replace(/^attributes\./, '')}: {v}
                </Text>
              ))}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Name"
              required
              readOnly={readOnly}
              maxLength={LIMITS.titleMax}
              value={draft.name}
              onChange={(e) => set('name', e.currentTarget.value)}
              error={nameError}
            />
            <Select
              label="Class"
              required
              searchable
              readOnly={readOnly || !creating}
              data={classOptions(classes, { concreteOnly: true })}
              value={draft.classKey}
              onChange={(v) => set('classKey', v)}
              error={classError}
              description={creating ? 'Decides which attributes the CI has' : undefined}
            />
            <Select
              label="Status"
              readOnly={readOnly}
              allowDeselect={false}
              data={CI_STATUSES.map((s) => ({ value: s, label: CI_STATUS_LABELS[s] }))}
              value={draft.status}
              onChange={(v) => set('status', (v as CiStatus | null) ?? draft.status)}
              error={server.status}
            />
            <TextInput
              label="Location"
              readOnly={readOnly}
              maxLength={LIMITS.nameMax}
              value={draft.location}
              onChange={(e) => set('location', e.currentTarget.value)}
              error={server.location}
            />
            <UserPicker
              label="Owner"
              placeholder="Nobody"
              readOnly={readOnly}
              value={draft.owner}
              onChange={(p) => set('owner', p)}
              error={server.ownerId}
            />
            <GroupSelect
              label="Support group"
              placeholder="None"
              readOnly={readOnly}
              value={draft.supportGroupId}
              onChange={(g) => set('supportGroupId', g)}
              error={server.supportGroupId}
            />
          </SimpleGrid>
          <Textarea
            label="Description"
            readOnly={readOnly}
            autosize
            minRows={2}
            maxRows={10}
            value={draft.description}
            onChange={(e) => set('description', e.currentTarget.value)}
            error={server.description}
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
                    error={server[`attributes.${def.key}`]}
                    readOnly={readOnly}
                  />
                ))}
              </SimpleGrid>
            </>
          )}
          {!readOnly && (
            <Group justify="flex-end" gap="sm">
              {dirty && onDiscard && (
                <Button variant="default" onClick={onDiscard} disabled={saving}>
                  Discard changes
                </Button>
              )}
              <Button type="submit" disabled={!dirty || stale} loading={saving}>
                {submitLabel}
              </Button>
            </Group>
          )}
        </Stack>
      </Paper>
    </form>
  );
}
