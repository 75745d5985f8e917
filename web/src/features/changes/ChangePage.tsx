/** One change on the record-page kit: steps, plan and schedule, conflicts, risk, CAB, review, CIs and impact, activity. */
import { Badge } from '@mantine/core';
import {
  type ChangeView,
  useChange,
  useChangeOptions,
  useChangeTransition,
  useUpdateChange,
} from '../../api/queries/changes.ts';
import { assignByPatch } from '../../kit/record/AssignToMe.tsx';
import type { StaffRecordFrame, StaffRecordParts } from '../../kit/record/StaffRecordPage.tsx';
import { TransitionBar } from '../../kit/record/TransitionBar.tsx';
import { StaffTypePage } from '../../records/StaffTypePage.tsx';
import { RecordCisPanel } from '../cmdb/RecordCisPanel.tsx';
import { CabPanel } from './CabPanel.tsx';
import { ConflictsPanel } from './ConflictsPanel.tsx';
import { CHANGE_TYPE_LABELS, RISK_COLORS } from './labels.ts';
import { PlanPanel } from './PlanPanel.tsx';
import { ReviewPanel } from './ReviewPanel.tsx';
import { RiskPanel } from './RiskPanel.tsx';

const useAssignSave = (rec: ChangeView) => assignByPatch(useUpdateChange(rec), rec);

function useChangeParts({ rec, onStale }: StaffRecordFrame<ChangeView>): StaffRecordParts {
  const run = useChangeTransition(rec);
  const options = useChangeOptions();
  return {
    subtitle: (
      <>
        <Badge variant="light" color={rec.changeType === 'emergency' ? 'red' : 'blue'}>
          {CHANGE_TYPE_LABELS[rec.changeType]} change
        </Badge>
        {rec.riskLevel && (
          <Badge variant="light" color={RISK_COLORS[rec.riskLevel]}>
            {rec.riskLevel} risk
          </Badge>
        )}
      </>
    ),
    actions: (
      <TransitionBar
        rec={rec}
        run={run}
        noun="change"
        resolutionCodes={options.data?.resolutionCodes}
        onStale={onStale}
      />
    ),
    panels: (
      <>
        <ConflictsPanel rec={rec} />
        <PlanPanel key={`plan-${rec.version}`} rec={rec} onStale={onStale} />
        <CabPanel rec={rec} />
        <RiskPanel key={`risk-${rec.version}`} rec={rec} onStale={onStale} />
        <ReviewPanel key={`review-${rec.version}`} rec={rec} onStale={onStale} />
        <RecordCisPanel recordId={rec.id} canEdit={rec.allowedActions.includes('update')} />
      </>
    ),
  };
}

export function ChangePage() {
  return (
    <StaffTypePage
      type="change"
      useRecord={useChange}
      useAssignSave={useAssignSave}
      useParts={useChangeParts}
    />
  );
}
