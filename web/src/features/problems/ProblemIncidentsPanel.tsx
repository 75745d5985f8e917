/** The incidents a problem explains: linked both ways; more can be linked, and once resolved, resolved together. */
import { Anchor, Button, Group, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { type ProblemView, useResolveProblemIncidents } from '../../api/queries/problems.ts';
import type { StateCategory } from '../../api/types.ts';
import { StateBadge } from '../../components/Badges.tsx';
import { ErrorAlert } from '../../components/States.tsx';
import { SubmitForm } from '../../kit/form/SubmitForm.tsx';
import { RecordPanel } from '../../kit/record/RecordPanel.tsx';
import { humanize } from '../../lib/labels.ts';

export function ProblemIncidentsPanel({ rec }: { rec: ProblemView }) {
  const qc = useQueryClient();
  const [ref, setRef] = useState('');
  const link = useMutation({
    mutationFn: (number: string) =>
      api.post<ProblemView>(`/problems/${rec.id}/incidents`, { incidentIds: [number] }),
    onSuccess: () => {
      setRef('');
      void qc.invalidateQueries({ queryKey: ['problems', 'one'] });
      void qc.invalidateQueries({ queryKey: ['records'] });
    },
  });
  const resolve = useResolveProblemIncidents(rec);
  const editable = rec.allowedActions.includes('update');
  const open = rec.incidents.filter((i) => i.stateCategory === 'open' || i.stateCategory === 'paused');
  const solved = rec.stateCategory === 'resolved' || rec.stateCategory === 'closed';
  return (
    <RecordPanel id="problem-incidents-title" title={<>Incidents ({rec.incidents.length})</>} gap="sm">
      {rec.incidents.length === 0 ? (
        <Text size="sm" c="dimmed">
          No incidents are linked.
        </Text>
      ) : (
        <Table>
          <Table.Tbody>
            {rec.incidents.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/incidents/${i.number}`} size="sm">
                    {i.number}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={1}>
                    {i.title}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <StateBadge label={humanize(i.state)} category={i.stateCategory as StateCategory} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editable && solved && open.length > 0 && (
        <Button
          variant="light"
          loading={resolve.isPending}
          onClick={() =>
            resolve.mutate(undefined, {
              onSuccess: (r) =>
                notifications.show({
                  color: 'teal',
                  message: `Resolved ${r.resolved.join(', ') || 'nothing'}`,
                }),
            })
          }
        >
          Resolve {open.length} open incident{open.length === 1 ? '' : 's'}
        </Button>
      )}
      <ErrorAlert error={resolve.error} title="Could not resolve the incidents" />
      {editable && rec.stateCategory !== 'closed' && (
        <SubmitForm
          onSubmit={() => {
            if (ref.trim()) link.mutate(ref.trim());
          }}
        >
          <Group gap="xs" align="flex-end">
            <TextInput
              label="Link an incident"
              placeholder="INC0001042"
              value={ref}
              onChange={(e) => setRef(e.currentTarget.value)}
              style={{ flex: 1 }}
            />
            <Button type="submit" variant="default" loading={link.isPending}>
              Link
            </Button>
          </Group>
        </SubmitForm>
      )}
      <ErrorAlert error={link.error} title="Could not link the incident" />
    </RecordPanel>
  );
}
