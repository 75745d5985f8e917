/** One incident for agents, on the record-page kit: header, fields and panels, activity. */
import { useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import {
  useIncident,
  useIncidentOptions,
  useTransition,
  useUpdateIncident,
} from '../../api/queries/incidents.ts';
import { useMajorIncident } from '../../api/queries/process.ts';
import type { Incident } from '../../api/types.ts';
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
import { RecordCsatPanel } from '../csat/RecordCsatPanel.tsx';
import { RecordKnowledgePanel } from '../knowledge/RecordKnowledgePanel.tsx';
import { DeclareMajorButton } from '../major/DeclareMajorButton.tsx';
import { FamilyPanel } from '../major/FamilyPanel.tsx';
import { MajorIncidentPanel } from '../major/MajorIncidentPanel.tsx';
import { BreachRiskPanel } from '../prediction/BreachRiskPanel.tsx';
import { IncidentProblemPanel } from '../problems/IncidentProblemPanel.tsx';
import { RecordSlaPanel } from '../sla/RecordSlaPanel.tsx';
import { IncidentDetails } from './IncidentDetails.tsx';

const BACK = { label: 'Incidents', to: listPath('incident') };

export function IncidentPage() {
  const { ref = '' } = useParams();
  const incident = useIncident(ref);
  const reload = async () => (await incident.refetch()).data;
  return (
    <RecordGate query={incident} number={ref} noun="incident" back={BACK}>
      {(rec) => <IncidentView rec={rec} reload={reload} />}
    </RecordGate>
  );
}

/** "Assign to me" for an incident: a minimal patch with If-Match. */
function useAssign(rec: Incident, onStale: () => void): AssignAction {
  const save = useUpdateIncident(rec.id);
  return assignAction(
    {
      isPending: save.isPending,
      mutate: (patch, opts) => save.mutate({ patch, version: rec.version }, opts),
    },
    onStale,
  );
}

function IncidentView({ rec, reload }: { rec: Incident; reload: () => Promise<Incident | undefined> }) {
  const me = useMe();
  const qc = useQueryClient();
  const major = useMajorIncident(rec);
  const options = useIncidentOptions();
  const run = useTransition(rec);
  const onStale = staleHandler(rec, 'incident', reload);
  const assign = useAssign(rec, onStale);
  const mine = assignToMeInput(rec, me);
  useRecordShortcuts({ assignToMe: mine ? () => assign.run(mine) : null });

  // A step can move related records too (resolving a parent resolves its children).
  const refreshFamily = () => {
    void qc.invalidateQueries({ queryKey: ['major'] });
    void qc.invalidateQueries({ queryKey: ['incidents', 'one'] });
  };

  return (
    <RecordLayout
      header={
        <RecordHeader
          rec={rec}
          back={BACK}
          audience="staff"
          assign={assign}
          subtitle={<OpenedBy verb="Opened" rec={rec} />}
          actions={
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
          }
        />
      }
      banners={major.data?.major && <MajorIncidentPanel rec={rec} view={major.data} />}
      side={
        <>
          <IncidentDetails rec={rec} onReload={reload} />
          <RecordSlaPanel recordId={rec.id} />
          <BreachRiskPanel recordId={rec.id} />
          <RecordCsatPanel recordId={rec.id} version={rec.version} />
          <IncidentProblemPanel rec={rec} />
          <RecordKnowledgePanel rec={rec} />
          <RecordCisPanel recordId={rec.id} canEdit={rec.allowedActions.includes('update')} />
          <FamilyPanel rec={rec} major={!!major.data?.major} />
          <TimePanel rec={rec} />
          <WatchersPanel rec={rec} showNames noun="incident" />
          <LinksPanel rec={rec} portal={false} />
        </>
      }
      activity={<ActivityPanel rec={rec} noun="incident" directory />}
    />
  );
}
