/** One user: edit details, roles, groups and status; set a new password. */
import {
  Anchor,
  Breadcrumbs,
  Button,
  Grid,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { LIMITS } from '../../../../src/shared/limits.ts';
import { ApiError } from '../../api/client.ts';
import { useUpdateUser, useUser } from '../../api/queries/directory.ts';
import type { User } from '../../api/types.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ErrorAlert, ErrorState, PageLoader } from '../../components/States.tsx';
import { fieldErrorsOf } from '../../lib/forms.ts';
import { Time } from '../../lib/time.tsx';
import { StaleAlert } from './StaleAlert.tsx';
import { UserForm, userDraftOf, validateUser } from './UserForm.tsx';

function PasswordCard({ user }: { user: User }) {
  const save = useUpdateUser(user);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [touched, setTouched] = useState(false);
  const tooShort = password.length < LIMITS.passwordMin;
  const errors = fieldErrorsOf(save.error);
  return (
    <Paper p="lg" component="section" aria-labelledby="pw-title">
      <Title order={2} size="h4" id="pw-title" mb="sm">
        Set password
      </Title>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setTouched(true);
          if (tooShort || password !== confirm) return;
          save.mutate(
            { password },
            {
              onSuccess: () => {
                setPassword('');
                setConfirm('');
                setTouched(false);
                notifications.show({ color: 'teal', message: `New password set for ${user.name}` });
              },
            },
          );
        }}
      >
        <Stack>
          <PasswordInput
            label="New password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={
              (touched && tooShort ? `At least ${LIMITS.passwordMin} characters` : undefined) ??
              errors.password
            }
          />
          <PasswordInput
            label="Repeat the new password"
            autoComplete="new-password"
            value={confirm}
            onChange={(e) => setConfirm(e.currentTarget.value)}
            error={touched && password !== confirm ? 'The passwords do not match' : undefined}
          />
          {save.error instanceof ApiError && !save.error.isStale && !errors.password && (
            <ErrorAlert error={save.error} />
          )}
          <Group justify="flex-end">
            <Button type="submit" variant="light" loading={save.isPending}>
              Set password
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function EditUser({ user, onReload }: { user: User; onReload: () => void }) {
  const save = useUpdateUser(user);
  const [draft, setDraft] = useState(() => userDraftOf(user));
  const [touched, setTouched] = useState(false);
  const errors = { ...(touched ? validateUser(draft, false) : {}), ...fieldErrorsOf(save.error) };
  const stale = save.error instanceof ApiError && save.error.isStale;
  return (
    <Paper p="lg" component="section" aria-labelledby="details-title">
      <Title order={2} size="h4" id="details-title" mb="sm">
        Details
      </Title>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setTouched(true);
          if (Object.keys(validateUser(draft, false)).length) return;
          save.mutate(
            {
              name: draft.name.trim(),
              email: draft.email.trim(),
              title: draft.title.trim() || null,
              phone: draft.phone.trim() || null,
              timeZone: draft.timeZone,
              roles: draft.roles,
              groupIds: draft.groupIds,
              active: draft.active,
            },
            { onSuccess: (u) => notifications.show({ color: 'teal', message: `${u.name} saved` }) },
          );
        }}
      >
        <Stack>
          {stale ? (
            <StaleAlert what={user.name} onReload={onReload} />
          ) : (
            <ErrorAlert error={save.error} title="Not saved" />
          )}
          <UserForm draft={draft} onChange={setDraft} errors={errors} isNew={false} />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending} disabled={stale}>
              Save user
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

export function UserPage() {
  const { id } = useParams();
  const user = useUser(id);
  if (user.isPending) return <PageLoader label="Loading user" />;
  if (user.isError) return <ErrorState error={user.error} onRetry={() => user.refetch()} />;
  const u = user.data;
  return (
    <>
      <Breadcrumbs mb="xs">
        <Anchor component={Link} to="/admin/users" size="sm">
          Users
        </Anchor>
        <Text size="sm">{u.name}</Text>
      </Breadcrumbs>
      <PageHeader
        title={u.name}
        description={
          <>
            {u.email} · created <Time iso={u.createdAt} size="sm" /> · last sign-in{' '}
            <Time iso={u.lastLoginAt} size="sm" fallback="never" />
          </>
        }
      />
      <Grid gap="lg" align="flex-start">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <EditUser key={u.version} user={u} onReload={() => void user.refetch()} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <PasswordCard key={u.version} user={u} />
        </Grid.Col>
      </Grid>
    </>
  );
}
