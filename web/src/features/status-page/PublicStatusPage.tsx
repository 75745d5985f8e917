/**
 * The public status page (`/status`): no sign-in, outside the app's frame. The overall status,
 * each published service with its status, 90 days of bars and uptime, what is going on with its
 * updates, planned maintenance, past disruptions, subscribing by e-mail and the feeds.
 */
import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconRss } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { ApiError, errorMessage } from '../../api/client.ts';
import { ErrorAlert, PageLoader } from '../../components/States.tsx';
import { namedOption } from '../../kit/form/namedOptions.ts';
import { SubmitForm } from '../../kit/form/SubmitForm.tsx';
import { PublicFrame } from '../../layout/PublicFrame.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { type PublicStatus, subscribe, usePublicStatus } from './queries.ts';
import { DayBars, STATUS_COLOURS, STATUS_LABELS, StatusBadge, UpdateTimeline } from './StatusBits.tsx';

const fmt = (iso: string) =>
  new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

function Subscribe({ services }: { services: PublicStatus['services'] }) {
  const [email, setEmail] = useState('');
  const [serviceId, setServiceId] = useState<string | null>(null);
  const [state, setState] = useState<{ done?: string; error?: unknown; pending?: boolean }>({});
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="subscribe-title">
      <Title order={2} size="h4" id="subscribe-title" mb="xs">
        Get updates by e-mail
      </Title>
      {state.done ? (
        <Alert color="green" title="Almost there">
          {state.done}
        </Alert>
      ) : (
        <SubmitForm
          onSubmit={() => {
            setState({ pending: true });
            subscribe(email, serviceId)
              .then((r) => setState({ done: r.message }))
              .catch((error: unknown) => setState({ error }));
          }}
        >
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              label="E-mail address"
              type="email"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              style={{ flex: '1 1 220px' }}
            />
            <Select
              label="Service"
              placeholder="Every service"
              clearable
              data={services.map(namedOption)}
              value={serviceId}
              onChange={setServiceId}
              style={{ flex: '1 1 180px' }}
            />
            <Button type="submit" loading={state.pending}>
              Subscribe
            </Button>
          </Group>
          {state.error !== undefined && (
            <Text c="red" size="sm" mt="xs" role="alert">
              {errorMessage(state.error)}
            </Text>
          )}
          <Text size="xs" c="dimmed" mt="xs">
            We send a confirmation link first; nothing else arrives until you use it. Every message has an
            unsubscribe link.
          </Text>
        </SubmitForm>
      )}
    </Paper>
  );
}

/** A part of the page under its heading, which names it. */
function PageSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Stack gap="sm" component="section" aria-labelledby={id}>
      <Title order={2} size="h3" id={id}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}

function Events({
  title,
  events,
  id,
  empty,
}: {
  title: string;
  events: PublicStatus['active'];
  id: string;
  empty?: string;
}) {
  if (events.length === 0 && !empty) return null;
  return (
    <PageSection id={id} title={title}>
      {events.length === 0 ? (
        <Text c="dimmed">{empty}</Text>
      ) : (
        events.map((e) => (
          <Card key={e.key} withBorder padding="md" component="article" aria-label={e.title}>
            <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
              <Title order={3} size="h4">
                {e.title}
              </Title>
              {e.kind === 'incident' || e.status !== 'operational' ? <StatusBadge status={e.status} /> : null}
            </Group>
            <Text size="sm" c="dimmed" mb="sm">
              {e.startedAt ? `${e.kind === 'maintenance' ? 'From' : 'Since'} ${fmt(e.startedAt)}` : ''}
              {e.endsAt ? ` until ${fmt(e.endsAt)}` : ''}
            </Text>
            {(e.kind === 'incident' || e.updates.length > 0) && (
              <UpdateTimeline updates={e.updates} fmt={fmt} />
            )}
          </Card>
        ))
      )}
    </PageSection>
  );
}

