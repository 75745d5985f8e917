/** One incident for agents, on the record-page kit: header, fields and panels, activity. */
import { useQueryClient } from '@tanstack/react-query';
import {
  useIncident,
  useIncidentOptions,
  useTransition,
  useUpdateIncident,
} from '../../api/queries/incidents.ts';
import { useMajorIncident } from '../../api/queries/process.ts';
import type { Incident } from '../../api/types.ts';
import { assignByPatch } from '../../kit/record/AssignToMe.tsx';
import type { StaffRecordFrame, StaffRecordParts } from '../../kit/record/StaffRecordPage.tsx';
import { TransitionBar } from '../../kit/record/TransitionBar.tsx';
import { StaffTypePage } from '../../records/StaffTypePage.tsx';
import { RecordCisPanel } from '../cmdb/RecordCisPanel.tsx';
import { RecordCsatPanel } from '../csat/RecordCsatPanel.tsx';
import { RecordKnowledgePanel } from '../knowledge/RecordKnowledgePanel.tsx';
import { DeclareMajorButton } from '../major/DeclareMajorButton.tsx';
import { FamilyPanel } from '../major/FamilyPanel.tsx';
import { MajorIncidentPanel } from '../major/MajorIncidentPanel.tsx';
import { BreachRiskPanel } from '../prediction/BreachRiskPanel.tsx';
import { IncidentProblemPanel } from '../problems/IncidentProblemPanel.tsx';
import { RecordSlaPanel } from '../sla/RecordSlaPanel.tsx';
import { IncidentDetails } from './IncidentDetails.tsx';

const useAssignSave = (rec: Incident) => assignByPatch(useUpdateIncident(rec.id), rec);

function useIncidentParts({ rec, reload, onStale }: StaffRecordFrame<Incident>): StaffRecordParts {
  const qc = useQueryClient();
  const major = useMajorIncident(rec);
  const options = useIncidentOptions();
  const run = useTransition(rec);

  // A step can move related records too (resolving a parent resolves its children).
  const refreshFamily = () => {
    void qc.invalidateQueries({ queryKey: ['major'] });
    void qc.invalidateQueries({ queryKey: ['incidents', 'one'] });
  };

  return {
    verb: 'Opened',
    showSla: true,
    actions: (
      <>
        <DeclareMajorButton rec={rec} />
        <TransitionBar
          rec={rec}
          run={run}
          noun="incident"
          resolutionCodes={options.data?.resolutionCodes}
          onStale={onStale}
          onDone={refreshFamily}
        />
      </>
    ),
    banners: major.data?.major && <MajorIncidentPanel rec={rec} view={major.data} />,
    panels: (
      <>
        <IncidentDetails rec={rec} onReload={reload} />
        <RecordSlaPanel recordId={rec.id} />
        <BreachRiskPanel recordId={rec.id} />
        <RecordCsatPanel recordId={rec.id} version={rec.version} />
        <IncidentProblemPanel rec={rec} />
        <RecordKnowledgePanel rec={rec} />
        <RecordCisPanel recordId={rec.id} canEdit={rec.allowedActions.includes('update')} />
        <FamilyPanel rec={rec} major={!!major.data?.major} />
      </>
    ),
  };
}

export function IncidentPage() {
  return (
    <StaffTypePage
      type="incident"
      useRecord={useIncident}
      useAssignSave={useAssignSave}
      useParts={useIncidentParts}
      description={false}
    />
  );
}
