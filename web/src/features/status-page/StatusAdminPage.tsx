/**
 * The status page for the service desk (`/status-page`): turn it on or off, choose the services
 * it shows, override a status, write updates (an incident's timeline or a notice), and see who
 * follows it.
 */
import {
  Anchor,
  Button,
  Card,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type ReactNode, useState } from 'react';
import { UPDATE_PHASES } from '../../../../src/contracts/status-page.ts';
import { useMajorIncidents } from '../../api/queries/process.ts';
import { useServiceChoices } from '../../api/queries/serviceLevels.ts';
import type { User } from '../../api/types.ts';
import { userCan } from '../../auth/can.ts';
import { useMe } from '../../auth/session.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState, ErrorAlert, Forbidden } from '../../components/States.tsx';
import { Loaded } from '../../kit/detail/Loaded.tsx';
import { namedOption } from '../../kit/form/namedOptions.ts';
import { SubmitForm } from '../../kit/form/SubmitForm.tsx';
import { useDraftForm } from '../../kit/form/useDraftForm.ts';
import { DataTable } from '../../kit/list/DataTable.tsx';
import { LoadedRows } from '../../kit/list/LoadedRows.tsx';
import { humanOptions, optionsOf } from '../../lib/labels.ts';
import { Time } from '../../lib/time.tsx';
import {
  type PublishedServiceView,
  type StatusSettingsView,
  useCreateStatusUpdate,
  usePublishedServices,
  usePublishService,
  useSaveStatusSettings,
  useSetOverride,
  useStatusSettings,
  useStatusUpdates,
  useSubscriptionOverview,
  useUnpublishService,
} from './queries.ts';
import { SERVICE_STATUSES, STATUS_LABELS, StatusBadge } from './StatusBits.tsx';

/** Who posts status updates, and who chooses the page's services: the API's own rules. */
export const mayUpdateStatus = (user: Pick<User, 'id' | 'roles'>) => userCan(user, 'status_page.update');
const mayManage = (user: Pick<User, 'id' | 'roles'>) => userCan(user, 'status_page.manage');

