/** The impact × urgency → priority matrix, editable by administrators and process owners. */
import { Group, NumberInput, Paper, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { usePriorityMatrix, useSavePriorityMatrix } from '../../api/queries/admin.ts';
import type { PriorityMatrixSetting } from '../../api/types.ts';
import { PriorityBadge } from '../../components/Badges.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Loaded } from '../../kit/detail/Loaded.tsx';
import { ResetSaveButtons } from '../../kit/form/ResetSaveButtons.tsx';
import { SubmitForm } from '../../kit/form/SubmitForm.tsx';
import { LEVEL_LABELS } from '../../lib/labels.ts';
import { SaveProblems } from '../process-admin/SaveProblems.tsx';

const LEVELS = [1, 2, 3];

function cellProblem(v: number | string): string | undefined {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 5
    ? undefined
    : 'Use a whole number 1–5';
}

function Editor({ setting, onReload }: { setting: PriorityMatrixSetting; onReload: () => void }) {
  const [cells, setCells] = useState<(number | string)[][]>(() => setting.matrix.map((r) => [...r]));
  const save = useSavePriorityMatrix(setting.version);
  const stale = save.error instanceof ApiError && save.error.isStale;
  const dirty = JSON.stringify(cells) !== JSON.stringify(setting.matrix);
  const set = (i: number, j: number, v: number | string) =>
    setCells((m) => m.map((row, a) => (a === i ? row.map((c, b) => (b === j ? v : c)) : row)));

  return (
    <Paper p="lg" maw={920}>
      <SubmitForm
        onSubmit={() => {
          // Send what was typed: the server validates and explains what is wrong.
          const matrix = cells.map((row) => row.map((c) => (typeof c === 'number' ? c : Number(c))));
          save.mutate(matrix, {
            onSuccess: () => notifications.show({ color: 'teal', message: 'Priority matrix saved' }),
          });
        }}
      >
        <SaveProblems
          error={save.error}
          what="The priority matrix"
          title="The matrix was not saved"
          onReload={onReload}
        />
        <Table.ScrollContainer minWidth={0} mt="sm">
          <Table withTableBorder withColumnBorders captionSide="bottom">
            <Table.Caption>
              Rows: impact. Columns: urgency. Cells: the priority (1 Critical … 5 Planning).
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Impact \ Urgency</Table.Th>
                {LEVELS.map((u) => (
                  <Table.Th key={u} scope="col">
                    {u} – {LEVEL_LABELS[u]}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {LEVELS.map((i) => (
                <Table.Tr key={i}>
                  <Table.Th scope="row">
                    {i} – {LEVEL_LABELS[i]}
                  </Table.Th>
                  {LEVELS.map((u) => {
                    const v = cells[i - 1]?.[u - 1] ?? '';
                    return (
                      <Table.Td key={u}>
                        <Group gap="xs" wrap="nowrap">
                          <NumberInput
                            aria-label={`Priority for impact ${LEVEL_LABELS[i]} and urgency ${LEVEL_LABELS[u]}`}
                            value={v}
                            onChange={(n) => set(i - 1, u - 1, n)}
                            allowDecimal={false}
                            clampBehavior="none"
                            w={70}
                            error={cellProblem(v) ? true : undefined}
                          />
                          {!cellProblem(v) && typeof v === 'number' && <PriorityBadge priority={v} />}
                        </Group>
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Group justify="space-between" mt="md">
          <Text size="sm" c="dimmed">
            Changes apply to incidents whose impact or urgency change from now on.
          </Text>
          <ResetSaveButtons
            dirty={dirty}
            onReset={() => setCells(setting.matrix.map((r) => [...r]))}
            saveLabel="Save matrix"
            pending={save.isPending}
            blocked={stale}
          />
        </Group>
      </SubmitForm>
    </Paper>
  );
}

export function PriorityMatrixPage() {
  const m = usePriorityMatrix();
  return (
    <>
      <PageHeader
        title="Priority matrix"
        description="How impact and urgency decide an incident's priority."
      />
      <Loaded query={m} label="Loading the priority matrix" resetKey={(setting) => setting.version}>
        {(setting, reload) => <Editor setting={setting} onReload={reload} />}
      </Loaded>
    </>
  );
}
