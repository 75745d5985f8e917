/** One change on the record-page kit: steps, plan and schedule, conflicts, risk, CAB, review, CIs and impact, activity. */
import { Badge, Group, Text } from '@mantine/core';
import { useParams } from 'react-router-dom';
import {
  type ChangeView,
  useChange,
  useChangeOptions,
  useChangeTransition,
  useUpdateChange,
} from '../../api/queries/changes.ts';
import { useMe } from '../../auth/session.tsx';
import { type AssignAction, assignAction, assignToMeInput } from '../../kit/record/AssignToMe.tsx';
import { LinksPanel } from '../../kit/record/Links.tsx';
import { OpenedBy, RecordHeader } from '../../kit/record/RecordHeader.tsx';
import { ActivityPanel, RecordGate, RecordLayout, staleHandler } from '../../kit/record/RecordPage.tsx';
import { TimePanel } from '../../kit/record/TimePanel.tsx';
import { TransitionBar } from '../../kit/record/TransitionBar.tsx';
import { useRecordShortcuts } from '../../kit/record/useRecordShortcuts.ts';
import { WatchersPanel } from '../../kit/record/Watchers.tsx';
import { listPath } from '../../records/registry.ts';
import { RecordCisPanel } from '../cmdb/RecordCisPanel.tsx';
import { CabPanel } from './CabPanel.tsx';
import { ConflictsPanel } from './ConflictsPanel.tsx';
import { CHANGE_TYPE_LABELS, RISK_COLORS } from './labels.ts';
import { PlanPanel } from './PlanPanel.tsx';
import { ReviewPanel } from './ReviewPanel.tsx';
import { RiskPanel } from './RiskPanel.tsx';

const BACK = { label: 'Changes', to: listPath('change') };

export function ChangePage() {
  const { ref = '' } = useParams();
  const change = useChange(ref);
  const reload = async () => (await change.refetch()).data;
  return (
    <RecordGate query={change} number={ref} noun="change" back={BACK}>
      {(rec) => <ChangeRecord rec={rec} reload={reload} />}
    </RecordGate>
  );
}

function useAssign(rec: ChangeView, onStale: () => void): AssignAction {
  const save = useUpdateChange(rec);
  return assignAction(
    {
      isPending: save.isPending,
      mutate: (patch, opts) => save.mutate({ patch, version: rec.version }, opts),
    },
    onStale,
  );
}

function ChangeRecord({ rec, reload }: { rec: ChangeView; reload: () => Promise<ChangeView | undefined> }) {
  const me = useMe();
  const onStale = staleHandler(rec, 'change', reload);
  const assign = useAssign(rec, onStale);
  const run = useChangeTransition(rec);
  const options = useChangeOptions();
  const mine = assignToMeInput(rec, me);
  useRecordShortcuts({ assignToMe: mine ? () => assign.run(mine) : null });
  return (
    <RecordLayout
      header={
        <RecordHeader
          rec={rec}
          back={BACK}
          audience="staff"
          assign={assign}
          showSla={false}
          subtitle={
            <Group gap="xs" component="span">
              <OpenedBy verb="Raised" rec={rec} />
              <Badge variant="light" color={rec.changeType === 'emergency' ? 'red' : 'blue'}>
                {CHANGE_TYPE_LABELS[rec.changeType]} change
              </Badge>
              {rec.riskLevel && (
                <Badge variant="light" color={RISK_COLORS[rec.riskLevel]}>
                  {rec.riskLevel} risk
                </Badge>
              )}
            </Group>
          }
          actions={
            <TransitionBar
              rec={rec}
              run={run}
              noun="change"
              resolutionCodes={options.data?.resolutionCodes}
              onStale={onStale}
            />
          }
        />
      }
      side={
        <>
          {rec.description && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {rec.description}
            </Text>
          )}
          <ConflictsPanel rec={rec} />
          <PlanPanel key={`plan-${rec.version}`} rec={rec} onStale={onStale} />
          <CabPanel rec={rec} />
          <RiskPanel key={`risk-${rec.version}`} rec={rec} onStale={onStale} />
          <ReviewPanel key={`review-${rec.version}`} rec={rec} onStale={onStale} />
          <RecordCisPanel recordId={rec.id} canEdit={rec.allowedActions.includes('update')} />
          <TimePanel rec={rec} />
          <WatchersPanel rec={rec} showNames noun="change" />
          <LinksPanel rec={rec} portal={false} />
        </>
      }
      activity={<ActivityPanel rec={rec} noun="change" directory />}
    />
  );
}
