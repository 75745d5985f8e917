/** The fields of a group, shared by "New group" and the group page. */
import { Switch, Textarea, TextInput } from '@mantine/core';
import type { Group, GroupInput } from '../../api/types.ts';
import type { FieldErrors } from '../../kit/form/patch.ts';
import { textOrNull } from '../../kit/form/patch.ts';
import type { DraftForm } from '../../kit/form/useDraftForm.ts';

export type GroupDraft = { name: string; description: string; email: string; active: boolean };

export const emptyGroup = (): GroupDraft => ({ name: '', description: '', email: '', active: true });

export const groupDraftOf = (g: Group): GroupDraft => ({
  name: g.name,
  description: g.description,
  email: g.email ?? '',
  active: g.active,
});

export const groupBody = (d: GroupDraft): GroupInput => ({
  name: d.name.trim(),
  description: d.description,
  email: textOrNull(d.email),
  active: d.active,
});

export const validateGroup = (d: GroupDraft): FieldErrors => (d.name.trim() ? {} : { name: 'Enter a name' });

export function GroupFields({ form, isNew }: { form: DraftForm<GroupDraft, GroupInput>; isNew: boolean }) {
  return (
    <>
      <TextInput label="Name" required {...form.text('name', { max: 'nameMax' })} />
      <Textarea label="Description" autosize minRows={2} {...form.text('description', { max: 2000 })} />
      <TextInput label="Team email" type="email" {...form.text('email', { max: 'emailMax' })} />
      {!isNew && <Switch label="Active (can receive incidents)" {...form.toggle('active')} />}
    </>
  );
}
