/**
 * An improvement's measured outcome: each linked KPI before (the baseline, taken when raised and
 * again when approved) and after (the window after it was done, "so far" while that runs), with
 * the KPI's good direction and whether it moved that way.
 */
import { Badge, Table, Text } from '@mantine/core';
import type { ImprovementOutcome } from '../../api/queries/improvements.ts';
import { DataTable } from '../../kit/list/DataTable.tsx';
import { goodDirection, VERDICT_COLORS, VERDICT_LABELS } from './labels.ts';

const day = (iso: string) => new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short' });
const span = (w: { from: string; to: string }) => `${day(w.from)} – ${day(w.to)}`;

export function VerdictBadge({ verdict }: { verdict: ImprovementOutcome['verdict'] }) {
  if (!verdict) return null;
  return (
    <Badge color={VERDICT_COLORS[verdict]} variant="light">
      {VERDICT_LABELS[verdict]}
    </Badge>
  );
}

export function OutcomeTable({ outcomes, label }: { outcomes: ImprovementOutcome[]; label: string }) {
  if (outcomes.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No KPI is linked: the outcome is not measured.
      </Text>
    );
  return (
    <DataTable aria-label={label} verticalSpacing={4} columns={['KPI', 'Before', 'After', 'Outcome']}>
      {outcomes.map((o) => (
        <Table.Tr key={o.kpi.key}>
          <Table.Td>
            <Text size="sm">{o.kpi.label}</Text>
            <Text size="xs" c="dimmed">
              {goodDirection(o.kpi.goodWhen)}
            </Text>
          </Table.Td>
          <Table.Td>
            <Text size="sm" fw={600} data-testid={`before-${o.kpi.key}`}>
              {o.beforeFormatted}
            </Text>
            {o.before && (
              <Text size="xs" c="dimmed">
                {span(o.before)}
              </Text>
            )}
          </Table.Td>
          <Table.Td>
            <Text size="sm" fw={600}>
              {o.after ? o.afterFormatted : 'Once done'}
            </Text>
            {o.after && (
              <Text size="xs" c="dimmed">
                {span(o.after)}
                {o.after.complete ? '' : ' (so far)'}
              </Text>
            )}
          </Table.Td>
          <Table.Td>
            <VerdictBadge verdict={o.verdict} />
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}
