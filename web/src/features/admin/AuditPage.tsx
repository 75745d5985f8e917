/** The append-only audit log, newest first, filterable by action. */
import { Badge, Code, Table, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useAudit } from '../../api/queries/admin.ts';
import { LogPage } from '../../kit/list/LogPage.tsx';
import { SearchInput } from '../../kit/list/SearchInput.tsx';
import type { HeadCell } from '../../kit/list/TableHead.tsx';
import { WhenCell } from '../../kit/list/WhenCell.tsx';
import { useUrlParam } from '../../kit/nav/useUrlParam.ts';

function color(action: string): string {
  if (action.includes('failed') || action.includes('throttled') || action.includes('revoke')) return 'red';
  if (action.startsWith('auth.')) return 'gray';
  if (action.startsWith('settings.')) return 'grape';
  return 'blue';
}

const COLUMNS: HeadCell[] = [
  { label: 'When', w: 190 },
  { label: 'Action', w: 220 },
  'Actor',
  'Target',
  { label: 'IP', w: 120 },
  'Details',
];

export function AuditPage() {
  const [action, setAction] = useUrlParam('action');
  const [debounced] = useDebouncedValue(action.trim(), 300);
  const audit = useAudit({ action: debounced || undefined, limit: 50 });
  return (
    <LogPage
      title="Audit log"
      description="Who did what and when: sign-ins, administration and settings."
      filters={
        <SearchInput
          label="Action"
          placeholder="e.g. auth.login"
          value={action}
          onChange={setAction}
          w={260}
        />
      }
      query={audit}
      loadingLabel="Loading the audit log"
      emptyTitle="No entries"
      moreLabel="Load older entries"
      columns={COLUMNS}
      cells={(a) => (
        <>
          <WhenCell iso={a.at} />
          <Table.Td>
            <Badge variant="light" color={color(a.action)} tt="none" size="sm">
              {a.action}
            </Badge>
          </Table.Td>
          <Table.Td>
            <Text size="sm">{a.actorLabel ?? '—'}</Text>
          </Table.Td>
          <Table.Td>
            {a.targetType ? (
              <Text size="sm" title={a.targetId ?? undefined}>
                {a.targetType} {a.targetId ? <Code>{a.targetId.slice(0, 8)}</Code> : null}
              </Text>
            ) : (
              <Text size="sm">—</Text>
            )}
          </Table.Td>
          <Table.Td>
            <Text size="sm">{a.ip ?? '—'}</Text>
          </Table.Td>
          <Table.Td>
            {Object.keys(a.details).length ? (
              <Text size="xs" className="pre-wrap">
                {Object.entries(a.details)
                  .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
                  .join('\n')}
              </Text>
            ) : (
              <Text size="sm" c="dimmed">
                —
              </Text>
            )}
          </Table.Td>
        </>
      )}
    />
  );
}
