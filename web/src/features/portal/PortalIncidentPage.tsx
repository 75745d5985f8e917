/** A requester's view of their incident: status, public conversation, comments, files and the steps offered. */
import { Text } from '@mantine/core';
import { useIncident, useTransition } from '../../api/queries/incidents.ts';
import type { Incident } from '../../api/types.ts';
import { LinksPanel } from '../../kit/record/Links.tsx';
import { ActivityPanel, RecordLayout } from '../../kit/record/RecordPage.tsx';
import { ProseOrNone, RecordPanel } from '../../kit/record/RecordPanel.tsx';
import { WatchersPanel } from '../../kit/record/Watchers.tsx';
import { humanize } from '../../lib/labels.ts';
import { Time } from '../../lib/time.tsx';
import { PortalTypePage } from '../../records/PortalTypePage.tsx';
import { listPath } from '../../records/registry.ts';
import { SurveyPrompt } from '../csat/SurveyPrompt.tsx';
import { PortalRecordHeader } from './PortalRecordHeader.tsx';

/** Requesters see the conversation and the state, not the service desk's internal routing. */
const HIDDEN_FIELDS = new Set(['assigneeId', 'groupId', 'impact', 'priority', 'serviceId']);

export function PortalIncidentPage() {
  return <PortalTypePage type="incident" useRecord={useIncident} page={PortalIncident} />;
}

function PortalIncident({ rec, reload }: { rec: Incident; reload: () => unknown }) {
  const run = useTransition(rec);
  return (
    <RecordLayout
      requester
      banners={<SurveyPrompt recordId={rec.id} version={rec.version} />}
      header={
        <PortalRecordHeader
          rec={rec}
          run={run}
          noun="incident"
          back={{ label: 'My incidents', to: listPath('incident', true) }}
          verb="Reported"
          reload={reload}
        />
      }
      side={
        <>
          <RecordPanel id="about-title" title="About this incident">
            <ProseOrNone text={rec.description} none="No details given." />
            {rec.resolutionCode && (
              <Text size="sm" mt="sm">
                <b>Resolution:</b> {humanize(rec.resolutionCode)}
                {rec.resolutionNotes ? ` – ${rec.resolutionNotes}` : ''}
              </Text>
            )}
            <Text size="xs" c="dimmed" mt="sm">
              Last updated <Time iso={rec.updatedAt} size="xs" />
            </Text>
          </RecordPanel>
          <WatchersPanel rec={rec} showNames={false} noun="incident" />
          <LinksPanel rec={rec} portal />
        </>
      }
      activity={
        <ActivityPanel
          rec={rec}
          noun="incident"
          title="Conversation"
          hiddenFields={HIDDEN_FIELDS}
          directory={false}
        />
      }
    />
  );
}
