/**
 * The staff page of a record type, whole: the record loaded by the number in the URL (with its
 * loading, not-found and error states), the header with "Assign to me" (button and `a` key) and
 * the lifecycle actions, the description, the type's own panels, then the panels every record
 * has (time, watchers, links) and the activity. A record type gives only what is its own, from a
 * hook (`useParts`) so its panels may use queries of their own.
 */
import { Group, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import { useMe } from '../../auth/session.tsx';
import { type AssignAction, type AssignSave, assignAction, assignToMeInput } from './AssignToMe.tsx';
import { LinksPanel } from './Links.tsx';
import { OpenedBy, RecordHeader } from './RecordHeader.tsx';
import { ActivityPanel, RecordGate, RecordLayout, staleHandler } from './RecordPage.tsx';
import { TimePanel } from './TimePanel.tsx';
import type { RecordView } from './types.ts';
import { useRecordShortcuts } from './useRecordShortcuts.ts';
import { WatchersPanel } from './Watchers.tsx';

/** What the type's parts are built from. */
export type StaffRecordFrame<R> = {
  rec: R;
  /** Fetch the record again (after a change elsewhere); resolves to the latest version. */
  reload: () => Promise<R | undefined>;
  /** Call on a 412: tells the person and reloads. */
  onStale: () => void;
  assign: AssignAction;
};

/** What a record type adds to the frame. */
export type StaffRecordParts = {
  /** Beside "Raised by … when" in the header: badges, flags. */
  subtitle?: ReactNode;
  /** The lifecycle actions in the header. */
  actions: ReactNode;
  banners?: ReactNode;
  /** The type's own panels, after the description and before time, watchers and links. */
  panels: ReactNode;
  /** The header's nearest SLA due time (types with SLA clocks). */
  showSla?: boolean;
  /** The verb of "… by": Raised, Ordered, Proposed, Opened. */
  verb?: string;
  /** Instead of "Raised by … when" and the subtitle: a header line of the type's own. */
  byline?: ReactNode;
};

export type StaffRecordPageProps<R extends RecordView> = {
  noun: string;
  back: { label: string; to: string };
  useRecord: (ref: string) => UseQueryResult<R>;
  /** The type's update mutation as "Assign to me" needs it (a minimal patch with If-Match). */
  useAssignSave: (rec: R) => AssignSave;
  useParts: (frame: StaffRecordFrame<R>) => StaffRecordParts;
  /** Show the description above the panels (default); off where a panel of the type shows or edits it. */
  description?: boolean;
  /** The links panel (default on). */
  links?: boolean;
  /** The priority in the header (default on). */
  showPriority?: boolean;
};

export function StaffRecordPage<R extends RecordView>(props: StaffRecordPageProps<R>) {
  const { ref = '' } = useParams();
  const query = props.useRecord(ref);
  const reload = async () => (await query.refetch()).data;
  return (
    <RecordGate query={query} number={ref} noun={props.noun} back={props.back}>
      {(rec) => <StaffRecord {...props} rec={rec} reload={reload} />}
    </RecordGate>
  );
}

function StaffRecord<R extends RecordView>({
  rec,
  reload,
  noun,
  back,
  useAssignSave,
  useParts,
  description = true,
  links = true,
  showPriority = true,
}: StaffRecordPageProps<R> & { rec: R; reload: () => Promise<R | undefined> }) {
  const me = useMe();
  const onStale = staleHandler(rec, noun, reload);
  const assign = assignAction(useAssignSave(rec), onStale);
  const mine = assignToMeInput(rec, me);
  useRecordShortcuts({ assignToMe: mine ? () => assign.run(mine) : null });
  const parts = useParts({ rec, reload, onStale, assign });
  const refresh = () => void reload();
  return (
    <RecordLayout
      header={
        <RecordHeader
          rec={rec}
          back={back}
          audience="staff"
          assign={assign}
          showPriority={showPriority}
          showSla={parts.showSla ?? false}
          subtitle={
            parts.byline ?? (
              <Group gap="xs" component="span">
                <OpenedBy verb={parts.verb ?? 'Raised'} rec={rec} />
                {parts.subtitle}
              </Group>
            )
          }
          actions={parts.actions}
        />
      }
      banners={parts.banners}
      side={
        <>
          {description && rec.description && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {rec.description}
            </Text>
          )}
          {parts.panels}
          <TimePanel rec={rec} />
          <WatchersPanel rec={rec} showNames noun={noun} onChanged={refresh} />
          {links && <LinksPanel rec={rec} portal={false} onChanged={refresh} />}
        </>
      }
      activity={<ActivityPanel rec={rec} noun={noun} directory onChanged={refresh} />}
    />
  );
}
