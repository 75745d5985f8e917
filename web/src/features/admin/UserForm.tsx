/** The fields of a user, shared by "New user" and the user page. */
import { MultiSelect, PasswordInput, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { LIMITS } from '../../../../src/shared/limits.ts';
import { useGroups, useRoles } from '../../api/queries/directory.ts';
import type { Role, User, UserInput } from '../../api/types.ts';
import { namedOptions } from '../../kit/form/namedOptions.ts';
import type { FieldErrors } from '../../kit/form/patch.ts';
import { textOrNull } from '../../kit/form/patch.ts';
import type { DraftForm } from '../../kit/form/useDraftForm.ts';

export type UserDraft = {
  name: string;
  email: string;
  title: string;
  phone: string;
  timeZone: string;
  roles: Role[];
  groupIds: string[];
  active: boolean;
  password: string;
};

export const emptyUser = (): UserDraft => ({
  name: '',
  email: '',
  title: '',
  phone: '',
  timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  roles: ['requester'],
  groupIds: [],
  active: true,
  password: '',
});

export const userDraftOf = (u: User): UserDraft => ({
  name: u.name,
  email: u.email,
  title: u.title ?? '',
  phone: u.phone ?? '',
  timeZone: u.timeZone,
  roles: u.roles,
  groupIds: u.groupIds,
  active: u.active,
  password: '',
});

let zones: string[] | null = null;
export function timeZones(): string[] {
  zones ??= Intl.supportedValuesOf('timeZone');
  return zones;
}

/** Client-side checks; the server checks again and its messages land on the same fields. */
export function validateUser(d: UserDraft, isNew: boolean): FieldErrors {
  const e: FieldErrors = {};
  if (!d.name.trim()) e.name = 'Enter a name';
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(d.email.trim())) e.email = 'Enter an email address';
  if (isNew && d.password && d.password.length < LIMITS.passwordMin)
    e.password = `At least ${LIMITS.passwordMin} characters`;
  return e;
}

/** The draft as a body; the password only when creating with one. */
export const userBody = (d: UserDraft): UserInput => ({
  name: d.name.trim(),
  email: d.email.trim(),
  title: textOrNull(d.title),
  phone: textOrNull(d.phone),
  timeZone: d.timeZone,
  roles: d.roles,
  groupIds: d.groupIds,
  active: d.active,
  ...(d.password ? { password: d.password } : {}),
});

export function UserForm({
  form,
  isNew,
  canManage = true,
}: {
  form: DraftForm<UserDraft, UserInput>;
  isNew: boolean;
  canManage?: boolean;
}) {
  const roles = useRoles();
  const groups = useGroups(canManage);
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label="Name" required {...form.text('name', { max: 'nameMax' })} />
        <TextInput
          label="Email"
          type="email"
          required
          {...form.text('email', { max: 'emailMax' })}
          readOnly={form.readOnly || !canManage}
        />
        <TextInput label="Job title" {...form.text('title', { max: 'nameMax' })} />
        <TextInput label="Phone" {...form.text('phone', { max: 40 })} />
      </SimpleGrid>
      <Select
        label="Time zone"
        description="Times in Steward are shown in this zone."
        searchable
        data={timeZones()}
        allowDeselect={false}
        limit={100}
        {...form.choice('timeZone', { fallback: form.draft.timeZone })}
      />
      {canManage && (
        <>
          <MultiSelect
            label="Roles"
            description="What this person may do. People with only Requester or Approver use the self-service portal."
            data={(roles.data ?? []).map((r) => ({ value: r.key, label: r.label }))}
            searchable
            {...form.list('roles')}
          />
          <MultiSelect
            label="Groups"
            data={namedOptions(groups.data)}
            searchable
            {...form.list('groupIds')}
          />
          <Switch label="Active (may sign in and be assigned work)" {...form.toggle('active')} />
        </>
      )}
      {isNew && (
        <PasswordInput
          label="Initial password"
          description={`Optional; at least ${LIMITS.passwordMin} characters. Without one the person cannot sign in until you set it.`}
          autoComplete="new-password"
          {...form.text('password', { max: 'passwordMax' })}
        />
      )}
    </Stack>
  );
}
