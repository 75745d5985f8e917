/** The header of a record in the portal: back to the requester's list, who opened it, and the steps offered. */
import { OpenedBy, RecordHeader } from '../../kit/record/RecordHeader.tsx';
import { staleHandler } from '../../kit/record/RecordPage.tsx';
import { type StepRun, TransitionBar } from '../../kit/record/TransitionBar.tsx';
import type { RecordView } from '../../kit/record/types.ts';

export function PortalRecordHeader({
  rec,
  run,
  noun,
  back,
  verb,
  reload,
}: {
  rec: RecordView;
  run: StepRun;
  noun: string;
  back: { label: string; to: string };
  /** How it was opened: "Reported", "Ordered". */
  verb: string;
  reload: () => unknown;
}) {
  return (
    <RecordHeader
      rec={rec}
      back={back}
      audience="requester"
      subtitle={<OpenedBy verb={verb} rec={rec} />}
      actions={<TransitionBar rec={rec} run={run} noun={noun} onStale={staleHandler(rec, noun, reload)} />}
    />
  );
}
