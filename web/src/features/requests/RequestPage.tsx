/** One service request for staff, on the record-page kit: approvals, answers, tasks, coordination, activity. */
import {
  type ServiceRequest,
  useRequest,
  useRequestTransition,
  useUpdateRequest,
} from '../../api/queries/requests.ts';
import { AssignmentPanel } from '../../kit/record/AssignmentPanel.tsx';
import { Fact } from '../../kit/record/Fields.tsx';
import type { StaffRecordFrame, StaffRecordParts } from '../../kit/record/StaffRecordPage.tsx';
import { TransitionBar } from '../../kit/record/TransitionBar.tsx';
import { recordPath } from '../../records/registry.ts';
import { StaffTypePage } from '../../records/StaffTypePage.tsx';
import { RecordCsatPanel } from '../csat/RecordCsatPanel.tsx';
import { RecordKnowledgePanel } from '../knowledge/RecordKnowledgePanel.tsx';
import { BreachRiskPanel } from '../prediction/BreachRiskPanel.tsx';
import { AnswersPanel, ApprovalBanner, RequestProgress } from './RequestProgress.tsx';

function useRequestParts({ rec, reload, onStale }: StaffRecordFrame<ServiceRequest>): StaffRecordParts {
  const run = useRequestTransition(rec);
  const save = useUpdateRequest(rec);
  return {
    verb: 'Ordered',
    showSla: true,
    actions: <TransitionBar rec={rec} run={run} noun="request" onStale={onStale} />,
    banners: <ApprovalBanner rec={rec} />,
    panels: (
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
        <BreachRiskPanel recordId={rec.id} />
        <RecordCsatPanel recordId={rec.id} version={rec.version} />
        <RecordKnowledgePanel rec={rec} />
      </>
    ),
  };
}

export function RequestPage() {
  return (
    <StaffTypePage
      type="request"
      useRecord={useRequest}
      useAssignSave={useUpdateRequest}
      useParts={useRequestParts}
      description={false}
    />
  );
}
