/** One group: its details, its members (add and remove), and deleting it. */
import { Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import { groups, useGroup, useUserList } from '../../api/queries/directory.ts';
import type { Group as GroupT, PersonRef } from '../../api/types.ts';
import { UserPicker } from '../../components/Pickers.tsx';
import { ErrorAlert } from '../../components/States.tsx';
import { DeleteButton } from '../../kit/detail/DeleteItem.tsx';
import { DetailPage } from '../../kit/detail/DetailPage.tsx';
import { PeopleTable } from '../../kit/detail/PeopleTable.tsx';
import { DetailColumns, Section } from '../../kit/detail/Section.tsx';
import { RecordEditForm } from '../../kit/form/RecordEditForm.tsx';
import { StaleAlert } from '../../kit/form/StaleAlert.tsx';
import { SubmitForm } from '../../kit/form/SubmitForm.tsx';
import { loadedItems } from '../../kit/list/loadedItems.ts';
import { OnCallSection } from '../notifications/OnCallSection.tsx';
import { GroupFields, groupBody, groupDraftOf, validateGroup } from './GroupForm.tsx';

function Members({ group, onReload }: { group: GroupT; onReload: () => void }) {
  const members = useUserList({ groupId: group.id, limit: 200 });
  const save = groups.useUpdate();
  const [person, setPerson] = useState<PersonRef | null>(null);
  const people = loadedItems(members.data);
  const change = (memberIds: string[], message: string) =>
    save.mutate(
      { id: group.id, patch: { memberIds }, version: group.version },
      { onSuccess: () => notifications.show({ color: 'teal', message }) },
    );
  return (
    <Section title={`Members (${group.memberIds.length})`}>
      {save.error instanceof ApiError && save.error.isStale ? (
        <StaleAlert
          what={group.name}
          onReload={() => {
            save.reset();
            onReload();
          }}
        />
      ) : (
        <ErrorAlert error={save.error} title="Membership not changed" />
      )}
      <SubmitForm
        onSubmit={() => {
          if (!person) return;
          if (group.memberIds.includes(person.id)) {
            notifications.show({ color: 'gray', message: `${person.name} is already a member` });
            return;
          }
          change([...group.memberIds, person.id], `${person.name} added to ${group.name}`);
          setPerson(null);
        }}
      >
        <Group align="flex-end" mb="md" wrap="nowrap">
          <UserPicker
            label="Add a member"
            placeholder="Search by name or email"
            value={person}
            onChange={setPerson}
            style={{ flex: 1 }}
          />
          <Button
            type="submit"
            leftSection={<IconUserPlus size={16} />}
            loading={save.isPending}
            disabled={!person}
          >
            Add
          </Button>
        </Group>
      </SubmitForm>
      {people.length === 0 ? (
        <Text size="sm" c="dimmed">
          {members.isPending ? 'Loading…' : 'No members yet.'}
        </Text>
      ) : (
        <PeopleTable
          people={people}
          label="Members"
          linkTo={(u) => `/admin/users/${u.id}`}
          removeLabel={(u) => `Remove ${u.name} from the group`}
          onRemove={(u) =>
            change(
              group.memberIds.filter((m) => m !== u.id),
              `${u.name} removed from ${group.name}`,
            )
          }
        />
      )}
    </Section>
  );
}

function DeleteGroup({ group }: { group: GroupT }) {
  const remove = groups.useDelete();
  return (
    <DeleteButton
      label="Delete group"
      name={group.name}
      remove={remove}
      vars={{ id: group.id }}
      backTo="/admin/groups"
    >
      A group that incidents still use cannot be deleted; make it inactive instead.
    </DeleteButton>
  );
}

export function GroupPage() {
  const { id } = useParams();
  const group = useGroup(id);
  return (
    <DetailPage
      query={group}
      what="group"
      back={{ to: '/admin/groups', label: 'Groups' }}
      header={(g) => ({ title: g.name, meta: g.description || undefined })}
    >
      {(g) => (
        <DetailColumns
          sideSpan={7}
          main={
            <Stack>
              <RecordEditForm
                record={g}
                resource={groups}
                toDraft={groupDraftOf}
                toBody={groupBody}
                validate={validateGroup}
                what={g.name}
                saved={(x) => `${x.name} saved`}
                onReload={() => void group.refetch()}
                title="Details"
                submitLabel="Save group"
              >
                {(form) => <GroupFields form={form} isNew={false} />}
              </RecordEditForm>
              <OnCallSection group={g} />
              <DeleteGroup group={g} />
            </Stack>
          }
          side={<Members group={g} onReload={() => void group.refetch()} />}
        />
      )}
    </DetailPage>
  );
}
