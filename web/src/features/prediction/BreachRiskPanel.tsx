/** On a record page: how likely its running SLA clocks are to breach, and the factors that weigh. */
import { Text } from '@mantine/core';
import { useRecordPrediction } from '../../api/queries/prediction.ts';
import { useMe } from '../../auth/session.tsx';
import { ErrorAlert } from '../../components/States.tsx';
import { BareList } from '../../kit/list/BareList.tsx';
import { RecordPanel } from '../../kit/record/RecordPanel.tsx';
import { isPortalUser } from '../../lib/faces.ts';
import { formatWorkingSeconds } from '../sla/duration.ts';
import { FactorLine, ProbabilityBadge } from './factors.tsx';

export function BreachRiskPanel({ recordId }: { recordId: string }) {
  const me = useMe();
  const staff = !isPortalUser(me);
  const prediction = useRecordPrediction(recordId, staff);
  if (!staff || prediction.isPending) return null;
  if (prediction.isError) return <ErrorAlert error={prediction.error} />;
  const p = prediction.data;
  // Nothing to say without a model or a running clock that is not yet overdue.
  if (!p.model || p.clocks.length === 0) return null;
  const clock = p.clocks[0]!;
  // The factors that move the odds noticeably, at most four; the largest one at least.
  const weighty = clock.factors.filter((f) => Math.abs(f.contribution) >= 0.05).slice(0, 4);
  const shownFactors = weighty.length ? weighty : clock.factors.slice(0, 1);
  return (
    <RecordPanel
      id="breach-risk-title"
      title="Breach risk"
      actions={<ProbabilityBadge probability={clock.probability} />}
      gap="xs"
    >
      <Text size="sm" c="dimmed">
        {clock.kind.toUpperCase()} {clock.metric} clock, {formatWorkingSeconds(clock.workingSecondsLeft)} of
        working time left. What weighs most:
      </Text>
      <BareList gap={4} aria-label="Breach risk factors">
        {shownFactors.map((f) => (
          <li key={f.feature}>
            <FactorLine factor={f} />
          </li>
        ))}
      </BareList>
    </RecordPanel>
  );
}
