/**
 * A group's on-call person: one of its members, told of what notification rules send to "on call"
 * (a major incident on the group's work, by default). Shown on the group's page.
 */
import { Button, Group, Select, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { useUserList } from '../../api/queries/directory.ts';
import type { Group as GroupT } from '../../api/types.ts';
import { ErrorAlert } from '../../components/States.tsx';
import { Section } from '../../kit/detail/Section.tsx';
import { namedOption } from '../../kit/form/namedOptions.ts';
import { SubmitForm } from '../../kit/form/SubmitForm.tsx';
import { loadedItems } from '../../kit/list/loadedItems.ts';

const KEY = ['notifications', 'on-call'] as const;
type OnCall = { groupId: string; userId: string };

export function OnCallSection({ group }: { group: GroupT }) {
  const qc = useQueryClient();
  const current = useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) => api.get<{ items: OnCall[] }>('/admin/notifications/on-call', undefined, signal),
  });
  const members = useUserList({ groupId: group.id, limit: 200 });
  const people = loadedItems(members.data);
  const named = current.data?.items.find((o) => o.groupId === group.id)?.userId ?? null;
  const [choice, setChoice] = useState<string | null | undefined>(undefined);
  const chosen = choice === undefined ? named : choice;
  const save = useMutation({
    mutationFn: (userId: string | null) =>
      api.put<{ groupId: string; userId: string | null }>(`/admin/notifications/on-call/${group.id}`, {
        userId,
      }),
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: KEY });
      setChoice(undefined);
      const who = people.find((p) => p.id === r.userId)?.name;
      notifications.show({
        color: 'teal',
        message: who ? `${who} is on call for ${group.name}` : `Nobody is on call for ${group.name}`,
      });
    },
  });
  return (
    <Section title="On call">
      <Text size="sm" c="dimmed" mb="xs">
        The member told of what notification rules send to the group&apos;s on-call person, such as a major
        incident on the group&apos;s work.
      </Text>
      <ErrorAlert error={current.error ?? save.error} title="On call not changed" />
      <SubmitForm
        onSubmit={() => {
          save.mutate(chosen ?? null);
        }}
      >
        <Group align="flex-end" wrap="nowrap">
          <Select
            label="On call"
            placeholder="Nobody"
            clearable
            data={people.map(namedOption)}
            value={chosen}
            onChange={setChoice}
            style={{ flex: 1 }}
            disabled={current.isPending || members.isPending}
          />
          <Button type="submit" loading={save.isPending} disabled={chosen === named}>
            Save on call
          </Button>
        </Group>
      </SubmitForm>
    </Section>
  );
}