function Page({ page }: { page: PublicStatus }) {
  useDocumentTitle(page.title);
  return (
    <Stack gap="xl">
      <Paper
        p="lg"
        radius="md"
        role="status"
        aria-live="polite"
        style={{ background: `var(--mantine-color-${STATUS_COLOURS[page.status]}-light)` }}
      >
        <Title order={2} size="h3">
          {page.statusLabel}
        </Title>
        <Text size="sm" c="dimmed">
          Updated {fmt(page.generatedAt)}
        </Text>
      </Paper>
      <Events title="Going on now" id="active" events={page.active} />
      <PageSection id="services" title="Services">
        {page.services.map((s) => (
          <Card key={s.id} withBorder padding="md" component="article" aria-label={s.name}>
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Stack gap={0}>
                <Title order={3} size="h5">
                  {s.name}
                </Title>
                {s.description && (
                  <Text size="sm" c="dimmed">
                    {s.description}
                  </Text>
                )}
              </Stack>
              <StatusBadge status={s.status} />
            </Group>
            {s.note && (
              <Text size="sm" mt={4}>
                {s.note}
              </Text>
            )}
            <DayBars days={s.days} label={`${s.name}: the last 90 days`} />
            <Group justify="space-between" mt={4}>
              <Text size="xs" c="dimmed">
                90 days ago
              </Text>
              <Text size="xs" c="dimmed">
                {s.uptime90 === null ? 'No data yet' : `${s.uptime90.toFixed(2)} % uptime`}
              </Text>
              <Text size="xs" c="dimmed">
                Today
              </Text>
            </Group>
          </Card>
        ))}
      </PageSection>
      <Events title="Planned maintenance" id="planned" events={page.planned} empty="Nothing planned." />
      <PageSection id="history" title="Past incidents (90 days)">
        {page.history.length === 0 ? (
          <Text c="dimmed">No disruptions in the last 90 days.</Text>
        ) : (
          page.history.map((h) => (
            <Card
              key={h.id}
              withBorder
              padding="md"
              component="article"
              aria-label={`${h.serviceName}: ${h.cause}`}
            >
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Text fw={600}>{h.cause || STATUS_LABELS[h.status]}</Text>
                <StatusBadge status={h.status} size="sm" />
              </Group>
              <Text size="sm" c="dimmed" mb={h.updates.length ? 'sm' : 0}>
                {h.serviceName} · {fmt(h.startedAt)} – {fmt(h.endedAt)}
              </Text>
              {h.updates.length > 0 && <UpdateTimeline updates={h.updates} fmt={fmt} />}
            </Card>
          ))
        )}
      </PageSection>
      <Subscribe services={page.services} />
      <Group gap="md">
        <Anchor href="/api/v1/public/status/feed.atom" size="sm">
          <IconRss size={14} aria-hidden /> Atom feed
        </Anchor>
        <Anchor href="/api/v1/public/status/feed.rss" size="sm">
          <IconRss size={14} aria-hidden /> RSS feed
        </Anchor>
      </Group>
    </Stack>
  );
}

export function PublicStatusFrame({
  title = 'Service status',
  children,
}: {
  title?: string;
  children: ReactNode;
}) {
  return (
    <PublicFrame suffix="Status" size="md" title={title}>
      {children}
    </PublicFrame>
  );
}

export function PublicStatusPage() {
  const q = usePublicStatus();
  return (
    <PublicStatusFrame title={q.data?.title}>
      {q.isPending ? (
        <PageLoader label="Loading the status" />
      ) : q.isError ? (
        q.error instanceof ApiError && q.error.status === 404 ? (
          <Alert color="gray" title="No status page">
            This organisation does not publish a status page.
          </Alert>
        ) : (
          <ErrorAlert error={q.error} title="The status could not be loaded" />
        )
      ) : (
        <Page page={q.data} />
      )}
    </PublicStatusFrame>
  );
}
