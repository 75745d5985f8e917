/** One service request for staff, on the record-page kit: approvals, answers, tasks, coordination, activity. */
import { useParams } from 'react-router-dom';
import {
  type ServiceRequest,
  useRequest,
  useRequestTransition,
  useUpdateRequest,
} from '../../api/queries/requests.ts';
import { useMe } from '../../auth/session.tsx';
import { AssignmentPanel } from '../../kit/record/AssignmentPanel.tsx';
import { assignAction, assignToMeInput } from '../../kit/record/AssignToMe.tsx';
import { Fact } from '../../kit/record/Fields.tsx';
import { LinksPanel } from '../../kit/record/Links.tsx';
import { OpenedBy, RecordHeader } from '../../kit/record/RecordHeader.tsx';
import { ActivityPanel, RecordGate, RecordLayout, staleHandler } from '../../kit/record/RecordPage.tsx';
import { TimePanel } from '../../kit/record/TimePanel.tsx';
import { TransitionBar } from '../../kit/record/TransitionBar.tsx';
import { useRecordShortcuts } from '../../kit/record/useRecordShortcuts.ts';
import { WatchersPanel } from '../../kit/record/Watchers.tsx';
import { listPath, recordPath } from '../../records/registry.ts';
import { RecordCsatPanel } from '../csat/RecordCsatPanel.tsx';
import { RecordKnowledgePanel } from '../knowledge/RecordKnowledgePanel.tsx';
import { AnswersPanel, ApprovalBanner, RequestProgress } from './RequestProgress.tsx';

const BACK = { label: 'Service requests', to: listPath('request') };

export function RequestPage() {
  const { ref = '' } = useParams();
  const request = useRequest(ref);
  const reload = async () => (await request.refetch()).data;
  return (
    <RecordGate query={request} number={ref} noun="request" back={BACK}>
      {(rec) => <RequestView rec={rec} reload={reload} />}
    </RecordGate>
  );
}

function RequestView({
  rec,
  reload,
}: {
  rec: ServiceRequest;
  reload: () => Promise<ServiceRequest | undefined>;
}) {
  const me = useMe();
  const run = useRequestTransition(rec);
  const save = useUpdateRequest(rec);
  const onStale = staleHandler(rec, 'request', reload);
  const assign = assignAction(save, onStale);
  const mine = assignToMeInput(rec, me);
  useRecordShortcuts({ assignToMe: mine ? () => assign.run(mine) : null });
  const refresh = () => void reload();

  return (
    <RecordLayout
      header={
        <RecordHeader
          rec={rec}
          back={BACK}
          audience="staff"
          assign={assign}
          subtitle={<OpenedBy verb="Ordered" rec={rec} />}
          actions={<TransitionBar rec={rec} run={run} noun="request" onStale={onStale} />}
        />
      }
      banners={<ApprovalBanner rec={rec} />}
      side={
        <>
          <RequestProgress rec={rec} taskLink={(n) => recordPath('request_task', n)} />
          <AnswersPanel rec={rec} />
          <AssignmentPanel
            rec={rec}
            title="Coordination"
            noun="request"
            labels={{ group: 'Coordinating group', assignee: 'Coordinator' }}
            save={save}
            reload={reload}
          >
            <Fact label="Requester">
              {rec.requester?.name ?? '—'}
              {rec.requester?.email ? ` (${rec.requester.email})` : ''}
            </Fact>
            <Fact label="Catalog item">{rec.catalogItem.name}</Fact>
          </AssignmentPanel>
          <RecordCsatPanel recordId={rec.id} version={rec.version} />
          <RecordKnowledgePanel rec={rec} />
          <TimePanel rec={rec} />
          <WatchersPanel rec={rec} showNames noun="request" onChanged={refresh} />
          <LinksPanel rec={rec} portal={false} onChanged={refresh} />
        </>
      }
      activity={<ActivityPanel rec={rec} noun="request" directory onChanged={refresh} />}
    />
  );
}
