/** Announcements management (`/announcements`): list by when they run, write, edit and delete. */
import {
  Badge,
  Button,
  Card,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useMe } from '../../auth/session.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { GroupSelect } from '../../components/Pickers.tsx';
import { EmptyState, ErrorAlert, ErrorState, Forbidden, PageLoader } from '../../components/States.tsx';
import { ConfirmDialog } from '../../kit/detail/ConfirmDialog.tsx';
import { FormDialog } from '../../kit/form/FormDialog.tsx';
import { useDraftForm } from '../../kit/form/useDraftForm.ts';
import { BareList } from '../../kit/list/BareList.tsx';
import { NewButton } from '../../kit/nav/NewButton.tsx';
import { fromLocalInput, toLocalInput } from '../../lib/localDateTime.ts';
import { Time } from '../../lib/time.tsx';
import { ServiceSelect } from '../sla/pickers.tsx';
import { mayManageAnnouncements } from './permissions.ts';
import { type AnnouncementView, announcements } from './queries.ts';

type Draft = {
  title: string;
  body: string;
  severity: AnnouncementView['severity'];
  audience: AnnouncementView['audience'];
  serviceId: string | null;
  groupId: string | null;
  startsAt: string;
  endsAt: string;
};

const draftOf = (a?: AnnouncementView): Draft => ({
  title: a?.title ?? '',
  body: a?.body ?? '',
  severity: a?.severity ?? 'info',
  audience: a?.audience ?? 'everyone',
  serviceId: a?.service?.id ?? null,
  groupId: a?.group?.id ?? null,
  startsAt: toLocalInput(a?.startsAt ?? new Date()),
  endsAt: toLocalInput(a?.endsAt),
});

const SEVERITY_OPTIONS = [
  { value: 'info', label: 'Information' },
  { value: 'warning', label: 'Warning' },
  { value: 'critical', label: 'Critical' },
];
const AUDIENCE_OPTIONS = [
  { value: 'everyone', label: 'Everyone' },
  { value: 'service', label: 'Customers of a service' },
  { value: 'group', label: 'Members of a group' },
];

const bodyOf = (d: Draft) => ({
  title: d.title,
  body: d.body,
  severity: d.severity,
  audience: d.audience,
  serviceId: d.audience === 'service' ? d.serviceId : null,
  groupId: d.audience === 'group' ? d.groupId : null,
  startsAt: fromLocalInput(d.startsAt) ?? new Date().toISOString(),
  endsAt: fromLocalInput(d.endsAt),
});

function Editor({ current, onClose }: { current?: AnnouncementView; onClose: () => void }) {
  const save = announcements.useSave(current);
  const form = useDraftForm(draftOf(current), { toBody: bodyOf, error: save.error });
  const d = form.draft;
  return (
    <FormDialog
      title={current ? 'Edit announcement' : 'New announcement'}
      onClose={onClose}
      onSubmit={() => {
        save.mutate(bodyOf(d), {
          onSuccess: () => {
            notifications.show({ message: current ? 'Announcement saved.' : 'Announcement published.' });
            onClose();
          },
        });
      }}
      size="lg"
      gap="sm"
      submitLabel={current ? 'Save' : 'Publish'}
      pending={save.isPending}
    >
      <TextInput label="Title" required {...form.text('title')} />
      <Textarea label="Text" autosize minRows={3} {...form.text('body')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label="Severity"
          allowDeselect={false}
          data={SEVERITY_OPTIONS}
          {...form.choice('severity', { fallback: d.severity })}
        />
        <Select
          label="Audience"
          allowDeselect={false}
          data={AUDIENCE_OPTIONS}
          {...form.choice('audience', { fallback: d.audience })}
        />
      </SimpleGrid>
      {d.audience === 'service' && (
        <ServiceSelect label="Service" required clearable={false} {...form.choice('serviceId')} />
      )}
      {d.audience === 'group' && <GroupSelect label="Group" required {...form.choice('groupId')} />}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label="Shown from" type="datetime-local" required {...form.text('startsAt')} />
        <TextInput
          label="Shown until"
          description="Empty: until deleted"
          type="datetime-local"
          {...form.text('endsAt')}
        />
      </SimpleGrid>
      {save.isError && <ErrorAlert error={save.error} title="Not saved" />}
    </FormDialog>
  );
}

const SEVERITY_COLOURS = { info: 'blue', warning: 'yellow', critical: 'red' } as const;

function audienceText(a: AnnouncementView) {
  if (a.audience === 'service') return `Customers of ${a.service?.name ?? 'a service'}`;
  if (a.audience === 'group') return `Members of ${a.group?.name ?? 'a group'}`;
  return 'Everyone';
}

export function AnnouncementsPage() {
  const me = useMe();
  const [when, setWhen] = useState('current');
  const [editing, setEditing] = useState<AnnouncementView | 'new' | null>(null);
  const [deleting, setDeleting] = useState<AnnouncementView | null>(null);
  const list = announcements.useList({ when }, mayManageAnnouncements(me));
  const del = announcements.useDelete();
  if (!mayManageAnnouncements(me)) return <Forbidden what="announcements" />;
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader
        title="Announcements"
        description="Messages shown at the top of the portal and the workspace to the people they are meant for."
        actions={<NewButton onClick={() => setEditing('new')}>New announcement</NewButton>}
      />
      <SegmentedControl
        aria-label="Which announcements"
        mb="md"
        value={when}
        onChange={setWhen}
        data={[
          { value: 'current', label: 'Running' },
          { value: 'upcoming', label: 'Upcoming' },
          { value: 'past', label: 'Ended' },
          { value: 'all', label: 'All' },
        ]}
      />
      {list.isPending ? (
        <PageLoader label="Loading announcements" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title="No announcements here" />
      ) : (
        <BareList gap="sm" aria-label="Announcements">
          {items.map((a) => (
            <Card key={a.id} withBorder component="li" padding="md">
              <Group justify="space-between" align="flex-start" wrap="wrap">
                <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
                  <Group gap="xs">
                    <Text fw={600}>{a.title}</Text>
                    <Badge color={SEVERITY_COLOURS[a.severity]} variant="light" size="sm">
                      {a.severity}
                    </Badge>
                  </Group>
                  <Text size="sm" c="dimmed">
                    {audienceText(a)} · from <Time iso={a.startsAt} mode="absolute" size="sm" />
                    {a.endsAt ? (
                      <>
                        {' '}
                        until <Time iso={a.endsAt} mode="absolute" size="sm" />
                      </>
                    ) : null}
                  </Text>
                  {a.body && (
                    <Text size="sm" lineClamp={2}>
                      {a.body}
                    </Text>
                  )}
                </Stack>
                <Group gap="xs">
                  <Button size="xs" variant="default" onClick={() => setEditing(a)}>
                    Edit
                  </Button>
                  <Button size="xs" variant="subtle" color="red" onClick={() => setDeleting(a)}>
                    Delete
                  </Button>
                </Group>
              </Group>
            </Card>
          ))}
        </BareList>
      )}
      {list.hasNextPage && (
        <Group justify="center" mt="md">
          <Button variant="default" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
            Load more
          </Button>
        </Group>
      )}
      {editing && (
        <Editor current={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />
      )}
      <ConfirmDialog
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title="Delete the announcement?"
        pending={del.isPending}
        error={del.error}
        onConfirm={() => deleting && del.mutate({ id: deleting.id }, { onSuccess: () => setDeleting(null) })}
      >
        “{deleting?.title}” disappears for everyone.
      </ConfirmDialog>
    </>
  );
}
