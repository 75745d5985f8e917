/** One problem for agents, on the record-page kit: analysis, known error, incidents, CIs, activity. */
import { Button, Text } from '@mantine/core';
import { Link, useParams } from 'react-router-dom';
import { mayRaiseImprovement, raiseImprovementPath } from '../../api/queries/improvements.ts';
import { type ProblemView, useProblem, useUpdateProblem } from '../../api/queries/problems.ts';
import { useMe } from '../../auth/session.tsx';
import { type AssignAction, assignAction, assignToMeInput } from '../../kit/record/AssignToMe.tsx';
import { LinksPanel } from '../../kit/record/Links.tsx';
import { OpenedBy, RecordHeader } from '../../kit/record/RecordHeader.tsx';
import { ActivityPanel, RecordGate, RecordLayout, staleHandler } from '../../kit/record/RecordPage.tsx';
import { TimePanel } from '../../kit/record/TimePanel.tsx';
import { useRecordShortcuts } from '../../kit/record/useRecordShortcuts.ts';
import { WatchersPanel } from '../../kit/record/Watchers.tsx';
import { listPath } from '../../records/registry.ts';
import { RecordCisPanel } from '../cmdb/RecordCisPanel.tsx';
import { RecordKnowledgePanel } from '../knowledge/RecordKnowledgePanel.tsx';
import { AnalysisPanel } from './AnalysisPanel.tsx';
import { KnownErrorPanel } from './KnownErrorPanel.tsx';
import { ProblemIncidentsPanel } from './ProblemIncidentsPanel.tsx';
import { ProblemSteps } from './ProblemSteps.tsx';

const BACK = { label: 'Problems', to: listPath('problem') };

export function ProblemPage() {
  const { ref = '' } = useParams();
  const problem = useProblem(ref);
  const reload = async () => (await problem.refetch()).data;
  return (
    <RecordGate query={problem} number={ref} noun="problem" back={BACK}>
      {(rec) => <ProblemRecord rec={rec} reload={reload} />}
    </RecordGate>
  );
}

function useAssign(rec: ProblemView, onStale: () => void): AssignAction {
  const save = useUpdateProblem(rec);
  return assignAction(
    {
      isPending: save.isPending,
      mutate: (patch, opts) => save.mutate({ patch, version: rec.version }, opts),
    },
    onStale,
  );
}

function ProblemRecord({
  rec,
  reload,
}: {
  rec: ProblemView;
  reload: () => Promise<ProblemView | undefined>;
}) {
  const me = useMe();
  const onStale = staleHandler(rec, 'problem', reload);
  const assign = useAssign(rec, onStale);
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
            <>
              <OpenedBy verb="Raised" rec={rec} />
              {rec.analysis.proactive && <Text span> · proactive</Text>}
            </>
          }
          actions={
            <>
              <ProblemSteps rec={rec} onStale={onStale} />
              {mayRaiseImprovement(me.roles) && (
                <Button
                  component={Link}
                  to={raiseImprovementPath({ kind: 'problem', ref: rec.number })}
                  variant="default"
                >
                  Raise improvement
                </Button>
              )}
            </>
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
          <AnalysisPanel key={rec.version} rec={rec} onStale={onStale} />
          <KnownErrorPanel rec={rec} />
          <ProblemIncidentsPanel rec={rec} />
          <RecordKnowledgePanel rec={rec} />
          <RecordCisPanel recordId={rec.id} canEdit={rec.allowedActions.includes('update')} />
          <TimePanel rec={rec} />
          <WatchersPanel rec={rec} showNames noun="problem" />
          <LinksPanel rec={rec} portal={false} />
        </>
      }
      activity={<ActivityPanel rec={rec} noun="problem" directory />}
    />
  );
}
