/** Response and resolution targets per priority, in working minutes, with the server's errors per row. */
import { NumberInput, Table, Text } from '@mantine/core';
import type { Target } from '../../api/queries/serviceLevels.ts';
import { PRIORITY_LABELS } from '../../lib/labels.ts';
import { formatMinutes } from './duration.ts';
import { problemFields } from './problems.ts';

export const DEFAULT_TARGETS: Target[] = [
  { priority: 1, responseMinutes: 15, resolutionMinutes: 240 },
  { priority: 2, responseMinutes: 30, resolutionMinutes: 480 },
  { priority: 3, responseMinutes: 60, resolutionMinutes: 960 },
  { priority: 4, responseMinutes: 240, resolutionMinutes: 2400 },
  { priority: 5, responseMinutes: 480, resolutionMinutes: 4800 },
];

/** The five priorities in order, filling gaps from the defaults so every row can be edited. */
export function completeTargets(targets: readonly Target[]): Target[] {
  return DEFAULT_TARGETS.map((d) => targets.find((t) => t.priority === d.priority) ?? d);
}

export function TargetsEditor({
  value,
  onChange,
  error,
}: {
  value: Target[];
  onChange: (targets: Target[]) => void;
  error: unknown;
}) {
  const problems = problemFields(error).filter((e) => e.field.startsWith('targets'));
  const at = (i: number, key: 'responseMinutes' | 'resolutionMinutes') =>
    problems.find((p) => p.field === `targets[${i}].${key}`)?.message;
  const general = problems.filter((p) => !/^targets\[\d+\]\.(response|resolution)Minutes$/.test(p.field));
  const set = (i: number, key: 'responseMinutes' | 'resolutionMinutes', v: number | string) =>
    onChange(
      value.map((t, j) => (j === i ? { ...t, [key]: typeof v === 'number' ? v : Number(v) || 0 } : t)),
    );
  return (
    <div>
      <Text size="sm" fw={500} mb={4} id="targets-label">
        Targets per priority (working minutes)
      </Text>
      <Table withTableBorder fz="sm" aria-labelledby="targets-label">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={150}>Priority</Table.Th>
            <Table.Th>Response</Table.Th>
            <Table.Th>Resolution</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {value.map((t, i) => (
            <Table.Tr key={t.priority}>
              <Table.Td>
                P{t.priority} {PRIORITY_LABELS[t.priority] ?? ''}
              </Table.Td>
              {(['responseMinutes', 'resolutionMinutes'] as const).map((key) => (
                <Table.Td key={key}>
                  <NumberInput
                    aria-label={`P${t.priority} ${key === 'responseMinutes' ? 'response' : 'resolution'} minutes`}
                    min={1}
                    step={15}
                    allowDecimal={false}
                    value={t[key]}
                    onChange={(v) => set(i, key, v)}
                    description={t[key] > 0 ? formatMinutes(t[key]) : undefined}
                    error={at(i, key)}
                    size="xs"
                  />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {general.map((p) => (
        <Text key={p.field + p.message} c="red.8" size="sm" mt={4}>
          {p.message}
        </Text>
      ))}
    </div>
  );
}
