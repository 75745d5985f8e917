/** Versions of an article and a readable diff between any two, by words or by lines. */
import { Group, NativeSelect, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { type ArticleDiff, useArticleDiff, useArticleVersions } from '../../api/queries/knowledge.ts';
import { ErrorState, PageLoader } from '../../components/States.tsx';
import { Loaded } from '../../kit/detail/Loaded.tsx';
import { DataTable } from '../../kit/list/DataTable.tsx';
import { Time } from '../../lib/time.tsx';

type Segments = ArticleDiff['body']['segments'];

const STYLE = {
  added: {
    background: 'var(--mantine-color-teal-1)',
    color: 'var(--mantine-color-teal-9)',
    textDecoration: 'none',
  },
  removed: { background: 'var(--mantine-color-red-1)', color: 'var(--mantine-color-red-9)' },
} as const;

/** Added text in <ins>, removed in <del>: colour and the elements' own meaning both tell. */
export function DiffText({ segments, label }: { segments: Segments; label: string }) {
  return (
    <Paper withBorder p="sm" aria-label={label}>
      <Text
        size="sm"
        component="div"
        style={{ whiteSpace: 'pre-wrap', fontFamily: 'var(--mantine-font-family-monospace)' }}
      >
        {segments.map((s, i) =>
          s.kind === 'added' ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional
            <ins key={i} style={STYLE.added}>
              {s.text}
            </ins>
          ) : s.kind === 'removed' ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional
            <del key={i} style={STYLE.removed}>
              {s.text}
            </del>
          ) : (
            // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional
            <span key={i}>{s.text}</span>
          ),
        )}
      </Text>
    </Paper>
  );
}

export function VersionsPanel({ articleId }: { articleId: string }) {
  const versions = useArticleVersions(articleId);
  const items = versions.data?.items ?? [];
  const newest = items[0]?.number ?? 0;
  const [from, setFrom] = useState(0);
  const [to, setTo] = useState(0);
  const [mode, setMode] = useState<'words' | 'lines'>('words');
  useEffect(() => {
    if (newest > 0 && to === 0) {
      setTo(newest);
      setFrom(Math.max(1, newest - 1));
    }
  }, [newest, to]);
  const diff = useArticleDiff(articleId, from, to, mode);
  if (versions.isPending) return <PageLoader label="Loading versions" />;
  if (versions.isError) return <ErrorState error={versions.error} onRetry={() => versions.refetch()} />;
  const options = items.map((v) => ({ value: String(v.number), label: `Version ${v.number}` }));
  return (
    <Stack>
      <DataTable aria-label="Versions" columns={['Version', 'Title', 'Note', 'By', 'When']}>
        {items.map((v) => (
          <Table.Tr key={v.number}>
            <Table.Td>{v.number}</Table.Td>
            <Table.Td>{v.title}</Table.Td>
            <Table.Td>{v.note || '—'}</Table.Td>
            <Table.Td>{v.createdBy?.name ?? '—'}</Table.Td>
            <Table.Td>
              <Time iso={v.createdAt} size="sm" />
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      {items.length < 2 ? (
        <Text size="sm" c="dimmed">
          There is one version so far. Editing the published article adds the next one.
        </Text>
      ) : (
        <Stack gap="sm">
          <Title order={3} size="h5">
            Compare versions
          </Title>
          <Group align="flex-end">
            <NativeSelect
              label="From"
              data={options}
              value={String(from)}
              onChange={(e) => setFrom(Number(e.currentTarget.value))}
            />
            <NativeSelect
              label="To"
              data={options}
              value={String(to)}
              onChange={(e) => setTo(Number(e.currentTarget.value))}
            />
            <SegmentedControl
              aria-label="Compare by"
              value={mode}
              onChange={(v) => setMode(v === 'lines' ? 'lines' : 'words')}
              data={[
                { value: 'words', label: 'Words' },
                { value: 'lines', label: 'Lines' },
              ]}
            />
          </Group>
          {from === to ? (
            <Text size="sm" c="dimmed">
              Choose two different versions.
            </Text>
          ) : (
            <Loaded query={diff} label="Comparing">
              {(data) => (
                <Stack gap="xs" aria-label="Differences">
                  <Text size="sm">
                    {data.body.added} {mode} added, {data.body.removed} removed in the body
                    {data.title.changed ? '; the title changed' : ''}
                    {data.summary.changed ? '; the summary changed' : ''}.
                  </Text>
                  {data.title.changed && <DiffText label="Title changes" segments={data.title.segments} />}
                  {data.summary.changed && (
                    <DiffText label="Summary changes" segments={data.summary.segments} />
                  )}
                  <DiffText label="Body changes" segments={data.body.segments} />
                </Stack>
              )}
            </Loaded>
          )}
        </Stack>
      )}
    </Stack>
  );
}
