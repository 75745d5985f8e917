/**
 * The bulk bar of record queues: assign the selected records to a group or person, set their
 * impact and urgency, or move them through a transition they all offer. The server applies each
 * record on its own (with the version shown here), so the bar reports which ones failed and why.
 */
import { Alert, Button, Group, List, Paper, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { type BulkInput, type BulkResult, useBulkRecords } from '../../api/queries/bulk.ts';
import type { PersonRef } from '../../api/types.ts';
import { GroupSelect, UserPicker } from '../../components/Pickers.tsx';
import { ErrorAlert } from '../../components/States.tsx';
import { LEVEL_OPTIONS } from '../../lib/labels.ts';
import type { RecordListKind, RecordRow } from './records.tsx';

type Failure = Extract<BulkResult, { ok: false }>;

/** Transitions every selected record offers that need no extra fields. */
function commonTransitions(rows: RecordRow[]) {
  const [first, ...rest] = rows;
  if (!first) return [];
  return first.transitions.filter(
    (t) => t.requires.length === 0 && rest.every((r) => r.transitions.some((o) => o.key === t.key)),
  );
}

export function RecordBulkBar({
  kind,
  rows,
  onDone,
}: {
  kind: RecordListKind;
  rows: RecordRow[];
  onDone: () => void;
}) {
  const bulk = useBulkRecords(kind.cacheRoot);
  const [groupId, setGroupId] = useState<string | null>(null);
  const [assignee, setAssignee] = useState<PersonRef | null>(null);
  const [impact, setImpact] = useState<string | null>(null);
  const [urgency, setUrgency] = useState<string | null>(null);
  const [transition, setTransition] = useState<string | null>(null);
  const [failures, setFailures] = useState<Failure[]>([]);
  const transitions = commonTransitions(rows);
  const numbers = new Map(rows.map((r) => [r.id, r.number]));

  const patch: NonNullable<BulkInput['patch']> = {};
  if (groupId) patch.groupId = groupId;
  if (assignee) patch.assigneeId = assignee.id;
  if (impact) patch.impact = Number(impact);
  if (urgency) patch.urgency = Number(urgency);
  const hasPatch = Object.keys(patch).length > 0;

  const run = (input: Omit<BulkInput, 'type' | 'items'>) => {
    setFailures([]);
    bulk.mutate(
      { type: kind.type, items: rows.map((r) => ({ id: r.id, version: r.version })), ...input },
      {
        onSuccess: ({ results }) => {
          const failed = results.filter((r): r is Failure => !r.ok);
          const done = results.length - failed.length;
          setFailures(failed);
          if (done > 0)
            notifications.show({
              color: 'teal',
              message: `${done} record${done === 1 ? '' : 's'} updated.`,
            });
          if (failed.length === 0) {
            setGroupId(null);
            setAssignee(null);
            setImpact(null);
            setUrgency(null);
            setTransition(null);
            onDone();
          }
        },
      },
    );
  };

  return (
    <Paper withBorder p="sm" mb="md" role="region" aria-label="Bulk actions">
      <Stack gap="sm">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Text fw={600} size="sm" aria-live="polite">
            {rows.length} selected
          </Text>
          <GroupSelect label="Group" value={groupId} onChange={setGroupId} className="filter-field" />
          <UserPicker label="Assignee" value={assignee} onChange={setAssignee} className="filter-field" />
          {kind.withPriority && (
            <>
              <Select
                label="Impact"
                data={LEVEL_OPTIONS}
                value={impact}
                onChange={setImpact}
                clearable
                className="filter-field"
              />
              <Select
                label="Urgency"
                data={LEVEL_OPTIONS}
                value={urgency}
                onChange={setUrgency}
                clearable
                className="filter-field"
              />
            </>
          )}
          <Button disabled={!hasPatch} loading={bulk.isPending} onClick={() => run({ patch })}>
            Apply changes
          </Button>
          <Select
            label="Transition"
            placeholder={transitions.length ? 'Choose' : 'None in common'}
            data={transitions.map((t) => ({ value: t.key, label: t.label }))}
            value={transition}
            onChange={setTransition}
            disabled={transitions.length === 0}
            className="filter-field"
          />
          <Button
            variant="light"
            disabled={!transition}
            loading={bulk.isPending}
            onClick={() => transition && run({ transition: { to: transition } })}
          >
            Move
          </Button>
          <Button variant="subtle" color="gray" onClick={onDone}>
            Clear selection
          </Button>
        </Group>
        <ErrorAlert error={bulk.error} title="Nothing was changed" />
        {failures.length > 0 && (
          <Alert color="orange" title={`${failures.length} not changed`} role="alert">
            <List size="sm">
              {failures.map((f) => (
                <List.Item key={f.id}>
                  <b>{f.number ?? numbers.get(f.id) ?? f.id}</b>: {f.problem.detail}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
