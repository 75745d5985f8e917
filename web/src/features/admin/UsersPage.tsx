/** Users: search, list, create. */
import { Badge, Group } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useSearchParams } from 'react-router-dom';
import { useRoles, users, useUserList } from '../../api/queries/directory.ts';
import type { Role, User } from '../../api/types.ts';
import { CreateButton } from '../../kit/form/CreateDialog.tsx';
import { ActiveBadge } from '../../kit/list/ActiveBadge.tsx';
import type { ListColumn } from '../../kit/list/columns.ts';
import { ListPage } from '../../kit/list/ListPage.tsx';
import { useListState } from '../../kit/list/listState.ts';
import { RowLink } from '../../kit/list/RowLink.tsx';
import { Time } from '../../lib/time.tsx';
import { emptyUser, UserForm, userBody, validateUser } from './UserForm.tsx';

function RoleBadges({ roles }: { roles: Role[] }) {
  const known = useRoles();
  return (
    <Group gap={4}>
      {roles.map((r) => (
        <Badge key={r} variant="light" color={r === 'admin' ? 'red' : 'gray'} size="sm">
          {known.data?.find((x) => x.key === r)?.label ?? r}
        </Badge>
      ))}
    </Group>
  );
}

const FILTERS = { q: 'text', role: 'one' } as const;

const COLUMNS: ListColumn<User>[] = [
  {
    key: 'name',
    label: 'Name',
    render: (u) => (
      <RowLink to={`/admin/users/${u.id}`} note={u.title}>
        {u.name}
      </RowLink>
    ),
  },
  { key: 'email', label: 'Email', width: 240, render: (u) => u.email },
  { key: 'roles', label: 'Roles', width: 260, render: (u) => <RoleBadges roles={u.roles} /> },
  {
    key: 'status',
    label: 'Status',
    width: 100,
    render: (u) => <ActiveBadge active={u.active} size="sm" />,
  },
  {
    key: 'lastLogin',
    label: 'Last sign-in',
    width: 130,
    render: (u) => <Time iso={u.lastLoginAt} size="sm" fallback="Never" />,
  },
];

export function UsersPage() {
  const state = useListState(FILTERS, { sort: 'name', order: 'asc' });
  const roles = useRoles();
  const { q, role } = state.filters;
  const list = useUserList({ q: q || undefined, role: (role || undefined) as Role | undefined, limit: 50 });
  const [params] = useSearchParams();
  return (
    <ListPage
      title="Users"
      description="People who use Steward, their roles and groups."
      actions={
        <CreateButton
          label="New user"
          icon={<IconUserPlus size={16} />}
          initiallyOpen={params.get('new') === '1'}
          title="New user"
          useCreate={users.useCreate}
          empty={emptyUser}
          toBody={userBody}
          validate={(d) => validateUser(d, true)}
          created={(u) => `${u.name} was created`}
          pathOf={(u) => `/admin/users/${u.id}`}
          submitLabel="Create user"
          errorTitle="The user was not created"
        >
          {(form) => <UserForm form={form} isNew />}
        </CreateButton>
      }
      listKey="admin-users"
      noun={['user', 'users']}
      columns={COLUMNS}
      list={list}
      state={state}
      rowHref={(u) => `/admin/users/${u.id}`}
      rowLabel={(u) => u.name}
      searchLabel="Search users"
      search="Name or email"
      fields={[
        {
          name: 'role',
          label: 'Role',
          placeholder: 'Any role',
          data: (roles.data ?? []).map((r) => ({ value: r.key, label: r.label })),
        },
      ]}
    />
  );
}
