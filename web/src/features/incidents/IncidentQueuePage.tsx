import type { RecordListState } from '../../kit/list/records.tsx';
import { RecordTypeQueue } from '../../records/RecordTypeQueue.tsx';
import { RaiseProblemFromSelection } from '../problems/IncidentProblemPanel.tsx';

function titleOf(state: RecordListState): string {
  if (state.filters.assigneeId === 'me') return 'My work';
  if (state.filters.assigneeId === 'none') return 'Unassigned incidents';
  return 'Incidents';
}

export function IncidentQueuePage() {
  return (
    <RecordTypeQueue
      kind="incident"
      title={titleOf}
      description="Newest first unless you sort by a column."
      bulkActions={(rows) => <RaiseProblemFromSelection rows={rows} />}
    />
  );
}
