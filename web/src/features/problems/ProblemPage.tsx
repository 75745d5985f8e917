/** One problem for agents, on the record-page kit: analysis, known error, incidents, CIs, activity. */
import { Button, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import { mayRaiseImprovement, raiseImprovementPath } from '../../api/queries/improvements.ts';
import { type ProblemView, useProblem, useUpdateProblem } from '../../api/queries/problems.ts';
import { useMe } from '../../auth/session.tsx';
import { assignByPatch } from '../../kit/record/AssignToMe.tsx';
import type { StaffRecordFrame, StaffRecordParts } from '../../kit/record/StaffRecordPage.tsx';
import { StaffTypePage } from '../../records/StaffTypePage.tsx';
import { RecordCisPanel } from '../cmdb/RecordCisPanel.tsx';
import { RecordKnowledgePanel } from '../knowledge/RecordKnowledgePanel.tsx';
import { AnalysisPanel } from './AnalysisPanel.tsx';
import { KnownErrorPanel } from './KnownErrorPanel.tsx';
import { ProblemIncidentsPanel } from './ProblemIncidentsPanel.tsx';
import { ProblemSteps } from './ProblemSteps.tsx';

const useAssignSave = (rec: ProblemView) => assignByPatch(useUpdateProblem(rec), rec);

function useProblemParts({ rec, onStale }: StaffRecordFrame<ProblemView>): StaffRecordParts {
  const me = useMe();
  return {
    subtitle: rec.analysis.proactive && <Text span>· proactive</Text>,
    actions: (
      <>
        <ProblemSteps rec={rec} onStale={onStale} />
        {mayRaiseImprovement(me) && (
          <Button
            component={Link}
            to={raiseImprovementPath({ kind: 'problem', ref: rec.number })}
            variant="default"
          >
            Raise improvement
          </Button>
        )}
      </>
    ),
    panels: (
      <>
        <AnalysisPanel key={rec.version} rec={rec} onStale={onStale} />
        <KnownErrorPanel rec={rec} />
        <ProblemIncidentsPanel rec={rec} />
        <RecordKnowledgePanel rec={rec} />
        <RecordCisPanel recordId={rec.id} canEdit={rec.allowedActions.includes('update')} />
      </>
    ),
  };
}

export function ProblemPage() {
  return (
    <StaffTypePage
      type="problem"
      useRecord={useProblem}
      useAssignSave={useAssignSave}
      useParts={useProblemParts}
    />
  );
}
