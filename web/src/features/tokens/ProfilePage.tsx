/** My profile: name, job title, phone, the time zone times are shown in, and two-step verification. */
import { Paper, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ApiError } from '../../api/client.ts';
import { useUpdateUser, useUser } from '../../api/queries/directory.ts';
import type { User } from '../../api/types.ts';
import { useMe } from '../../auth/session.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ErrorState, PageLoader } from '../../components/States.tsx';
import { SaveForm } from '../../kit/form/SaveForm.tsx';
import { useRecordForm } from '../../kit/form/useDraftForm.ts';
import { UserForm, userBody, userDraftOf, validateUser } from '../admin/UserForm.tsx';
import { MfaSettings } from '../auth/MfaSettings.tsx';
import { PreferencesPanel } from '../notifications/PreferencesPanel.tsx';

function ProfileForm({ user, onReload }: { user: User; onReload: () => void }) {
  const save = useUpdateUser(user);
  const form = useRecordForm(user, userDraftOf, {
    toBody: userBody,
    validate: (d) => validateUser(d, false),
    error: save.error,
  });
  return (
    <Paper p="lg" maw={720}>
      <SaveForm
        form={form}
        save={save}
        what="Your profile"
        onReload={onReload}
        submitLabel="Save profile"
        onSubmit={() =>
          save.mutate(form.patch, {
            onSuccess: (u) => {
              form.accept(u);
              notifications.show({ color: 'teal', message: 'Profile saved' });
            },
          })
        }
      >
        <UserForm form={form} isNew={false} canManage={false} />
        <Text size="xs" c="dimmed">
          Your email, roles and groups are managed by an administrator.
        </Text>
      </SaveForm>
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
      <PreferencesPanel />
    </>
  );
}
