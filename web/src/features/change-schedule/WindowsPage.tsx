/** Maintenance and freeze windows, by first start, with a dialog to add one. */
import { Anchor, Badge, Button, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import { CreateButton } from '../../kit/form/CreateDialog.tsx';
import type { ListColumn } from '../../kit/list/columns.ts';
import { ListPage } from '../../kit/list/ListPage.tsx';
import { useListState } from '../../kit/list/listState.ts';
import { formatDateTime, useTimeZone } from '../../lib/time.tsx';
import { type WindowView, windows } from './api.ts';
import { ENTRY_STYLE, repeatsText } from './labels.ts';
import { useCanManageWindows } from './permissions.ts';
import { permissionsNote } from './texts.ts';
import { emptyWindow, validateWindowDraft, WindowFields, windowBody } from './WindowForm.tsx';

const FILTERS = { kind: 'one', q: 'text' } as const;

export const windowPath = (w: { id: string }) => `/change-windows/${w.id}`;

export function WindowKindBadge({ kind }: { kind: WindowView['kind'] }) {
  const s = ENTRY_STYLE[kind];
  return (
    <Badge color={s.color} variant={s.variant} autoContrast>
      {s.label}
    </Badge>
  );
}

/** "Global", a CI or a service. */
export const windowScope = (w: WindowView) =>
  w.ci?.name ?? w.service?.name ?? (w.kind === 'freeze' ? 'Global' : '—');

function columns(zone: string): ListColumn<WindowView>[] {
  return [
    {
      key: 'name',
      label: 'Name',
      render: (w) => (
        <Anchor component={Link} to={windowPath(w)} fw={600} size="sm">
          {w.name}
        </Anchor>
      ),
    },
    { key: 'kind', label: 'Kind', width: 190, render: (w) => <WindowKindBadge kind={w.kind} /> },
    { key: 'scope', label: 'Applies to', width: 200, render: windowScope },
    { key: 'start', label: 'First starts', width: 170, render: (w) => formatDateTime(w.start, zone) },
    {
      key: 'repeats',
      label: 'Repeats',
      width: 190,
      render: (w) => (
        <Text size="sm" title={w.rrule ?? undefined} style={{ overflowWrap: 'anywhere' }}>
          {repeatsText(w.rrule) ?? 'No'}
        </Text>
      ),
    },
    { key: 'timeZone', label: 'Time zone', width: 150, hidden: true, render: (w) => w.timeZone },
  ];
}

export function WindowsPage() {
  const zone = useTimeZone();
  const canManage = useCanManageWindows();
  const state = useListState(FILTERS, { sort: 'start', order: 'asc' });
  const list = windows.useList({ kind: state.filters.kind || undefined, q: state.filters.q || undefined });
  return (
    <ListPage
      title="Maintenance and freeze windows"
      description={permissionsNote}
      actions={
        <>
          <Button component={Link} to="/change-calendar" variant="default">
            Change calendar
          </Button>
          {canManage && (
            <CreateButton
              label="New window"
              title="New window"
              useCreate={windows.useCreate}
              empty={() => emptyWindow(zone)}
              toBody={windowBody}
              validate={validateWindowDraft}
              created={(w) => `${w.name} added`}
              pathOf={windowPath}
              submitLabel="Add window"
              errorTitle="Not added"
            >
              {(form) => <WindowFields form={form} />}
            </CreateButton>
          )}
        </>
      }
      listKey="change-windows"
      label="Windows"
      noun={['window', 'windows']}
      columns={columns(zone)}
      list={list}
      state={state}
      rowHref={windowPath}
      rowLabel={(w) => w.name}
      search="Words of the name"
      fields={[
        {
          name: 'kind',
          label: 'Kind',
          data: [
            { value: 'maintenance', label: 'Maintenance windows' },
            { value: 'freeze', label: 'Freezes' },
          ],
        },
      ]}
    />
  );
}
