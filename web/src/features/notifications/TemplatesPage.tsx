/**
 * Administration of notifications: every event with who is told (its rule) and its templates per
 * channel, edited with a live preview on a sample record.
 */
import {
  Badge,
  Button,
  Code,
  Grid,
  Group,
  MultiSelect,
  NavLink,
  Paper,
  Stack,
  Switch,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import type {
  NotificationChannel,
  NotificationEventView,
  TemplateView,
} from '../../../../src/contracts/notifications.ts';
import { RECIPIENT_PARTIES, RECIPIENT_PARTY_LABELS } from '../../../../src/domain/notify/recipients.ts';
import {
  useNotificationEvents,
  usePreview,
  useResetTemplate,
  useSaveRule,
  useSaveTemplate,
} from '../../api/queries/notifications.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ErrorState, PageLoader } from '../../components/States.tsx';
import { SourceTextarea } from '../../kit/form/SourceTextarea.tsx';
import { optionsOf } from '../../lib/labels.ts';
import { ApiErrorAlert } from './fieldErrors.tsx';

const PARTY_OPTIONS = optionsOf(RECIPIENT_PARTIES, RECIPIENT_PARTY_LABELS);
const CHANNEL_LABELS: Record<NotificationChannel, string> = { in_app: 'In-app', email: 'Email' };

function RuleEditor({ event }: { event: NotificationEventView }) {
  const [enabled, setEnabled] = useState(event.rule.enabled);
  const [parties, setParties] = useState<string[]>(event.rule.parties ?? []);
  const save = useSaveRule(event.key);
  const named = event.defaultParties === null;
  return (
    <Paper p="md" withBorder>
      <Title order={3} size="h5" mb="xs">
        Who is told
      </Title>
      <Stack gap="sm">
        <Switch
          label="Send notifications for this event"
          checked={enabled}
          onChange={(e) => setEnabled(e.currentTarget.checked)}
        />
        {named && (
          <Text size="sm" c="dimmed">
            The cause names the people told (the lifecycle transition's notify effects, the escalation policy,
            the approvers asked). Parties chosen here are told as well.
          </Text>
        )}
        <MultiSelect
          label={named ? 'Also tell' : 'Parties'}
          data={PARTY_OPTIONS}
          value={parties}
          onChange={setParties}
          clearable
        />
        {event.internal && (
          <Text size="sm" c="dimmed">
            Internal: only people who may read internal notes are told, never the requester.
          </Text>
        )}
        <ApiErrorAlert error={save.error} title="The rule was not saved" />
        <Group>
          <Button
            loading={save.isPending}
            onClick={() =>
              save.mutate(
                {
                  input: { enabled, parties: parties as NotificationEventView['defaultParties'] },
                  version: event.rule.version,
                },
                { onSuccess: () => notifications.show({ color: 'teal', message: 'Rule saved' }) },
              )
            }
          >
            Save rule
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function TemplateEditor({ event, template }: { event: NotificationEventView; template: TemplateView }) {
  const channel = template.channel;
  const [subject, setSubject] = useState(template.subject);
  const [body, setBody] = useState(template.body);
  const [html, setHtml] = useState(template.html ?? '');
  const input = { channel, subject, body, html: channel === 'email' && html.trim() ? html : null };
  const [debounced] = useDebouncedValue(input, 300);
  const preview = usePreview(event.key, debounced, subject.trim() !== '' && body.trim() !== '');
  const save = useSaveTemplate(event.key, channel);
  const reset = useResetTemplate(event.key, channel);
  const label = CHANNEL_LABELS[channel];
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, lg: 6 }}>
        <Stack gap="sm">
          <Group gap="xs">
            <Badge variant="light" color={template.overridden ? 'grape' : 'gray'}>
              {template.overridden ? `Customised (version ${template.version})` : 'Shipped default'}
            </Badge>
          </Group>
          <TextInput
            label={`${label} subject`}
            value={subject}
            onChange={(e) => setSubject(e.currentTarget.value)}
          />
          <SourceTextarea
            label={channel === 'email' ? 'Email text (plain-text part)' : 'In-app text'}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            minRows={5}
            maxRows={16}
          />
          {channel === 'email' && (
            <SourceTextarea
              label="Email HTML (optional)"
              description="Leave empty to send the text as simple HTML. Values are escaped."
              value={html}
              onChange={(e) => setHtml(e.currentTarget.value)}
              minRows={3}
              maxRows={16}
            />
          )}
          <Text size="xs" c="dimmed">
            Variables:{' '}
            {event.variables.map((v) => (
              <Code key={v} mr={4}>{`{{${v}}}`}</Code>
            ))}
            <br />
            Sections: <Code>{'{{#comment}}…{{/comment}}'}</Code> shows only when the value is set,{' '}
            <Code>{'{{^assignee}}…{{/assignee}}'}</Code> only when it is not.
          </Text>
          <ApiErrorAlert error={save.error ?? reset.error} title="The template was not saved" />
          <Group>
            <Button
              loading={save.isPending}
              onClick={() =>
                save.mutate(
                  { input: { subject, body, html: input.html }, version: template.version },
                  {
                    onSuccess: () =>
                      notifications.show({ color: 'teal', message: `${label} template saved` }),
                  },
                )
              }
            >
              Save {label.toLowerCase()} template
            </Button>
            {template.overridden && (
              <Button
                variant="default"
                loading={reset.isPending}
                onClick={() =>
                  reset.mutate(undefined, {
                    onSuccess: (t) => {
                      setSubject(t.subject);
                      setBody(t.body);
                      setHtml(t.html ?? '');
                      notifications.show({ color: 'teal', message: 'Back to the shipped template' });
                    },
                  })
                }
              >
                Reset to default
              </Button>
            )}
          </Group>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 6 }}>
        <Paper withBorder p="md" component="section" aria-label={`${label} preview`}>
          <Title order={3} size="h5" mb="xs">
            Preview on a sample record
          </Title>
          {preview.isError ? (
            <ApiErrorAlert error={preview.error} title="This template cannot be rendered" />
          ) : preview.data ? (
            <Stack gap="xs">
              <Text fw={600} data-testid="preview-subject">
                {preview.data.subject}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="preview-body">
                {preview.data.body}
              </Text>
              {preview.data.html && (
                <iframe
                  title={`${label} HTML preview`}
                  sandbox=""
                  srcDoc={preview.data.html}
                  style={{
                    width: '100%',
                    minHeight: 220,
                    border: '1px solid var(--mantine-color-gray-3)',
                    borderRadius: 4,
                  }}
                />
              )}
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              Type a subject and a text to see the preview.
            </Text>
          )}
        </Paper>
      </Grid.Col>
    </Grid>
  );
}

