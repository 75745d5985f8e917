/** The fields of a user, shared by "New user" and the user page. */
import { MultiSelect, PasswordInput, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { LIMITS } from '../../../../src/shared/limits.ts';
import { useGroups, useRoles } from '../../api/queries/directory.ts';
import type { Role, User } from '../../api/types.ts';
import type { FieldErrors } from '../../lib/forms.ts';

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

export function UserForm({
  draft,
  onChange,
  errors,
  isNew,
  canManage = true,
}: {
  draft: UserDraft;
  onChange: (d: UserDraft) => void;
  errors: FieldErrors;
  isNew: boolean;
  canManage?: boolean;
}) {
  const roles = useRoles();
  const groups = useGroups(canManage);
  const set = <K extends keyof UserDraft>(k: K, v: UserDraft[K]) => onChange({ ...draft, [k]: v });
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label="Name"
          required
          maxLength={LIMITS.nameMax}
          value={draft.name}
          onChange={(e) => set('name', e.currentTarget.value)}
          error={errors.name}
        />
        <TextInput
          label="Email"
          type="email"
          required
          maxLength={LIMITS.emailMax}
          value={draft.email}
          onChange={(e) => set('email', e.currentTarget.value)}
          error={errors.email}
          readOnly={!canManage}
        />
        <TextInput
          label="Job title"
          maxLength={LIMITS.nameMax}
          value={draft.title}
          onChange={(e) => set('title', e.currentTarget.value)}
          error={errors.title}
        />
        <TextInput
          label="Phone"
          maxLength={40}
          value={draft.phone}
          onChange={(e) => set('phone', e.currentTarget.value)}
          error={errors.phone}
        />
      </SimpleGrid>
      <Select
        label="Time zone"
        description="Times in Steward are shown in this zone."
        searchable
        data={timeZones()}
        value={draft.timeZone}
        onChange={(v) => set('timeZone', v ?? draft.timeZone)}
        allowDeselect={false}
        error={errors.timeZone}
        limit={100}
      />
      {canManage && (
        <>
          <MultiSelect
            label="Roles"
            description="What this person may do. People with only Requester or Approver use the self-service portal."
            data={(roles.data ?? []).map((r) => ({ value: r.key, label: r.label }))}
            value={draft.roles}
            onChange={(v) => set('roles', v as Role[])}
            error={errors.roles}
            searchable
          />
          <MultiSelect
            label="Groups"
            data={(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
            value={draft.groupIds}
            onChange={(v) => set('groupIds', v)}
            error={errors.groupIds}
            searchable
          />
          <Switch
            label="Active (may sign in and be assigned work)"
            checked={draft.active}
            onChange={(e) => set('active', e.currentTarget.checked)}
          />
        </>
      )}
      {isNew && (
        <PasswordInput
          label="Initial password"
          description={`Optional; at least ${LIMITS.passwordMin} characters. Without one the person cannot sign in until you set it.`}
          autoComplete="new-password"
          value={draft.password}
          onChange={(e) => set('password', e.currentTarget.value)}
          error={errors.password}
        />
      )}
    </Stack>
  );
}
