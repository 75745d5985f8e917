/**
 * The incident's fields: editable where allowedActions say so, saved as a minimal patch with
 * If-Match; a record changed by someone else meanwhile is handled by the kit's draft.
 */
import { Button, Divider, Group, Paper, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ChangeEvent } from 'react';
import { LIMITS } from '../../../../src/shared/limits.ts';
import { useGroups } from '../../api/queries/directory.ts';
import { useUpdateIncident } from '../../api/queries/incidents.ts';
import type { Incident, IncidentInput, PersonRef } from '../../api/types.ts';
import { GroupSelect, MemberSelect } from '../../components/Pickers.tsx';
import { ErrorAlert } from '../../components/States.tsx';
import { SubmitForm } from '../../kit/form/SubmitForm.tsx';
import { Fact, FactGrid } from '../../kit/record/Fields.tsx';
import { StaleNotice } from '../../kit/record/StaleNotice.tsx';
import { useRecordDraft } from '../../kit/record/useRecordDraft.ts';
import { EDIT_FIELD_ID } from '../../kit/record/useRecordShortcuts.ts';
import { fieldErrorsOf } from '../../lib/forms.ts';
import { CHANNEL_LABELS, humanize } from '../../lib/labels.ts';
import { Time } from '../../lib/time.tsx';
import { ServiceSelect } from '../sla/pickers.tsx';
import { LevelSelect, PriorityPreview } from './priority.tsx';

type Draft = {
  title: string;
  description: string;
  impact: number;
  urgency: number;
  category: string;
  subcategory: string;
  groupId: string | null;
  serviceId: string | null;
  assignee: PersonRef | null;
};

const draftOf = (r: Incident): Draft => ({
  title: r.title,
  description: r.description,
  impact: r.impact,
  urgency: r.urgency,
  category: r.category ?? '',
  subcategory: r.subcategory ?? '',
  groupId: r.group?.id ?? null,
  serviceId: r.serviceId,
  assignee: r.assignee,
});

function patchOf(base: Draft, d: Draft): IncidentInput {
  const p: IncidentInput = {};
  if (d.title !== base.title) p.title = d.title.trim();
  if (d.description !== base.description) p.description = d.description;
  if (d.impact !== base.impact) p.impact = d.impact;
  if (d.urgency !== base.urgency) p.urgency = d.urgency;
  if (d.category !== base.category) p.category = d.category.trim() || null;
  if (d.subcategory !== base.subcategory) p.subcategory = d.subcategory.trim() || null;
  if (d.groupId !== base.groupId) p.groupId = d.groupId;
  if (d.serviceId !== base.serviceId) p.serviceId = d.serviceId;
  if (d.assignee?.id !== base.assignee?.id) p.assigneeId = d.assignee?.id ?? null;
  return p;
}

