/**
 * The bell in the top bar: the signed-in person's notifications (escalations, and whatever else
 * tells them about a record), newest first, with the unread count; opening one marks it read.
 */
import {
  ActionIcon,
  Button,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { Notification, NotificationPage } from '../../../../src/contracts/notifications.ts';
import { api } from '../../api/client.ts';
import { useMe } from '../../auth/session.tsx';
import { ErrorAlert } from '../../components/States.tsx';
import { isPortalUser } from '../../lib/faces.ts';
import { Time } from '../../lib/time.tsx';
import { recordPath } from '../../records/registry.ts';

const KEY = ['notifications'] as const;

export function NotificationsMenu() {
  const me = useMe();
  const portal = isPortalUser(me);
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [opened, setOpened] = useState(false);
  const list = useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) => api.get<NotificationPage>('/notifications', { limit: 20 }, signal),
    // New notifications arrive over the live stream (see records/live.ts).
  });
  const refresh = () => qc.invalidateQueries({ queryKey: KEY });
  const markRead = useMutation({
    mutationFn: (id: string) => api.post<Notification>(`/notifications/${id}/read`),
    onSuccess: refresh,
  });
  const markAll = useMutation({
    mutationFn: () => api.post<{ marked: number }>('/notifications/read-all'),
    onSuccess: refresh,
  });
  const unread = list.data?.unreadCount ?? 0;
  const items = list.data?.items ?? [];
  const open = (n: Notification) => {
    if (!n.readAt) markRead.mutate(n.id);
    setOpened(false);
    if (n.record) navigate(recordPath(n.record.type, n.record.number, portal));
  };
  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      position="bottom-end"
      width="min(360px, calc(100vw - 16px))"
      shadow="md"
      transitionProps={{ duration: 0 }}
    >
      <Popover.Target>
        <ActionIcon
          variant="subtle"
          size="lg"
          aria-label={unread ? `Notifications, ${unread} unread` : 'Notifications'}
          onClick={() => setOpened((o) => !o)}
        >
          <Indicator label={unread} size={16} disabled={unread === 0} offset={2} color="red">
            <IconBell size={20} />
          </Indicator>
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown p="xs" aria-label="Notifications">
        <Group justify="space-between" px="xs" pb="xs">
          <Text fw={600} size="sm">
            Notifications
          </Text>
          <Button
            size="compact-xs"
            variant="subtle"
            disabled={unread === 0}
            loading={markAll.isPending}
            onClick={() => markAll.mutate()}
          >
            Mark all read
          </Button>
        </Group>
        {list.isError && <ErrorAlert error={list.error} title="Notifications could not be loaded" />}
        {list.data && items.length === 0 && (
          <Text size="sm" c="dimmed" px="xs" pb="xs">
            Nothing to tell you yet.
          </Text>
        )}
        <ScrollArea.Autosize mah={420}>
          <Stack gap={2}>
            {items.map((n) => (
              <UnstyledButton
                key={n.id}
                onClick={() => open(n)}
                px="xs"
                py={6}
                style={{
                  borderRadius: 6,
                  // Unread: a bar in the accent colour (a tinted background would cost the grey text its contrast).
                  borderLeft: `3px solid ${n.readAt ? 'transparent' : 'var(--mantine-color-blue-6)'}`,
                }}
              >
                <Text size="sm" fw={n.readAt ? 400 : 600} lineClamp={2}>
                  {n.subject}
                </Text>
                {n.body && (
                  <Text size="xs" c="dimmed" lineClamp={3}>
                    {n.body}
                  </Text>
                )}
                <Text size="xs" c="dimmed">
                  <Time iso={n.createdAt} />
                </Text>
              </UnstyledButton>
            ))}
          </Stack>
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}
