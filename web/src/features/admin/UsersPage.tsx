/** Users: search, list, create. */
import { Anchor, Badge, Button, Group, Modal, Paper, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useCreateUser, useRoles, useUserList } from '../../api/queries/directory.ts';
import type { Role } from '../../api/types.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState, ErrorAlert, ErrorState, PageLoader } from '../../components/States.tsx';
import { fieldErrorsOf } from '../../lib/forms.ts';
import { Time } from '../../lib/time.tsx';
import { emptyUser, UserForm, validateUser } from './UserForm.tsx';

function NewUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const create = useCreateUser();
  const navigate = useNavigate();
  const [draft, setDraft] = useState(emptyUser);
  const [touched, setTouched] = useState(false);
  const errors = { ...(touched ? validateUser(draft, true) : {}), ...fieldErrorsOf(create.error) };
  const close = () => {
    setDraft(emptyUser());
    setTouched(false);
    create.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title="New user" size="lg">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setTouched(true);
          if (Object.keys(validateUser(draft, true)).length) return;
          create.mutate(
            {
              name: draft.name.trim(),
              email: draft.email.trim(),
              title: draft.title.trim() || null,
              phone: draft.phone.trim() || null,
              timeZone: draft.timeZone,
              roles: draft.roles,
              groupIds: draft.groupIds,
              active: draft.active,
              ...(draft.password ? { password: draft.password } : {}),
            },
            {
              onSuccess: (u) => {
                notifications.show({ color: 'teal', message: `${u.name} was created` });
                close();
                navigate(`/admin/users/${u.id}`);
              },
            },
          );
        }}
      >
        <ErrorAlert error={create.error} title="The user was not created" />
        <UserForm draft={draft} onChange={setDraft} errors={errors} isNew />
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Create user
          </Button>
        </Group>
      </form>
    </Modal>
  );
}

export function UsersPage() {
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const role = (params.get('role') as Role | null) ?? undefined;
  const roles = useRoles();
  const list = useUserList({ q: debounced || undefined, role, limit: 50 });
  const [opened, modal] = useDisclosure(params.get('new') === '1');
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const roleLabel = (r: Role) => roles.data?.find((x) => x.key === r)?.label ?? r;

  return (
    <>
      <PageHeader
        title="Users"
        description="People who use Steward, their roles and groups."
        actions={
          <Button leftSection={<IconUserPlus size={16} />} onClick={modal.open}>
            New user
          </Button>
        }
      />
      <Group mb="md" align="flex-end">
        <TextInput
          label="Search users"
          placeholder="Name or email"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={280}
        />
        <Select
          label="Role"
          placeholder="Any role"
          clearable
          data={(roles.data ?? []).map((r) => ({ value: r.key, label: r.label }))}
          value={role ?? null}
          onChange={(v) => {
            const p = new URLSearchParams(params);
            if (v) p.set('role', v);
            else p.delete('role');
            setParams(p, { replace: true });
          }}
          w={220}
        />
      </Group>
      <Paper p={0} style={{ overflow: 'hidden' }}>
        {list.isPending ? (
          <PageLoader label="Loading users" />
        ) : list.isError ? (
          <ErrorState error={list.error} onRetry={() => list.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState title="No users found" />
        ) : (
          <Table.ScrollContainer minWidth={800}>
            <Table verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Email</Table.Th>
                  <Table.Th>Roles</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Last sign-in</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((u) => (
                  <Table.Tr key={u.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/admin/users/${u.id}`} fw={600} size="sm">
                        {u.name}
                      </Anchor>
                      {u.title && (
                        <Text size="xs" c="dimmed">
                          {u.title}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{u.email}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {u.roles.map((r) => (
                          <Badge key={r} variant="light" color={r === 'admin' ? 'red' : 'gray'} size="sm">
                            {roleLabel(r)}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={u.active ? 'teal' : 'gray'} size="sm">
                        {u.active ? 'Active' : 'Inactive'}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Time iso={u.lastLoginAt} size="sm" fallback="Never" />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      {list.hasNextPage && (
        <Group justify="center" mt="md">
          <Button variant="default" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
            Load more
          </Button>
        </Group>
      )}
      <NewUserModal opened={opened} onClose={modal.close} />
    </>
  );
}
