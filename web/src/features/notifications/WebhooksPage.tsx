/**
 * Webhooks: endpoints administrators register per event type, their signing secret (shown once),
 * switching them on and off, and each endpoint's delivery log with redelivery.
 */
import {
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  MultiSelect,
  Paper,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { WebhookView, WebhookWithSecret } from '../../../../src/contracts/webhooks.ts';
import {
  useCreateWebhook,
  useDeleteWebhook,
  useNotificationEvents,
  useRedeliver,
  useRotateSecret,
  useUpdateWebhook,
  useWebhookDeliveries,
  useWebhooks,
} from '../../api/queries/notifications.ts';
import { TagBadges } from '../../components/Badges.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState, ErrorAlert } from '../../components/States.tsx';
import { ConfirmButton } from '../../kit/detail/ConfirmButton.tsx';
import { FormDialog } from '../../kit/form/FormDialog.tsx';
import { LoadedTable } from '../../kit/list/LoadedTable.tsx';
import { loadedItems } from '../../kit/list/loadedItems.ts';
import { MoreButton } from '../../kit/list/MoreButton.tsx';
import { Time } from '../../lib/time.tsx';
import { ApiErrorAlert } from './fieldErrors.tsx';

function useEventOptions() {
  const events = useNotificationEvents();
  return (events.data ?? []).map((e) => ({ value: e.key, label: `${e.label} (${e.key})` }));
}

function WebhookDialog({
  title,
  initial,
  submitLabel,
  pending,
  error,
  onSubmit,
  onClose,
}: {
  title: string;
  initial: { url: string; description: string; events: string[] };
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (v: { url: string; description: string; events: string[] }) => void;
  onClose: () => void;
}) {
  const [url, setUrl] = useState(initial.url);
  const [description, setDescription] = useState(initial.description);
  const [events, setEvents] = useState(initial.events);
  const options = useEventOptions();
  // What is missing is said on the fields once the dialog is submitted, not by a disabled button.
  const [tried, setTried] = useState(false);
  const missing = {
    url: url.trim() ? undefined : 'Enter the address to post to',
    events: events.length ? undefined : 'Choose at least one event',
  };
  return (
    <FormDialog
      title={title}
      size="lg"
      gap="sm"
      onClose={onClose}
      onSubmit={() => {
        setTried(true);
        if (!missing.url && !missing.events) onSubmit({ url: url.trim(), description, events });
      }}
      submitLabel={submitLabel}
      pending={pending}
    >
      <TextInput
        label="Endpoint URL"
        description="http:// or https://; requests time out and are retried with backoff."
        placeholder="https://example.com/hooks/steward"
        required
        value={url}
        onChange={(e) => setUrl(e.currentTarget.value)}
        error={tried && missing.url}
      />
      <TextInput
        label="Description"
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
      />
      <MultiSelect
        label="Events"
        required
        data={options}
        value={events}
        onChange={setEvents}
        searchable
        error={tried && missing.events}
      />
      <ApiErrorAlert error={error} title="The webhook was not saved" />
    </FormDialog>
  );
}

function SecretNotice({ hook, onClose }: { hook: WebhookWithSecret; onClose: () => void }) {
  return (
    <Alert
      color="yellow"
      title="Signing secret: copy it now"
      withCloseButton
      onClose={onClose}
      closeButtonLabel="Dismiss"
    >
      <Text size="sm" mb="xs">
        Steward signs each request to {hook.url} with this secret. It is shown only once.
      </Text>
      <Group gap="xs">
        <Code data-testid="webhook-secret">{hook.secret}</Code>
        <CopyButton value={hook.secret}>
          {({ copied, copy }) => (
            <Button size="compact-xs" variant="light" onClick={copy}>
              {copied ? 'Copied' : 'Copy'}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Alert>
  );
}

function Deliveries({ hook }: { hook: WebhookView }) {
  const log = useWebhookDeliveries(hook.id);
  const redeliver = useRedeliver(hook.id);
  return (
    <Paper withBorder p="md" mt="md" component="section" aria-label={`Deliveries to ${hook.url}`}>
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5">
          Deliveries to {hook.url}
        </Title>
        <Button size="compact-sm" variant="default" onClick={() => log.refetch()} loading={log.isFetching}>
          Refresh
        </Button>
      </Group>
      <ErrorAlert error={redeliver.error} title="Could not send again" />
      <LoadedTable
        query={log}
        label="Loading deliveries"
        rows={(data) => loadedItems(data)}
        empty={<EmptyState title="Nothing delivered yet" />}
        errorAlert="Deliveries could not be loaded"
        minWidth={760}
        verticalSpacing="xs"
        striped
        columns={['When', 'Event', 'Status', 'Attempts', 'Last answer', '']}
        cells={(d) => (
          <>
            <Table.Td>
              <Time iso={d.createdAt} mode="absolute" size="sm" />
            </Table.Td>
            <Table.Td>
              <Code>{d.event}</Code>
            </Table.Td>
            <Table.Td>
              <Badge
                variant="light"
                color={d.status === 'succeeded' ? 'teal' : d.status === 'failed' ? 'red' : 'blue'}
              >
                {d.status}
              </Badge>
            </Table.Td>
            <Table.Td>{d.attempts}</Table.Td>
            <Table.Td>
              <Text size="xs">{d.lastError ?? (d.lastStatusCode ? `HTTP ${d.lastStatusCode}` : '')}</Text>
            </Table.Td>
            <Table.Td>
              <Button
                size="compact-xs"
                variant="light"
                disabled={!hook.active}
                loading={redeliver.isPending && redeliver.variables === d.id}
                onClick={() =>
                  redeliver.mutate(d.id, {
                    onSuccess: () => notifications.show({ color: 'teal', message: 'Sent again' }),
                  })
                }
              >
                Send again
              </Button>
            </Table.Td>
          </>
        )}
      />
      <MoreButton query={log} mt="sm">
        Show more
      </MoreButton>
    </Paper>
  );
}

export function WebhooksPage() {
  const hooks = useWebhooks();
  const create = useCreateWebhook();
  const update = useUpdateWebhook();
  const remove = useDeleteWebhook();
  const rotate = useRotateSecret();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<WebhookView | null>(null);
  const [secret, setSecret] = useState<WebhookWithSecret | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const shown = hooks.data?.find((h) => h.id === selected) ?? null;
  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Signed JSON posts to other systems when events happen. See the documentation for verifying signatures."
        actions={<Button onClick={() => setCreating(true)}>Add webhook</Button>}
      />
      {secret && <SecretNotice hook={secret} onClose={() => setSecret(null)} />}
      <ErrorAlert error={update.error ?? rotate.error} title="The webhook was not changed" />
      <Paper p={0} mt="md" style={{ overflow: 'hidden' }}>
        <LoadedTable
          query={hooks}
          label="Loading webhooks"
          empty={<EmptyState title="No webhooks yet" />}
          minWidth={860}
          verticalSpacing="xs"
          columns={['Endpoint', 'Events', { label: 'On', w: 120 }, { label: 'Actions', w: 320 }]}
          cells={(h) => (
            <>
              <Table.Td>
                <Text size="sm" fw={500} style={{ wordBreak: 'break-all' }}>
                  {h.url}
                </Text>
                {h.description && (
                  <Text size="xs" c="dimmed">
                    {h.description}
                  </Text>
                )}
                {h.disabledReason && (
                  <Text size="xs" c="red.8">
                    {h.disabledReason}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <TagBadges tags={h.events} tt="none" />
              </Table.Td>
              <Table.Td>
                <Switch
                  aria-label={`${h.url} switched on`}
                  checked={h.active}
                  onChange={(e) =>
                    update.mutate({
                      id: h.id,
                      version: h.version,
                      input: {
                        url: h.url,
                        description: h.description,
                        events: h.events,
                        active: e.currentTarget.checked,
                      },
                    })
                  }
                />
              </Table.Td>
              <Table.Td>
                <Group gap={6}>
                  <Button size="compact-xs" variant="light" onClick={() => setSelected(h.id)}>
                    Deliveries
                  </Button>
                  <Button size="compact-xs" variant="default" onClick={() => setEditing(h)}>
                    Edit
                  </Button>
                  <Button
                    size="compact-xs"
                    variant="default"
                    onClick={() => rotate.mutate(h.id, { onSuccess: (w) => setSecret(w) })}
                  >
                    New secret
                  </Button>
                  <ConfirmButton
                    size="compact-xs"
                    label="Remove"
                    title="Remove webhook?"
                    confirmLabel="Remove"
                    errorTitle="Not removed"
                    mutation={remove}
                    vars={h.id}
                    onDone={() => selected === h.id && setSelected(null)}
                  >
                    Steward stops posting to {h.url} and forgets its delivery log.
                  </ConfirmButton>
                </Group>
              </Table.Td>
            </>
          )}
        />
      </Paper>
      {shown && <Deliveries key={shown.id} hook={shown} />}
      {creating && (
        <WebhookDialog
          title="Add webhook"
          initial={{ url: '', description: '', events: [] }}
          submitLabel="Add webhook"
          pending={create.isPending}
          error={create.error}
          onClose={() => setCreating(false)}
          onSubmit={(v) =>
            create.mutate(
              { ...v, active: true },
              {
                onSuccess: (w) => {
                  setCreating(false);
                  setSecret(w);
                },
              },
            )
          }
        />
      )}
      {editing && (
        <WebhookDialog
          title="Edit webhook"
          initial={editing}
          submitLabel="Save webhook"
          pending={update.isPending}
          error={update.error}
          onClose={() => setEditing(null)}
          onSubmit={(v) =>
            update.mutate(
              { id: editing.id, version: editing.version, input: { ...v, active: editing.active } },
              { onSuccess: () => setEditing(null) },
            )
          }
        />
      )}
    </>
  );
}
