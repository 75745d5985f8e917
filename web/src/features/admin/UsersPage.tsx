/** Users: search, list, create. */
import { Anchor, Badge, Button, Group, Paper, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useRoles, users, useUserList } from '../../api/queries/directory.ts';
import type { Role } from '../../api/types.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState, ErrorState, PageLoader } from '../../components/States.tsx';
import { CreateDialog } from '../../kit/form/CreateDialog.tsx';
import { Time } from '../../lib/time.tsx';
import { emptyUser, UserForm, userBody, validateUser } from './UserForm.tsx';

function NewUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <CreateDialog
      title="New user"
      opened={opened}
      onClose={onClose}
      create={users.useCreate()}
      empty={emptyUser}
      toBody={userBody}
      validate={(d) => validateUser(d, true)}
      created={(u) => `${u.name} was created`}
      pathOf={(u) => `/admin/users/${u.id}`}
      submitLabel="Create user"
      errorTitle="The user was not created"
    >
      {(form) => <UserForm form={form} isNew />}
    </CreateDialog>
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
