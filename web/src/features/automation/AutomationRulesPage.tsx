/** Automation rules of a process, in evaluation order: read, enable or disable, delete, open to edit. */
import { Anchor, Paper, Switch, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link, Navigate, useParams } from 'react-router-dom';
import { ApiError, errorMessage } from '../../api/client.ts';
import { useGroups, useUserNames } from '../../api/queries/directory.ts';
import {
  type AutomationRule,
  isProcessKey,
  PROCESS_LABELS,
  type ProcessKey,
  type RuleInput,
  useAutomationRules,
  useDeleteRule,
  useUpdateRule,
} from '../../api/queries/process.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState } from '../../components/States.tsx';
import { ConfirmDialog } from '../../kit/detail/ConfirmDialog.tsx';
import { TrashButton } from '../../kit/detail/RemoveButton.tsx';
import { DataTable } from '../../kit/list/DataTable.tsx';
import { LoadedRows } from '../../kit/list/LoadedRows.tsx';
import { NewButton } from '../../kit/nav/NewButton.tsx';
import { ProcessSwitch } from '../process-admin/ProcessSwitch.tsx';
import { ruleText } from './ruleText.ts';

/** Names for the groups and people rules mention, for their one-line reading. */
export function useRuleNames(rules: RuleInput[]) {
  const groups = useGroups();
  const userIds = rules.flatMap((r) => [
    ...r.actions.flatMap((a) =>
      a.type === 'assign'
        ? [a.assigneeId]
        : a.type === 'set_field' && a.field === 'assigneeId'
          ? [a.value]
          : [],
    ),
    ...r.conditions.flatMap((c) =>
      c.field === 'assigneeId' || c.field === 'requesterId'
        ? Array.isArray(c.value)
          ? c.value
          : [c.value]
        : [],
    ),
  ]);
  const people = useUserNames(userIds.filter((x): x is string => typeof x === 'string' && x.length > 0));
  return {
    group: (id: string) => groups.data?.find((g) => g.id === id)?.name ?? 'an unknown group',
    user: (id: string) => people.get(id) ?? 'someone',
  };
}

export const inputOf = (r: AutomationRule): RuleInput => ({
  name: r.name,
  event: r.event,
  conditions: r.conditions,
  actions: r.actions,
  enabled: r.enabled,
  position: r.position,
});

function RulesTable({ process, rules }: { process: ProcessKey; rules: AutomationRule[] }) {
  const names = useRuleNames(rules);
  const update = useUpdateRule(process);
  const del = useDeleteRule(process);
  const [deleting, setDeleting] = useState<AutomationRule | null>(null);
  const toggle = (r: AutomationRule, enabled: boolean) =>
    update.mutate(
      { id: r.id, input: { ...inputOf(r), enabled }, version: r.version },
      {
        onSuccess: () =>
          notifications.show({
            color: 'teal',
            message: `“${r.name}” is ${enabled ? 'enabled' : 'disabled'}`,
          }),
        onError: (e) =>
          notifications.show({
            color: 'red',
            title: `Could not ${enabled ? 'enable' : 'disable'} “${r.name}”`,
            message:
              e instanceof ApiError && e.isStale
                ? 'Someone else changed it; the list was reloaded.'
                : errorMessage(e),
          }),
      },
    );
  return (
    <Paper p="md">
      <DataTable
        minWidth={760}
        verticalSpacing="sm"
        columns={['Order', 'Rule', 'Enabled', { label: 'Delete', hidden: true }]}
      >
        {rules.map((r) => (
          <Table.Tr key={r.id}>
            <Table.Td>{r.position}</Table.Td>
            <Table.Td>
              <Anchor component={Link} to={`/admin/automation/${process}/${r.id}`} fw={600}>
                {r.name}
              </Anchor>
              <Text size="sm" c="dimmed">
                {ruleText(r, names)}
              </Text>
            </Table.Td>
            <Table.Td>
              <Switch
                aria-label={`Enabled: ${r.name}`}
                checked={r.enabled}
                disabled={update.isPending && update.variables?.id === r.id}
                onChange={(e) => toggle(r, e.currentTarget.checked)}
              />
            </Table.Td>
            <Table.Td>
              <TrashButton label={`Delete ${r.name}`} onClick={() => setDeleting(r)} />
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      {deleting && (
        <ConfirmDialog
          opened
          onClose={() => setDeleting(null)}
          title={`Delete “${deleting.name}”?`}
          confirmLabel="Delete rule"
          pending={del.isPending}
          error={del.error}
          errorTitle="The rule was not deleted"
          onConfirm={() =>
            del.mutate(deleting.id, {
              onSuccess: () => {
                notifications.show({ color: 'teal', message: `“${deleting.name}” deleted` });
                setDeleting(null);
              },
            })
          }
        >
          The rule stops running at once. Records it changed keep their history.
        </ConfirmDialog>
      )}
    </Paper>
  );
}

export function AutomationRulesPage() {
  const { process } = useParams();
  const key: ProcessKey = isProcessKey(process) ? process : 'incident';
  const rules = useAutomationRules(key);
  if (!isProcessKey(process)) return <Navigate to="/admin/automation/incident" replace />;
  return (
    <>
      <PageHeader
        title="Automation rules"
        description="When an event happens and all conditions hold, the actions run in the same change, in order."
        actions={
          <>
            <ProcessSwitch value={process} pathOf={(p) => `/admin/automation/${p}`} />
            <NewButton to={`/admin/automation/${process}/new`}>New rule</NewButton>
          </>
        }
      />
      <LoadedRows
        query={rules}
        label="Loading rules"
        empty={
          <EmptyState title="No automation rules">
            Rules route, classify and comment on {PROCESS_LABELS[process].toLowerCase()} records as they
            change.
          </EmptyState>
        }
      >
        {(list) => <RulesTable process={process} rules={list} />}
      </LoadedRows>
    </>
  );
}
