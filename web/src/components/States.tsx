/** Loading, empty, error and not-found states shared by every page. */
import { Alert, Button, Center, Group, Loader, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconLock, IconMoodEmpty, IconSearchOff } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { ApiError, errorMessage } from '../api/client.ts';

export function PageLoader({ label = 'Loading' }: { label?: string }) {
  return (
    <Center py="xl">
      {/* A status, so the label is announced (a bare span may not carry one). */}
      <Loader role="status" aria-label={label} />
    </Center>
  );
}

export function ErrorAlert({ error, title = 'Something went wrong' }: { error: unknown; title?: string }) {
  if (!error) return null;
  const t = error instanceof ApiError && error.status === 429 ? 'Too many attempts' : title;
  return (
    <Alert color="red" title={t} icon={<IconAlertTriangle size={18} />} role="alert">
      {errorMessage(error)}
    </Alert>
  );
}

/** A whole-page state: a big icon, a heading, a line of explanation and what to do next. */
function PageState({
  icon,
  color,
  title,
  children,
  action,
}: {
  icon: ReactNode;
  color: 'red' | 'gray';
  title: string;
  children: ReactNode;
  action?: ReactNode;
}) {
  return (
    <Center py={64}>
      <Stack align="center" maw={520} gap="sm">
        <ThemeIcon size={56} radius="xl" color={color} variant="light">
          {icon}
        </ThemeIcon>
        <Title order={2}>{title}</Title>
        <Text c="dimmed" ta="center">
          {children}
        </Text>
        {action}
      </Stack>
    </Center>
  );
}

const homeButton = (
  <Button component={Link} to="/" variant="light">
    Go to the start page
  </Button>
);

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <PageState
      icon={<IconAlertTriangle size={30} />}
      color="red"
      title="We could not load this page"
      action={onRetry && <Button onClick={onRetry}>Try again</Button>}
    >
      {errorMessage(error)}
    </PageState>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <Center py={48}>
      <Stack align="center" gap={6} maw={480}>
        <ThemeIcon size={48} radius="xl" color="gray" variant="light">
          <IconMoodEmpty size={26} />
        </ThemeIcon>
        <Text fw={600}>{title}</Text>
        {children && (
          <Text c="dimmed" size="sm" ta="center">
            {children}
          </Text>
        )}
      </Stack>
    </Center>
  );
}

/** A record that does not exist or that the API will not show to this user (it answers 404 for both). */
export function RecordNotFound({
  number,
  backTo,
  backLabel,
}: {
  number: string;
  backTo: string;
  backLabel: string;
}) {
  return (
    <PageState
      icon={<IconSearchOff size={30} />}
      color="gray"
      title="Not found or not visible to you"
      action={
        <Button component={Link} to={backTo} variant="light">
          {backLabel}
        </Button>
      }
    >
      We could not find {number}. It may not exist, or it belongs to someone else and is not shared with you.
      Check the number or ask the service desk.
    </PageState>
  );
}

export function Forbidden({ what = 'this page' }: { what?: string }) {
  return (
    <PageState icon={<IconLock size={30} />} color="gray" title="No access" action={homeButton}>
      Your roles do not give you access to {what}. Ask an administrator if you need it.
    </PageState>
  );
}

export function NotFoundPage() {
  return (
    <PageState
      icon={<IconSearchOff size={30} />}
      color="gray"
      title="Page not found"
      action={<Group>{homeButton}</Group>}
    >
      There is no page at this address.
    </PageState>
  );
}
