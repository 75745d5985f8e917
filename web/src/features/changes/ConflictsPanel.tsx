/**
 * Scheduling conflicts of the change as planned, each with its reason: shown to whoever plans the
 * change, so they move it to a free slot; the change manager may accept them with a reason instead.
 */
import { Alert, Anchor, Badge, Button, Group, List, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { LIMITS } from '../../../../src/shared/limits.ts';
import { type ChangeView, useConflicts, useOverrideConflicts } from '../../api/queries/changes.ts';
import { useMe } from '../../auth/session.tsx';
import { ErrorAlert } from '../../components/States.tsx';
import { ReasonDialog } from '../../kit/form/ReasonDialog.tsx';
import { RecordPanel } from '../../kit/record/RecordPanel.tsx';
import { CONFLICT_LABELS, isChangeManager } from './labels.ts';

const OPEN_STATES = new Set(['new', 'assess', 'authorise', 'scheduled']);

export function ConflictsPanel({ rec }: { rec: ChangeView }) {
  const me = useMe();
  const report = useConflicts(rec);
  const override = useOverrideConflicts(rec);
  const [open, setOpen] = useState(false);
  if (!OPEN_STATES.has(rec.state)) return null;
  const conflicts = report.data?.conflicts ?? [];
  return (
    <RecordPanel
      id="conflicts-title"
      title="Schedule conflicts"
      gap="sm"
      actions={
        report.data ? (
          <Badge
            color={conflicts.length === 0 ? 'teal' : report.data.overridden ? 'yellow' : 'red'}
            variant="light"
          >
            {conflicts.length === 0
              ? 'Free slot'
              : report.data.overridden
                ? 'Overridden'
                : `${conflicts.length} conflict${conflicts.length === 1 ? '' : 's'}`}
          </Badge>
        ) : null
      }
    >
      {!rec.plannedStart || !rec.plannedEnd ? (
        <Text size="sm" c="dimmed">
          Plan the start and end to check the schedule.
        </Text>
      ) : (
        <>
          <ErrorAlert error={report.error} title="Could not check the schedule" />
          {report.data && conflicts.length === 0 && (
            <Text size="sm">No other change, freeze or maintenance window stands in the way.</Text>
          )}
          {conflicts.length > 0 && (
            <Alert
              color={report.data?.overridden ? 'yellow' : 'red'}
              variant="light"
              role="alert"
              title="This slot conflicts"
            >
              <List size="sm" spacing={4}>
                {conflicts.map((c) => (
                  <List.Item key={`${c.kind}-${c.otherRecordId ?? c.windowId ?? ''}`}>
                    <Text span fw={500} size="sm">
                      {CONFLICT_LABELS[c.kind]}
                    </Text>
                    {c.otherNumber && (
                      <>
                        {' '}
                        (
                        <Anchor
                          component={Link}
                          to={`/changes/${c.otherNumber}`}
                          size="sm"
                          c="blue.9"
                          underline="always"
                        >
                          {c.otherNumber}
                        </Anchor>
                        )
                      </>
                    )}
                    : {c.reason}
                  </List.Item>
                ))}
              </List>
              <Text size="sm" mt="xs">
                {report.data?.overridden
                  ? `Accepted by the change manager: ${report.data.override?.reason}`
                  : 'Move the change to a free slot, or the change manager accepts the conflicts with a reason.'}
              </Text>
            </Alert>
          )}
          {conflicts.length > 0 && !report.data?.overridden && isChangeManager(me) && (
            <Group justify="flex-end">
              <Button variant="outline" onClick={() => setOpen(true)}>
                Override…
              </Button>
            </Group>
          )}
        </>
      )}
      {open && (
        <ReasonDialog
          title={`Override the conflicts of ${rec.number}`}
          explanation="The change may then be scheduled and implemented in this slot. New dates or new conflicts need a new override."
          submitLabel="Override"
          maxLength={LIMITS.resolutionNotesMax}
          mutation={override}
          errorTitle="Could not override"
          done="Conflicts accepted"
          onClose={() => setOpen(false)}
        />
      )}
    </RecordPanel>
  );
}