function EventPanel({ event }: { event: NotificationEventView }) {
  return (
    <Stack gap="md">
      <div>
        <Title order={2} size="h3">
          {event.label}
        </Title>
        <Text c="dimmed" size="sm">
          {event.description} <Code>{event.key}</Code>
        </Text>
      </div>
      <RuleEditor key={`rule-${event.rule.version}`} event={event} />
      <Tabs defaultValue="in_app" keepMounted={false}>
        <Tabs.List>
          {event.templates.map((t) => (
            <Tabs.Tab key={t.channel} value={t.channel}>
              {CHANNEL_LABELS[t.channel]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {event.templates.map((t) => (
          <Tabs.Panel key={t.channel} value={t.channel} pt="md">
            <TemplateEditor key={`${t.channel}-${t.version}`} event={event} template={t} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}

export function TemplatesPage() {
  const events = useNotificationEvents();
  const { event: key } = useParams();
  const navigate = useNavigate();
  if (events.isPending) return <PageLoader label="Loading notification events" />;
  if (events.isError) return <ErrorState error={events.error} onRetry={() => events.refetch()} />;
  const selected = events.data.find((e) => e.key === key) ?? events.data[0];
  return (
    <>
      <PageHeader
        title="Notifications"
        description="Who hears of what, and the words they get in the app and by mail."
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 3 }}>
          <Paper p="xs" withBorder component="nav" aria-label="Notification events">
            {events.data.map((e) => (
              <NavLink
                key={e.key}
                label={e.label}
                description={e.rule.enabled ? undefined : 'Off'}
                active={e.key === selected?.key}
                onClick={() => navigate(`/admin/notifications/${encodeURIComponent(e.key)}`)}
              />
            ))}
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 9 }}>
          {selected && <EventPanel key={selected.key} event={selected} />}
        </Grid.Col>
      </Grid>
    </>
  );
}
