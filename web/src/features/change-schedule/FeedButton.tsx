/**
 * The personal iCalendar feed: create (or replace) the secret subscription address, copy it, or
 * revoke it. The address is shown once, when made; the server keeps only its hash.
 */
import { Button, CopyButton, Group, Popover, Stack, Text, TextInput } from '@mantine/core';
import { IconCalendarShare, IconCheck, IconCopy } from '@tabler/icons-react';
import { ErrorAlert } from '../../components/States.tsx';
import { Time } from '../../lib/time.tsx';
import { useFeedToken } from './api.ts';

export function FeedButton() {
  const { status, create, revoke } = useFeedToken();
  const url = create.data ? `${window.location.origin}${create.data.path}` : null;
  const active = status.data?.active ?? false;
  return (
    <Popover width={440} position="bottom-end" withArrow trapFocus>
      <Popover.Target>
        <Button variant="default" leftSection={<IconCalendarShare size={16} aria-hidden />}>
          Calendar feed
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="sm">
          <Text size="sm">
            Subscribe to the change calendar from your own calendar program with a secret address. Anyone with
            the address sees what you see: keep it to yourself, and revoke it if it leaks.
          </Text>
          {url ? (
            <>
              <TextInput
                label="Your feed address"
                value={url}
                readOnly
                onFocus={(e) => e.currentTarget.select()}
              />
              <CopyButton value={url}>
                {({ copied, copy }) => (
                  <Button
                    onClick={copy}
                    color={copied ? 'teal' : undefined}
                    leftSection={
                      copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />
                    }
                  >
                    {copied ? 'Copied' : 'Copy feed address'}
                  </Button>
                )}
              </CopyButton>
              <Text size="xs" c="dimmed">
                Shown once: make a new one if you lose it.
              </Text>
            </>
          ) : active ? (
            <Text size="sm" c="dimmed">
              You have a feed address, made <Time iso={status.data?.createdAt ?? null} />
              {status.data?.lastUsedAt ? (
                <>
                  , last read <Time iso={status.data.lastUsedAt} />
                </>
              ) : null}
              . Make a new one to see it again (the old one stops working).
            </Text>
          ) : null}
          <ErrorAlert error={create.error ?? revoke.error} title="Not done" />
          <Group gap="xs">
            <Button
              variant={url ? 'default' : 'filled'}
              loading={create.isPending}
              onClick={() => create.mutate()}
            >
              {active ? 'Make a new address' : 'Make my feed address'}
            </Button>
            {active && (
              <Button variant="subtle" color="red" loading={revoke.isPending} onClick={() => revoke.mutate()}>
                Revoke
              </Button>
            )}
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
