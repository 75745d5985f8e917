/** One user: edit details, roles, groups and status; set a new password. */
import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { LIMITS } from '../../../../src/shared/limits.ts';
import { ApiError } from '../../api/client.ts';
import { users, useUpdateUser, useUser } from '../../api/queries/directory.ts';
import type { User } from '../../api/types.ts';
import { ErrorAlert } from '../../components/States.tsx';
import { DetailPage } from '../../kit/detail/DetailPage.tsx';
import { DetailColumns, Section } from '../../kit/detail/Section.tsx';
import { problemFieldErrors as fieldErrorsOf } from '../../kit/form/patch.ts';
import { RecordEditForm } from '../../kit/form/RecordEditForm.tsx';
import { SubmitForm } from '../../kit/form/SubmitForm.tsx';
import { Time } from '../../lib/time.tsx';
import { UserForm, userBody, userDraftOf, validateUser } from './UserForm.tsx';

function PasswordCard({ user }: { user: User }) {
  const save = useUpdateUser(user);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [touched, setTouched] = useState(false);
  const tooShort = password.length < LIMITS.passwordMin;
  const errors = fieldErrorsOf(save.error);
  return (
    <Section title="Set password">
      <SubmitForm
        onSubmit={() => {
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
      </SubmitForm>
    </Section>
  );
}

function EditUser({ user, onReload }: { user: User; onReload: () => void }) {
  return (
    <RecordEditForm
      record={user}
      resource={users}
      toDraft={userDraftOf}
      toBody={userBody}
      validate={(d) => validateUser(d, false)}
      what={user.name}
      saved={(u) => `${u.name} saved`}
      onReload={onReload}
      title="Details"
      submitLabel="Save user"
    >
      {(form) => <UserForm form={form} isNew={false} />}
    </RecordEditForm>
  );
}

export function UserPage() {
  const { id } = useParams();
  const user = useUser(id);
  return (
    <DetailPage
      query={user}
      what="user"
      back={{ to: '/admin/users', label: 'Users' }}
      header={(u) => ({
        title: u.name,
        meta: (
          <>
            {u.email} · created <Time iso={u.createdAt} size="sm" /> · last sign-in{' '}
            <Time iso={u.lastLoginAt} size="sm" fallback="never" />
          </>
        ),
      })}
    >
      {(u) => (
        <DetailColumns
          main={<EditUser user={u} onReload={() => void user.refetch()} />}
          side={<PasswordCard key={u.version} user={u} />}
        />
      )}
    </DetailPage>
  );
}
