/** The continual improvement register on the list kit, with the KPIs that suggest a proposal. */
import { Group } from '@mantine/core';
import { IconReportAnalytics } from '@tabler/icons-react';
import { mayRaiseImprovement } from '../../api/queries/improvements.ts';
import { useProcessLifecycle } from '../../api/queries/process.ts';
import { useMe } from '../../auth/session.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RecordQueue } from '../../kit/list/RecordQueue.tsx';
import { lifecycleStateOptions, queueDescription } from '../../kit/list/records.tsx';
import { LinkButton } from '../../kit/nav/LinkButton.tsx';
import { NewButton } from '../../kit/nav/NewButton.tsx';
import { SuggestionsPanel } from './SuggestionsPanel.tsx';

export function ImprovementQueuePage() {
  const me = useMe();
  const canRaise = mayRaiseImprovement(me.roles);
  const lifecycle = useProcessLifecycle('improvement');
  return (
    <RecordQueue
      kind="improvement"
      label="Improvements"
      noun={['improvement', 'improvements']}
      states={lifecycleStateOptions(lifecycle.data)}
      header={(state) => (
        <>
          <PageHeader
            title="Improvement register"
            description={queueDescription(
              state,
              'Continual improvement proposals, from KPIs, reviews, problems and people.',
            )}
            actions={
              <Group gap="sm">
                <LinkButton to="/reports/improvements" icon={<IconReportAnalytics size={16} />}>
                  Register report
                </LinkButton>
                {canRaise && <NewButton to="/improvements/new">Raise improvement</NewButton>}
              </Group>
            }
          />
          <SuggestionsPanel canRaise={canRaise} />
        </>
      )}
    />
  );
}
