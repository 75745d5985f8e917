/**
 * The frame of a record page: loading, not found and error states; the header; banners; a column
 * of fields and panels beside the one activity stream; and the page's keyboard shortcuts.
 */
import { Grid, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiError } from '../../api/client.ts';
import { useActivity } from '../../api/queries/records.ts';
import { ErrorState, PageLoader, RecordNotFound } from '../../components/States.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { ActivityStream } from './ActivityStream.tsx';
import { CommentBox } from './CommentBox.tsx';
import type { RecordView } from './types.ts';
import { useResolvers } from './useResolvers.ts';

/** Loading, not found and failure for a record's query; the page itself once it is there. */
export function RecordGate<R extends RecordView>({
  query,
  number,
  noun,
  back,
  children,
}: {
  query: UseQueryResult<R>;
  /** The number (or id) from the URL. */
  number: string;
  noun: string;
  back: { label: string; to: string };
  children: (rec: R) => ReactNode;
}) {
  const rec = query.data;
  useDocumentTitle(rec ? `${rec.number} ${rec.title}` : number.toUpperCase());
  if (query.isPending) return <PageLoader label={`Loading ${noun}`} />;
  if (query.isError) {
    if (query.error instanceof ApiError && query.error.isNotFound)
      return <RecordNotFound number={number.toUpperCase()} backTo={back.to} backLabel={back.label} />;
    return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  }
  return rec ? children(rec) : null;
}

export function RecordLayout({
  header,
  banners,
  side,
  activity,
  requester = false,
}: {
  header: ReactNode;
  banners?: ReactNode;
  /** Fields and panels. */
  side: ReactNode;
  activity: ReactNode;
  /** Requesters read the conversation first; the facts sit beside it. */
  requester?: boolean;
}) {
  return (
    <Stack gap="lg">
      {header}
      {banners}
      <Grid gap="lg" align="flex-start">
        <Grid.Col span={{ base: 12, lg: requester ? 4 : 5 }} order={{ base: 1, lg: requester ? 2 : 1 }}>
          <Stack gap="md">{side}</Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: requester ? 8 : 7 }} order={{ base: 2, lg: requester ? 1 : 2 }}>
          <Stack gap="md">{activity}</Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** The comment box above the record's activity, newest first. */
export function ActivityPanel({
  rec,
  noun,
  title = 'Activity',
  hiddenFields,
  directory,
  onChanged,
}: {
  rec: RecordView;
  noun: string;
  title?: string;
  /** Field changes requesters do not see (internal routing). */
  hiddenFields?: ReadonlySet<string>;
  /** Whether the user may read the directory and lifecycle (to name people, groups and states). */
  directory: boolean;
  onChanged?: () => void;
}) {
  const activity = useActivity(rec.id);
  const items = (activity.data ?? []).filter((i) => i.kind !== 'change' || !hiddenFields?.has(i.field));
  const resolvers = useResolvers(items, directory);
  return (
    <>
      <Title order={2} size="h4">
        {title}
      </Title>
      <CommentBox rec={rec} onSaved={onChanged} />
      {activity.isPending ? (
        <PageLoader label="Loading activity" />
      ) : activity.isError ? (
        <ErrorState error={activity.error} onRetry={() => activity.refetch()} />
      ) : (
        <ActivityStream items={items} resolvers={resolvers} reverse noun={noun} />
      )}
    </>
  );
}

/** A step or change was refused with 412: say so, and load the latest version. */
export function staleHandler(rec: RecordView, noun: string, reload: () => unknown) {
  return () => {
    notifications.show({
      color: 'orange',
      title: `Someone else changed this ${noun}`,
      message: `${rec.number} was changed since you opened it. We loaded the latest version; please try again.`,
    });
    void reload();
  };
}
