/**
 * The "Likely to breach" queue: open records whose running SLA clock the breach model gives the
 * highest chance of breaching, with the factor that weighs most, filtered by group, service,
 * priority and threshold; under it, how well the model did on held-out history.
 */
import { Anchor, Paper, Stack, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import { useGroups } from '../../api/queries/directory.ts';
import type { ModelQuality, PredictionItem } from '../../api/queries/prediction.ts';
import { useLikelyToBreach, useModelQuality } from '../../api/queries/prediction.ts';
import { useServices } from '../../api/queries/requests.ts';
import { namedOptions } from '../../kit/form/namedOptions.ts';
import type { ListColumn } from '../../kit/list/columns.ts';
import { ListPage } from '../../kit/list/ListPage.tsx';
import { useListState } from '../../kit/list/listState.ts';
import { Time } from '../../lib/time.tsx';
import { recordPath } from '../../records/registry.ts';
import { formatWorkingSeconds } from '../sla/duration.ts';
import { FactorLine, ProbabilityBadge, percent, topFactor } from './factors.tsx';

const FILTERS = { groupId: 'one', serviceId: 'one', priority: 'one', minProbability: 'one' } as const;
const THRESHOLDS = [
  { value: '0.7', label: '70% or more' },
  { value: '0.3', label: '30% or more' },
  { value: '0', label: 'Every scored record' },
];
const PRIORITIES = [1, 2, 3, 4, 5].map((p) => ({ value: String(p), label: `P${p}` }));

const COLUMNS: ListColumn<PredictionItem>[] = [
  {
    key: 'number',
    label: 'Number',
    width: 120,
    render: (r) => (
      <Anchor component={Link} to={recordPath(r.type, r.number)} fw={600} size="sm">
        {r.number}
      </Anchor>
    ),
  },
  { key: 'title', label: 'Title', render: (r) => r.title },
  { key: 'group', label: 'Group', width: 130, render: (r) => r.group?.name ?? '—' },
  { key: 'assignee', label: 'Assignee', width: 130, render: (r) => r.assignee?.name ?? 'Unassigned' },
  {
    key: 'time_left',
    label: 'Time left',
    width: 140,
    render: (r) => `${formatWorkingSeconds(r.clock.workingSecondsLeft)} (${r.clock.metric})`,
  },
  {
    key: 'probability',
    label: 'Probability',
    width: 100,
    render: (r) => <ProbabilityBadge probability={r.clock.probability} />,
  },
  {
    key: 'factor',
    label: 'Top factor',
    width: 220,
    render: (r) => {
      const f = topFactor(r.clock.factors);
      return f ? <FactorLine factor={f} /> : '—';
    },
  },
  { key: 'priority', label: 'Priority', width: 90, render: (r) => `P${r.priority}`, hidden: true },
  { key: 'service', label: 'Service', width: 160, render: (r) => r.service?.name ?? '—', hidden: true },
];

function ModelSummary({ quality }: { quality: ModelQuality }) {
  const held = quality.heldOut;
  if (!quality.model || !held)
    return (
      <Text size="sm" c="dimmed">
        No breach model yet: one is trained from finished SLA clocks, nightly and at start-up.
      </Text>
    );
  return (
    <Text size="sm" c="dimmed">
      Model trained <Time iso={quality.model.trainedAt} span size="sm" /> on {quality.trainingSize} finished
      clocks and checked on {held.sampleSize} others it had not seen. Of the clocks it rated{' '}
      {percent(held.threshold)} or more likely to breach,{' '}
      {held.precision === null ? '—' : percent(held.precision)} did breach (precision); of the clocks that
      breached, it flagged {held.recall === null ? '—' : percent(held.recall)} (recall).{' '}
      {percent(held.baseRate)} of those clocks breached in all. Brier score (lower is better){' '}
      {held.brier.toFixed(3)}, against {held.baselineBrier.toFixed(3)} for guessing that rate every time;
      calibration error {percent(held.calibrationError)}.
    </Text>
  );
}

export function LikelyToBreachPage() {
  const state = useListState(FILTERS, { sort: 'probability', order: 'desc' });
  const { groupId, serviceId, priority, minProbability } = state.filters;
  const list = useLikelyToBreach({
    groupId: groupId || undefined,
    serviceId: serviceId || undefined,
    priority: priority || undefined,
    minProbability: minProbability || undefined,
  });
  const groups = useGroups();
  const services = useServices();
  const quality = useModelQuality();
  return (
    <>
      <ListPage
        title="Likely to breach"
        description="Open records whose running SLA clock is likely to breach, estimated from the queue's state and the history of similar records. The factor shown weighs most towards a breach."
        listKey="likely-to-breach"
        noun={['record', 'records']}
        columns={COLUMNS}
        list={list}
        state={state}
        rowKey={(r) => r.recordId}
        rowHref={(r) => recordPath(r.type, r.number)}
        rowLabel={(r) => r.number}
        fields={[
          {
            name: 'groupId',
            label: 'Group',
            placeholder: 'Every group',
            data: namedOptions(groups.data),
          },
          {
            name: 'serviceId',
            label: 'Service',
            placeholder: 'Every service',
            data: namedOptions(services.data?.items),
          },
          { name: 'priority', label: 'Priority', placeholder: 'Any', data: PRIORITIES },
          { name: 'minProbability', label: 'Likelihood', placeholder: '50% or more', data: THRESHOLDS },
        ]}
      />
      <Paper p="md" mt="md">
        <Stack gap={4}>{quality.data && <ModelSummary quality={quality.data} />}</Stack>
      </Paper>
    </>
  );
}
