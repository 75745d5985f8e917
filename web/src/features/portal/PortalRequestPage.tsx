/** A requester's (or approver's) view of a service request: progress, answers, conversation. */
import { type ServiceRequest, useRequest, useRequestTransition } from '../../api/queries/requests.ts';
import { useMe } from '../../auth/session.tsx';
import { ActivityPanel, RecordLayout } from '../../kit/record/RecordPage.tsx';
import { PortalTypePage } from '../../records/PortalTypePage.tsx';
import { listPath } from '../../records/registry.ts';
import { SurveyPrompt } from '../csat/SurveyPrompt.tsx';
import { AnswersPanel, ApprovalBanner, RequestProgress } from '../requests/RequestProgress.tsx';
import { PortalRecordHeader } from './PortalRecordHeader.tsx';

/** Requesters follow the request, not the service desk's internal routing. */
const HIDDEN_FIELDS = new Set(['assigneeId', 'groupId', 'impact', 'urgency', 'priority', 'serviceId']);

export function PortalRequestPage() {
  return <PortalTypePage type="request" useRecord={useRequest} page={PortalRequest} />;
}

function PortalRequest({ rec, reload }: { rec: ServiceRequest; reload: () => unknown }) {
  const me = useMe();
  const run = useRequestTransition(rec);
  return (
    <RecordLayout
      requester
      header={
        <PortalRecordHeader
          rec={rec}
          run={run}
          noun="request"
          back={{
            label: rec.requester?.id === me.id ? 'My requests' : 'Home',
            to: listPath('request', true),
          }}
          verb="Ordered"
          reload={reload}
        />
      }
      banners={
        <>
          <ApprovalBanner rec={rec} />
          <SurveyPrompt recordId={rec.id} version={rec.version} />
        </>
      }
      side={
        <>
          <RequestProgress rec={rec} />
          <AnswersPanel rec={rec} />
        </>
      }
      activity={
        <ActivityPanel
          rec={rec}
          noun="request"
          title="Conversation"
          hiddenFields={HIDDEN_FIELDS}
          directory={false}
          onChanged={() => void reload()}
        />
      }
    />
  );
}
