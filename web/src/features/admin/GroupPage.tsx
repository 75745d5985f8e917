/** One group: its details, its members (add and remove), and deleting it. */
import {
  ActionIcon,
  Anchor,
  Breadcrumbs,
  Button,
  Grid,
  Group,
  Modal,
  Paper,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconTrash, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { LIMITS } from '../../../../src/shared/limits.ts';
import { ApiError, errorMessage } from '../../api/client.ts';
import { useDeleteGroup, useGroup, useUpdateGroup, useUserList } from '../../api/queries/directory.ts';
import type { Group as GroupT, PersonRef } from '../../api/types.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { UserPicker } from '../../components/Pickers.tsx';
import { ErrorAlert, ErrorState, PageLoader } from '../../components/States.tsx';
import { fieldErrorsOf } from '../../lib/forms.ts';
import { StaleAlert } from './StaleAlert.tsx';

function Members({ group, onStale }: { group: GroupT; onStale: () => void }) {
  const members = useUserList({ groupId: group.id, limit: 200 });
  const save = useUpdateGroup(group);
  const [person, setPerson] = useState<PersonRef | null>(null);
  const people = members.data?.pages.flatMap((p) => p.items) ?? [];
  const change = (memberIds: string[], message: string) =>
    save.mutate(
      { memberIds },
      {
        onSuccess: () => notifications.show({ color: 'teal', message }),
        onError: (e) => {
          if (e instanceof ApiError && e.isStale) onStale();
          else notifications.show({ color: 'red', message: errorMessage(e) });
        },
      },
    );
  return (
    <Paper p="lg" component="section" aria-labelledby="members-title">
      <Title order={2} size="h4" id="members-title" mb="sm">
        Members ({group.memberIds.length})
      </Title>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!person) return;
          if (group.memberIds.includes(person.id)) {
            notifications.show({ color: 'gray', message: `${person.name} is already a member` });
            return;
          }
          change([...group.memberIds, person.id], `${person.name} added to ${group.name}`);
          setPerson(null);
        }}
      >
        <Group align="flex-end" mb="md" wrap="nowrap">
          <UserPicker
            label="Add a member"
            placeholder="Search by name or email"
            value={person}
            onChange={setPerson}
            style={{ flex: 1 }}
          />
          <Button
            type="submit"
            leftSection={<IconUserPlus size={16} />}
            loading={save.isPending}
            disabled={!person}
          >
            Add
          </Button>
        </Group>
      </form>
      {people.length === 0 ? (
        <Text size="sm" c="dimmed">
          {members.isPending ? 'Loading…' : 'No members yet.'}
        </Text>
      ) : (
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Email</Table.Th>
              <Table.Th w={60}>
                <VisuallyHidden>Remove</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {people.map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/admin/users/${u.id}`} size="sm">
                    {u.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{u.email}</Text>
                </Table.Td>
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={`Remove ${u.name} from the group`}
                    onClick={() =>
                      change(
                        group.memberIds.filter((m) => m !== u.id),
                        `${u.name} removed from ${group.name}`,
                      )
                    }
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

function Details({
  group,
  stale,
  onStale,
  onReload,
}: {
  group: GroupT;
  stale: boolean;
  onStale: () => void;
  onReload: () => void;
}) {
  const save = useUpdateGroup(group);
  const remove = useDeleteGroup();
  const navigate = useNavigate();
  const [confirm, confirmControls] = useDisclosure();
  const [name, setName] = useState(group.name);
  const [description, setDescription] = useState(group.description);
  const [email, setEmail] = useState(group.email ?? '');
  const [active, setActive] = useState(group.active);
  const server = fieldErrorsOf(save.error);
  return (
    <Paper p="lg" component="section" aria-labelledby="group-details-title">
      <Title order={2} size="h4" id="group-details-title" mb="sm">
        Details
      </Title>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!name.trim()) return;
          save.mutate(
            { name: name.trim(), description, email: email.trim() || null, active },
            {
              onSuccess: (g) => notifications.show({ color: 'teal', message: `${g.name} saved` }),
              onError: (err) => {
                if (err instanceof ApiError && err.isStale) onStale();
              },
            },
          );
        }}
      >
        <Stack>
          {stale ? (
            <StaleAlert what={group.name} onReload={onReload} />
          ) : (
            <ErrorAlert error={save.error} title="Not saved" />
          )}
          <TextInput
            label="Name"
            required
            maxLength={LIMITS.nameMax}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={(!name.trim() ? 'Enter a name' : undefined) ?? server.name}
          />
          <Textarea
            label="Description"
            autosize
            minRows={2}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={server.description}
          />
          <TextInput
            label="Team email"
            type="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={server.email}
          />
          <Switch
            label="Active (can receive incidents)"
            checked={active}
            onChange={(e) => setActive(e.currentTarget.checked)}
          />
          <Group justify="space-between">
            <Button
              variant="subtle"
              color="red"
              leftSection={<IconTrash size={16} />}
              onClick={confirmControls.open}
            >
              Delete group
            </Button>
            <Button type="submit" loading={save.isPending} disabled={stale}>
              Save group
            </Button>
          </Group>
        </Stack>
      </form>
      <Modal opened={confirm} onClose={confirmControls.close} title={`Delete ${group.name}?`}>
        <Text size="sm" mb="md">
          A group that incidents still use cannot be deleted; make it inactive instead.
        </Text>
        <ErrorAlert error={remove.error} title="Not deleted" />
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={confirmControls.close}>
            Keep it
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            onClick={() =>
              remove.mutate(group.id, {
                onSuccess: () => {
                  notifications.show({ color: 'teal', message: `${group.name} deleted` });
                  navigate('/admin/groups');
                },
              })
            }
          >
            Delete
          </Button>
        </Group>
      </Modal>
    </Paper>
  );
}

export function GroupPage() {
  const { id } = useParams();
  const group = useGroup(id);
  const [stale, setStale] = useState(false);
  if (group.isPending) return <PageLoader label="Loading group" />;
  if (group.isError) return <ErrorState error={group.error} onRetry={() => group.refetch()} />;
  const g = group.data;
  const reload = () => {
    setStale(false);
    void group.refetch();
  };
  return (
    <>
      <Breadcrumbs mb="xs">
        <Anchor component={Link} to="/admin/groups" size="sm">
          Groups
        </Anchor>
        <Text size="sm">{g.name}</Text>
      </Breadcrumbs>
      <PageHeader title={g.name} description={g.description || undefined} />
      <Grid gap="lg" align="flex-start">
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Details key={g.version} group={g} stale={stale} onStale={() => setStale(true)} onReload={reload} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Members group={g} onStale={() => setStale(true)} />
        </Grid.Col>
      </Grid>
    </>
  );
}