/** One titled part of the page, named by its heading. */
function AdminCard({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card withBorder component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

/** The settings, each saved version starting the title field over. */
function SettingsCard({ manage }: { manage: boolean }) {
  return (
    <Loaded query={useStatusSettings()} label="Loading the settings" resetKey={(s) => s.version}>
      {(s) => <SettingsForm s={s} manage={manage} />}
    </Loaded>
  );
}

function SettingsForm({ s, manage }: { s: StatusSettingsView; manage: boolean }) {
  const save = useSaveStatusSettings();
  const [title, setTitle] = useState(s.title);
  const write = (value: { enabled: boolean; title: string }) =>
    save.mutate(
      { value, version: s.version },
      {
        onSuccess: (v) =>
          notifications.show({
            message: v.enabled ? 'The status page is public.' : 'The status page is off.',
          }),
      },
    );
  return (
    <AdminCard id="sp-settings" title="Public page">
      <Stack gap="sm">
        <Switch
          label="Publish the status page (off: its address answers “not found”)"
          checked={s.enabled}
          disabled={!manage || save.isPending}
          onChange={(e) => write({ enabled: e.currentTarget.checked, title: s.title })}
        />
        <Group align="flex-end" gap="sm">
          <TextInput
            label="Title"
            value={title}
            disabled={!manage}
            onChange={(e) => setTitle(e.currentTarget.value)}
            style={{ flex: 1 }}
          />
          {manage && (
            <Button
              variant="default"
              onClick={() => write({ enabled: s.enabled, title })}
              disabled={!title.trim() || title === s.title}
              loading={save.isPending}
            >
              Save title
            </Button>
          )}
        </Group>
        <Anchor href="/status" target="_blank" size="sm">
          Open the public page
        </Anchor>
        {save.isError && <ErrorAlert error={save.error} title="Not saved" />}
      </Stack>
    </AdminCard>
  );
}

function OverrideControl({ s }: { s: PublishedServiceView }) {
  const set = useSetOverride();
  const [status, setStatus] = useState<string | null>(s.override?.status ?? null);
  const [note, setNote] = useState(s.override?.note ?? '');
  return (
    <Stack gap={4}>
      <Group gap={6} wrap="nowrap" align="flex-end">
        <Select
          aria-label={`Manual status of ${s.displayName}`}
          placeholder="Derived"
          clearable
          size="xs"
          data={optionsOf(SERVICE_STATUSES, STATUS_LABELS)}
          value={status}
          onChange={setStatus}
          w={170}
        />
        <TextInput
          aria-label={`Note for ${s.displayName}`}
          placeholder="Note for the public"
          size="xs"
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          disabled={!status}
        />
        <Button
          size="xs"
          variant="default"
          loading={set.isPending}
          onClick={() =>
            set.mutate(
              {
                serviceId: s.serviceId,
                body: {
                  status: (status as PublishedServiceView['status'] | null) ?? null,
                  note: note.trim() || null,
                },
                version: s.version,
              },
              { onSuccess: () => notifications.show({ message: `${s.displayName}: status saved.` }) },
            )
          }
        >
          {status ? 'Set' : 'Clear'}
        </Button>
      </Group>
      {set.isError && <ErrorAlert error={set.error} title="Not saved" />}
    </Stack>
  );
}

function ServicesCard({ manage }: { manage: boolean }) {
  const list = usePublishedServices();
  const choices = useServiceChoices();
  const publish = usePublishService();
  const unpublish = useUnpublishService();
  const [adding, setAdding] = useState<string | null>(null);
  const shown = new Set(list.data?.items.map((s) => s.serviceId));
  return (
    <AdminCard id="sp-services" title="Services on the page">
      <LoadedRows
        query={list}
        label="Loading the services"
        rows={(data) => data.items}
        empty={
          <EmptyState title="No service is shown yet">
            Add the services people ask about during an outage.
          </EmptyState>
        }
      >
        {(items) => (
          <DataTable
            minWidth={760}
            verticalSpacing="xs"
            aria-label="Services on the status page"
            columns={['Service', 'Status', 'Because of', 'Manual status', 'Subscribers', manage && '']}
          >
            {items.map((s) => (
              <Table.Tr key={s.serviceId}>
                <Table.Td>
                  <Text fw={600} size="sm">
                    {s.displayName}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={s.status} size="sm" />
                  {s.override && (
                    <Text size="xs" c="dimmed">
                      derived: {STATUS_LABELS[s.derived]}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{s.causes.map((c) => c.title).join(', ') || '—'}</Text>
                </Table.Td>
                <Table.Td>
                  <OverrideControl key={`${s.serviceId}-${s.version}`} s={s} />
                </Table.Td>
                <Table.Td>{s.subscribers}</Table.Td>
                {manage && (
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      loading={unpublish.isPending && unpublish.variables === s.serviceId}
                      onClick={() => unpublish.mutate(s.serviceId)}
                      aria-label={`Remove ${s.displayName} from the status page`}
                    >
                      Remove
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </LoadedRows>
      {manage && (
        <Group align="flex-end" gap="sm" mt="md">
          <Select
            label="Add a service"
            searchable
            clearable
            placeholder="Choose a service"
            data={(choices.data?.items ?? []).filter((c) => !shown.has(c.id)).map(namedOption)}
            value={adding}
            onChange={setAdding}
            nothingFoundMessage={choices.isPending ? 'Loading…' : 'No service found'}
            style={{ flex: 1 }}
          />
          <Button
            disabled={!adding}
            loading={publish.isPending}
            onClick={() =>
              adding &&
              publish.mutate(
                { serviceId: adding, body: { position: list.data?.items.length ?? 0 } },
                { onSuccess: () => setAdding(null) },
              )
            }
          >
            Add to the page
          </Button>
        </Group>
      )}
      {(publish.isError || unpublish.isError) && (
        <ErrorAlert error={publish.error ?? unpublish.error} title="Not saved" />
      )}
    </AdminCard>
  );
}

type UpdateDraft = {
  recordId: string | null;
  serviceIds: string[];
  title: string;
  phase: (typeof UPDATE_PHASES)[number];
  message: string;
};

const EMPTY_UPDATE: UpdateDraft = {
  recordId: null,
  serviceIds: [],
  title: '',
  phase: 'investigating',
  message: '',
};

function UpdateForm() {
  const majors = useMajorIncidents('active');
  const services = usePublishedServices();
  const create = useCreateStatusUpdate();
  const form = useDraftForm(EMPTY_UPDATE, { toBody: (d) => d, error: create.error });
  const d = form.draft;
  return (
    <AdminCard id="sp-update" title="Write an update">
      <SubmitForm
        onSubmit={() => {
          create.mutate(form.body, {
            onSuccess: () => {
              notifications.show({ message: 'Update published; subscribers are being told.' });
              form.set('message', '');
            },
          });
        }}
      >
        <Stack gap="sm">
          <Select
            label="Major incident"
            description="Leave empty for a notice of its own"
            clearable
            searchable
            data={(majors.data ?? []).map((m) => ({ value: m.recordId, label: `${m.number} · ${m.title}` }))}
            {...form.choice('recordId')}
            nothingFoundMessage={majors.isPending ? 'Loading…' : 'No active major incident'}
          />
          <MultiSelect
            label="Services"
            description="For an incident, empty means the services it affects"
            data={(services.data?.items ?? []).map((s) => ({ value: s.serviceId, label: s.displayName }))}
            {...form.list('serviceIds')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Public title" required {...form.text('title')} />
            <Select
              label="Phase"
              required
              data={humanOptions(UPDATE_PHASES)}
              {...form.choice('phase', { fallback: d.phase })}
              allowDeselect={false}
            />
          </SimpleGrid>
          <Textarea label="Message" required autosize minRows={3} {...form.text('message')} />
          {create.isError && <ErrorAlert error={create.error} title="Not published" />}
          <Group>
            <Button type="submit" loading={create.isPending}>
              Publish update
            </Button>
          </Group>
        </Stack>
      </SubmitForm>
    </AdminCard>
  );
}

function RecentUpdates() {
  const updates = useStatusUpdates();
  return (
    <AdminCard id="sp-recent" title="Recent updates">
      <LoadedRows
        query={updates}
        label="Loading the updates"
        rows={(data) => data.items}
        empty={<Text c="dimmed">No updates yet.</Text>}
      >
        {(items) => (
          <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {items.map((u) => (
              <li key={u.id}>
                <Text size="sm" fw={600}>
                  {u.title} · {u.phase}
                  {u.recordNumber ? ` · ${u.recordNumber}` : ''}
                </Text>
                <Text size="sm">{u.message}</Text>
                <Text size="xs" c="dimmed">
                  {u.author?.name ?? 'Someone'}, <Time iso={u.at} size="xs" />
                </Text>
              </li>
            ))}
          </Stack>
        )}
      </LoadedRows>
    </AdminCard>
  );
}

function Subscribers() {
  const overview = useSubscriptionOverview(true);
  if (overview.isPending) return null;
  if (overview.isError) return <ErrorAlert error={overview.error} title="Subscribers could not be loaded" />;
  const o = overview.data;
  return (
    <AdminCard id="sp-subs" title="Subscribers">
      <Text size="sm">
        {o.confirmed} confirmed, {o.pending} waiting for confirmation.
      </Text>
      {o.byService.length > 0 && (
        <Stack gap={2} mt="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {o.byService.map((b) => (
            <Text component="li" size="sm" key={b.serviceId ?? 'all'}>
              {b.name}: {b.confirmed}
            </Text>
          ))}
        </Stack>
      )}
    </AdminCard>
  );
}

export function StatusAdminPage() {
  const me = useMe();
  if (!mayUpdateStatus(me)) return <Forbidden what="the status page administration" />;
  const manage = mayManage(me);
  return (
    <>
      <PageHeader
        title="Status page"
        description="What the public status page shows: statuses are derived from major incidents and maintenance; override them and write updates here."
      />
      <Stack gap="lg">
        <ServicesCard manage={manage} />
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
          <UpdateForm />
          <Stack gap="lg">
            <SettingsCard manage={manage} />
            {manage && <Subscribers />}
            <RecentUpdates />
          </Stack>
        </SimpleGrid>
      </Stack>
    </>
  );
}
