import { useLifecycle } from '../../api/queries/admin.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RecordQueue } from '../../kit/list/RecordQueue.tsx';
import type { RecordListState } from '../../kit/list/records.tsx';
import { lifecycleStateOptions, queueDescription } from '../../kit/list/records.tsx';
import { NewButton } from '../../kit/nav/NewButton.tsx';
import { RaiseProblemFromSelection } from '../problems/IncidentProblemPanel.tsx';

function titleOf(state: RecordListState): string {
  if (state.filters.assigneeId === 'me') return 'My work';
  if (state.filters.assigneeId === 'none') return 'Unassigned incidents';
  return 'Incidents';
}

export function IncidentQueuePage() {
  const lifecycle = useLifecycle();
  return (
    <RecordQueue
      kind="incident"
      label="Incidents"
      noun={['incident', 'incidents']}
      states={lifecycleStateOptions(lifecycle.data)}
      header={(state) => (
        <PageHeader
          title={titleOf(state)}
          description={queueDescription(state, 'Newest first unless you sort by a column.')}
          actions={<NewButton to="/incidents/new">New incident</NewButton>}
        />
      )}
      bulkActions={(rows) => <RaiseProblemFromSelection rows={rows} />}
    />
  );
}
