/** The CAB's meeting agenda: the changes awaiting a board, with their risk, window, conflicts and votes so far. */
import { Anchor, Badge, Group, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useCabAgenda, useCabBoards } from '../../api/queries/changes.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState, ErrorAlert, PageLoader } from '../../components/States.tsx';
import { DataTable } from '../../kit/list/DataTable.tsx';
import { Time } from '../../lib/time.tsx';
import { CHANGE_TYPE_LABELS, RISK_COLORS, RULE_LABELS } from './labels.ts';

export function CabAgendaPage() {
  const boards = useCabBoards();
  const [picked, setPicked] = useState<string | null>(null);
  const boardId = picked ?? boards.data?.items.find((b) => b.active)?.id ?? null;
  const agenda = useCabAgenda(boardId);
  const board = agenda.data?.board;
  return (
    <Stack gap="lg">
      <PageHeader
        title="CAB agenda"
        description="Changes awaiting the board's decision, earliest planned start first."
      />
      <ErrorAlert error={boards.error} title="Could not load the boards" />
      <Group align="flex-end">
        <Select
          label="Board"
          data={(boards.data?.items ?? []).map((b) => ({
            value: b.id,
            label: `${b.name}${b.active ? '' : ' (retired)'}`,
          }))}
          value={boardId}
          onChange={setPicked}
          w={320}
        />
        {board && (
          <Text size="sm" c="dimmed">
            {RULE_LABELS[board.rule]}
            {board.rule === 'quorum' ? ` of ${board.quorum}` : ''} ·{' '}
            {board.members.map((m) => m.name).join(', ')}
            {board.meets ? ` · meets ${board.meets}` : ''}
          </Text>
        )}
      </Group>
      {agenda.isPending && boardId ? (
        <PageLoader label="Loading the agenda" />
      ) : (
        <>
          <ErrorAlert error={agenda.error} title="Could not load the agenda" />
          {agenda.data && agenda.data.items.length === 0 && (
            <EmptyState title="Nothing on the agenda">No change is awaiting this board.</EmptyState>
          )}
          {agenda.data && agenda.data.items.length > 0 && (
            <Paper withBorder>
              <DataTable
                striped
                aria-label="Agenda"
                columns={['Change', 'Type and risk', 'Planned', 'Conflicts', 'Votes', 'Your vote']}
              >
                {agenda.data.items.map((i) => (
                  <Table.Tr key={i.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/changes/${i.number}`}>
                        {i.number}
                      </Anchor>
                      <Text size="sm">{i.title}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        <Badge variant="light">{CHANGE_TYPE_LABELS[i.changeType]}</Badge>
                        {i.riskLevel && (
                          <Badge variant="light" color={RISK_COLORS[i.riskLevel]}>
                            {i.riskLevel}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      {i.plannedStart ? <Time iso={i.plannedStart} mode="absolute" /> : '—'}
                    </Table.Td>
                    <Table.Td>
                      {i.conflicts.length === 0 ? (
                        <Text size="sm">None</Text>
                      ) : (
                        <Text size="sm" c="red.9">
                          {i.conflicts.map((c) => c.reason).join(' ')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {i.review.approvals} of {i.review.required} for
                      {i.review.rejections ? `, ${i.review.rejections} against` : ''}
                    </Table.Td>
                    <Table.Td>{i.myVote ?? '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </DataTable>
            </Paper>
          )}
        </>
      )}
    </Stack>
  );
}
