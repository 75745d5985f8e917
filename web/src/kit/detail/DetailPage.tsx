/**
 * A detail page: it waits for its item (loader, not-found, retryable error), then shows breadcrumbs
 * back to the list, the title with an optional dimmed prefix (a tag, a number), badges and a line of
 * facts, actions on the right, and the body the feature renders.
 */
import { Group, Stack, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiError } from '../../api/client.ts';
import { ErrorState, PageLoader, RecordNotFound } from '../../components/States.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { BackCrumbs } from '../nav/BackCrumbs.tsx';

export type Crumb = { to: string; label: string };

export type DetailHeaderProps = {
  /** The list this item belongs to, shown as the first breadcrumb. */
  back: Crumb;
  title: string;
  /** A dimmed identifier before the title (an asset tag, a record number). */
  prefix?: string;
  badges?: ReactNode;
  /** A short line of facts beside the badges. */
  meta?: ReactNode;
  actions?: ReactNode;
};

export function DetailHeader({ back, title, prefix, badges, meta, actions }: DetailHeaderProps) {
  useDocumentTitle(prefix ? `${prefix} ${title}` : title);
  return (
    <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
      <Stack gap={6} miw={0} maw="100%">
        <BackCrumbs to={back.to} label={back.label} here={prefix ?? title} />
        <Title order={1} size="h2">
          {prefix && (
            <Text span inherit c="dimmed">
              {prefix}{' '}
            </Text>
          )}
          {title}
        </Title>
        {(badges || meta) && (
          <Group gap="xs">
            {badges}
            {meta && (
              <Text size="sm" c="dimmed" component="div">
                {meta}
              </Text>
            )}
          </Group>
        )}
      </Stack>
      {actions && <Group gap="sm">{actions}</Group>}
    </Group>
  );
}

export function DetailPage<T>({
  query,
  what,
  back,
  header,
  children,
}: {
  query: UseQueryResult<T>;
  /** "asset", "contract": in the loader and the not-found message. */
  what: string;
  back: Crumb;
  header: (item: T) => Omit<DetailHeaderProps, 'back'>;
  children: (item: T) => ReactNode;
}) {
  if (query.isPending) return <PageLoader label={`Loading ${what}`} />;
  if (query.isError) {
    if (query.error instanceof ApiError && query.error.isNotFound)
      return (
        <RecordNotFound
          number={`this ${what}`}
          backTo={back.to}
          backLabel={`Back to ${back.label.toLowerCase()}`}
        />
      );
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  return (
    <Stack gap="lg">
      <DetailHeader back={back} {...header(query.data)} />
      {children(query.data)}
    </Stack>
  );
}
