/** Configuration items: filters (class, status, text) in the URL, a table, keyset "Load more". */
import {
  Anchor,
  Button,
  Center,
  Group,
  MultiSelect,
  Paper,
  Select,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFilterOff, IconPlus, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { CI_STATUSES, type CiClass, useCiClasses, useCiList } from '../../api/queries/cmdb.ts';
import { useMe } from '../../auth/session.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState, ErrorState, PageLoader } from '../../components/States.tsx';
import { Time } from '../../lib/time.tsx';
import { CI_STATUS_LABELS, CiStatusBadge, ciPath } from './shared.tsx';

/** Classes in tree order with their depth, for selects that show the hierarchy. */
export function classOptions(classes: CiClass[], opts: { concreteOnly?: boolean } = {}) {
  const byParent = new Map<string | null, CiClass[]>();
  for (const c of classes) {
    const list = byParent.get(c.parent) ?? [];
    list.push(c);
    byParent.set(c.parent, list);
  }
  const out: { value: string; label: string }[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const c of (byParent.get(parent) ?? []).sort((a, b) => a.label.localeCompare(b.label))) {
      if (!(opts.concreteOnly && c.abstract))
        out.push({ value: c.key, label: `${'\u2003'.repeat(depth)}${c.label}${c.abstract ? ' (all)' : ''}` });
      walk(c.key, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

export function CiListPage() {
  const me = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const classKey = params.get('class') ?? undefined;
  const status = (params.get('status') ?? '').split(',').filter(Boolean);
  const qParam = params.get('q') ?? '';
  const [q, setQ] = useState(qParam);
  useEffect(() => setQ((cur) => (cur.trim() === qParam ? cur : qParam)), [qParam]);
  const classes = useCiClasses();
  const list = useCiList({ class: classKey, status, q: qParam || undefined });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  // Typing updates the URL after a pause; an effect (not a timer callback) so that nothing
  // navigates back here once the person has followed a link.
  const [debouncedQ] = useDebouncedValue(q.trim(), 350);
  // biome-ignore lint/correctness/useExhaustiveDependencies: follows the typed text only
  useEffect(() => {
    if (debouncedQ !== qParam) set('q', debouncedQ || null);
  }, [debouncedQ]);
  const filtered = !!(classKey || status.length || qParam);
  const canCreate = me.roles.some((r) => ['admin', 'service_manager', 'agent'].includes(r));

  return (
    <>
      <PageHeader
        title="Configuration items"
        description="Servers, applications, databases, services and everything else the CMDB records."
        actions={
          canCreate && (
            <Button component={Link} to="/cmdb/cis/new" leftSection={<IconPlus size={16} />}>
              New CI
            </Button>
          )
        }
      />
      <Group gap="sm" align="flex-end" wrap="wrap" mb="md" role="group" aria-label="Filters">
        <TextInput
          label="Search"
          placeholder="Name, hostname, serial or tag"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') set('q', q.trim() || null);
          }}
        />
        <Select
          label="Class"
          placeholder="Any class"
          searchable
          clearable
          data={classOptions(classes.data ?? [])}
          value={classKey ?? null}
          onChange={(v) => set('class', v)}
        />
        <MultiSelect
          label="Status"
          placeholder={status.length ? undefined : 'Any'}
          data={CI_STATUSES.map((s) => ({ value: s, label: CI_STATUS_LABELS[s] }))}
          value={status}
          onChange={(v) => set('status', v.join(',') || null)}
          clearable
        />
        {filtered && (
          <Button
            variant="subtle"
            leftSection={<IconFilterOff size={16} />}
            onClick={() => setParams(new URLSearchParams(), { replace: true })}
          >
            Clear filters
          </Button>
        )}
      </Group>
      <Paper p={0} style={{ overflow: 'hidden' }}>
        {list.isPending ? (
          <PageLoader label="Loading configuration items" />
        ) : list.isError ? (
          <ErrorState error={list.error} onRetry={() => list.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState title="No configuration items match">
            {filtered ? 'Try removing a filter.' : 'Create one, or import a file on the Import page.'}
          </EmptyState>
        ) : (
          <Table.ScrollContainer minWidth={900}>
            <Table verticalSpacing="xs" fz="sm" aria-label="Configuration items">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th w={170}>Class</Table.Th>
                  <Table.Th w={130}>Status</Table.Th>
                  <Table.Th w={170}>Support group</Table.Th>
                  <Table.Th w={150}>Owner</Table.Th>
                  <Table.Th w={140}>Location</Table.Th>
                  <Table.Th w={110}>Updated</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((ci) => (
                  <Table.Tr
                    key={ci.id}
                    className="queue-row"
                    onClick={(e) => {
                      if ((e.target as HTMLElement).closest('a')) return;
                      navigate(ciPath(ci.id));
                    }}
                  >
                    <Table.Td>
                      <Anchor component={Link} to={ciPath(ci.id)} fw={600} size="sm">
                        {ci.name}
                      </Anchor>
                      {typeof ci.attributes.hostname === 'string' && ci.attributes.hostname !== ci.name && (
                        <Text size="xs" c="dimmed">
                          {ci.attributes.hostname}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{ci.classLabel}</Table.Td>
                    <Table.Td>
                      <CiStatusBadge status={ci.status} />
                    </Table.Td>
                    <Table.Td>{ci.supportGroup?.name ?? '—'}</Table.Td>
                    <Table.Td>{ci.owner?.name ?? '—'}</Table.Td>
                    <Table.Td>{ci.location ?? '—'}</Table.Td>
                    <Table.Td>
                      <Time iso={ci.updatedAt} size="sm" />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      {items.length > 0 && (
        <Group justify="space-between" mt="sm">
          <Text size="sm" c="dimmed" aria-live="polite">
            Showing {items.length} item{items.length === 1 ? '' : 's'}
            {list.hasNextPage ? '' : ' (all)'}
          </Text>
          {list.hasNextPage && (
            <Center>
              <Button
                variant="default"
                onClick={() => list.fetchNextPage()}
                loading={list.isFetchingNextPage}
              >
                Load more
              </Button>
            </Center>
          )}
        </Group>
      )}
    </>
  );
}
