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

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <Center py={64}>
      <Stack align="center" maw={520} gap="sm">
        <ThemeIcon size={56} radius="xl" color="red" variant="light">
          <IconAlertTriangle size={30} />
        </ThemeIcon>
        <Title order={2}>We could not load this page</Title>
        <Text c="dimmed" ta="center">
          {errorMessage(error)}
        </Text>
        {onRetry && <Button onClick={onRetry}>Try again</Button>}
      </Stack>
    </Center>
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
    <Center py={64}>
      <Stack align="center" maw={520} gap="sm">
        <ThemeIcon size={56} radius="xl" color="gray" variant="light">
          <IconSearchOff size={30} />
        </ThemeIcon>
        <Title order={2}>Not found or not visible to you</Title>
        <Text c="dimmed" ta="center">
          We could not find {number}. It may not exist, or it belongs to someone else and is not shared with
          you. Check the number or ask the service desk.
        </Text>
        <Button component={Link} to={backTo} variant="light">
          {backLabel}
        </Button>
      </Stack>
    </Center>
  );
}

export function Forbidden({ what = 'this page' }: { what?: string }) {
  return (
    <Center py={64}>
      <Stack align="center" maw={520} gap="sm">
        <ThemeIcon size={56} radius="xl" color="gray" variant="light">
          <IconLock size={30} />
        </ThemeIcon>
        <Title order={2}>No access</Title>
        <Text c="dimmed" ta="center">
          Your roles do not give you access to {what}. Ask an administrator if you need it.
        </Text>
        <Button component={Link} to="/" variant="light">
          Go to the start page
        </Button>
      </Stack>
    </Center>
  );
}

export function NotFoundPage() {
  return (
    <Center py={64}>
      <Stack align="center" maw={520} gap="sm">
        <ThemeIcon size={56} radius="xl" color="gray" variant="light">
          <IconSearchOff size={30} />
        </ThemeIcon>
        <Title order={2}>Page not found</Title>
        <Text c="dimmed" ta="center">
          There is no page at this address.
        </Text>
        <Group>
          <Button component={Link} to="/" variant="light">
            Go to the start page
          </Button>
        </Group>
      </Stack>
    </Center>
  );
}