export function IncidentDetails({
  rec,
  onReload,
}: {
  rec: Incident;
  onReload: () => Promise<Incident | undefined>;
}) {
  const canUpdate = rec.allowedActions.includes('update');
  const canAssign = rec.allowedActions.includes('assign');
  const groups = useGroups(canAssign);
  const save = useUpdateIncident(rec.id);
  const form = useRecordDraft(rec, draftOf, save, onReload);
  const { draft, set } = form;
  const patch = patchOf(form.base, draft);
  const dirty = Object.keys(patch).length > 0;
  const stale = form.stale;
  const server = fieldErrorsOf(save.error);
  const titleError = !draft.title.trim() ? 'The title cannot be empty' : server.title;
  // Value, change handler, read-only state and server error of a field, by kind of field.
  const text = (k: 'title' | 'description' | 'category' | 'subcategory') => ({
    value: draft[k],
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => set(k, e.currentTarget.value),
    readOnly: !canUpdate,
    error: server[k],
  });
  const level = (k: 'impact' | 'urgency') => ({
    value: draft[k],
    onChange: (v: number) => set(k, v),
    readOnly: !canUpdate,
    error: server[k],
  });

  const onGroup = (id: string | null) => {
    const g = groups.data?.find((x) => x.id === id);
    form.update((d) => ({
      ...d,
      groupId: id,
      assignee: d.assignee && g?.memberIds.includes(d.assignee.id) ? d.assignee : null,
    }));
  };

  const submit = () => {
    if (!dirty || !draft.title.trim()) return;
    save.mutate(
      { patch, version: form.version },
      {
        onSuccess: (r) => {
          form.saved(r);
          notifications.show({ color: 'teal', message: `${r.number} saved` });
        },
      },
    );
  };

  return (
    <Paper p="lg" component="section" aria-label="Details">
      <SubmitForm onSubmit={submit}>
        <Stack gap="md">
          {stale && <StaleNotice number={rec.number} noun="incident" onReload={form.reloadKeepingDraft} />}
          {!stale && <ErrorAlert error={save.error} title="Not saved" />}
          <TextInput
            id={EDIT_FIELD_ID}
            label="Title"
            required
            maxLength={LIMITS.titleMax}
            {...text('title')}
            error={titleError}
          />
          <Textarea label="Description" autosize minRows={3} maxRows={14} {...text('description')} />
          <SimpleGrid cols={2}>
            <LevelSelect label="Impact" {...level('impact')} />
            <LevelSelect label="Urgency" {...level('urgency')} />
          </SimpleGrid>
          <PriorityPreview impact={draft.impact} urgency={draft.urgency} />
          <SimpleGrid cols={2}>
            <TextInput label="Category" maxLength={LIMITS.categoryMax} {...text('category')} />
            <TextInput label="Subcategory" maxLength={LIMITS.categoryMax} {...text('subcategory')} />
          </SimpleGrid>
          <ServiceSelect
            label="Service"
            placeholder="No service"
            liveOnly
            value={draft.serviceId}
            onChange={(v) => set('serviceId', v)}
            readOnly={!canUpdate}
            error={server.serviceId}
          />
          <SimpleGrid cols={2}>
            <GroupSelect
              label="Assignment group"
              placeholder="Not assigned"
              value={draft.groupId}
              onChange={onGroup}
              readOnly={!canAssign}
              error={server.groupId}
            />
            <MemberSelect
              label="Assignee"
              placeholder="Not assigned"
              groupId={draft.groupId}
              value={draft.assignee}
              onChange={(p) => set('assignee', p)}
              readOnly={!canAssign}
              error={server.assigneeId}
            />
          </SimpleGrid>
          {(canUpdate || canAssign) && (
            <Group justify="flex-end" gap="sm">
              {dirty && (
                <Button variant="default" onClick={form.discard} disabled={save.isPending}>
                  Discard changes
                </Button>
              )}
              <Button type="submit" disabled={!dirty || stale} loading={save.isPending}>
                Save changes
              </Button>
            </Group>
          )}
          <Divider />
          <FactGrid>
            <Fact label="Requester">{rec.requester ? rec.requester.name : '—'}</Fact>
            <Fact label="Channel">{CHANNEL_LABELS[rec.channel] ?? humanize(rec.channel)}</Fact>
            <Fact label="Opened">
              <Time iso={rec.createdAt} mode="absolute" />
            </Fact>
            <Fact label="Last updated">
              <Time iso={rec.updatedAt} />
            </Fact>
            {rec.resolvedAt && (
              <Fact label="Resolved">
                <Time iso={rec.resolvedAt} mode="absolute" />
              </Fact>
            )}
            {rec.closedAt && (
              <Fact label="Closed">
                <Time iso={rec.closedAt} mode="absolute" />
              </Fact>
            )}
            {rec.resolutionCode && <Fact label="Resolution code">{humanize(rec.resolutionCode)}</Fact>}
            {rec.reopenCount > 0 && <Fact label="Reopened">{rec.reopenCount}×</Fact>}
          </FactGrid>
          {rec.resolutionNotes && (
            <Fact label="Resolution notes">
              <Text size="sm" className="pre-wrap">
                {rec.resolutionNotes}
              </Text>
            </Fact>
          )}
        </Stack>
      </SubmitForm>
    </Paper>
  );
}
