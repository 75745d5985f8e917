/** The continual improvement register on the list kit, with the KPIs that suggest a proposal. */
import { IconReportAnalytics } from '@tabler/icons-react';
import { mayRaiseImprovement } from '../../api/queries/improvements.ts';
import { useMe } from '../../auth/session.tsx';
import { RecordTypeQueue } from '../../records/RecordTypeQueue.tsx';
import { SuggestionsPanel } from './SuggestionsPanel.tsx';

export function ImprovementQueuePage() {
  const me = useMe();
  const canRaise = mayRaiseImprovement(me);
  return (
    <RecordTypeQueue
      kind="improvement"
      title="Improvement register"
      description="Continual improvement proposals, from KPIs, reviews, problems and people."
      link={{ to: '/reports/improvements', icon: IconReportAnalytics, label: 'Register report' }}
      newLabel="Raise improvement"
      canCreate={canRaise}
      below={<SuggestionsPanel canRaise={canRaise} />}
    />
  );
}
