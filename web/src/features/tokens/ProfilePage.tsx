/** My profile: name, job title, phone, the time zone times are shown in, and two-step verification. */
import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { useUpdateUser, useUser } from '../../api/queries/directory.ts';
import type { User } from '../../api/types.ts';
import { useMe } from '../../auth/session.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ErrorAlert, ErrorState, PageLoader } from '../../components/States.tsx';
import { fieldErrorsOf } from '../../lib/forms.ts';
import { StaleAlert } from '../admin/StaleAlert.tsx';
import { UserForm, userDraftOf, validateUser } from '../admin/UserForm.tsx';
import { MfaSettings } from '../auth/MfaSettings.tsx';

function ProfileForm({ user, onReload }: { user: User; onReload: () => void }) {
  const save = useUpdateUser(user);
  const [draft, setDraft] = useState(() => userDraftOf(user));
  const errors = { ...validateUser(draft, false), ...fieldErrorsOf(save.error) };
  const stale = save.error instanceof ApiError && save.error.isStale;
  return (
    <Paper p="lg" maw={720}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!draft.name.trim()) return;
          save.mutate(
            {
              name: draft.name.trim(),
              title: draft.title.trim() || null,
              phone: draft.phone.trim() || null,
              timeZone: draft.timeZone,
            },
            { onSuccess: () => notifications.show({ color: 'teal', message: 'Profile saved' }) },
          );
        }}
      >
        <Stack>
          {stale ? (
            <StaleAlert what="Your profile" onReload={onReload} />
          ) : (
            <ErrorAlert error={save.error} title="Not saved" />
          )}
          <UserForm draft={draft} onChange={setDraft} errors={errors} isNew={false} canManage={false} />
          <Text size="xs" c="dimmed">
            Your email, roles and groups are managed by an administrator.
          </Text>
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending} disabled={stale}>
              Save profile
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

export function ProfilePage() {
  const me = useMe();
  // Requesters may read themselves through /users/:id; fall back to the session copy otherwise.
  const user = useUser(me.id);
  return (
    <>
      <PageHeader title="My profile" description={me.email} />
      {user.isPending ? (
        <PageLoader />
      ) : user.isError ? (
        user.error instanceof ApiError && user.error.status === 403 ? (
          <ProfileForm user={me} onReload={() => window.location.reload()} />
        ) : (
          <ErrorState error={user.error} onRetry={() => user.refetch()} />
        )
      ) : (
        <ProfileForm key={user.data.version} user={user.data} onReload={() => void user.refetch()} />
      )}
      <MfaSettings />
    </>
  );
}
