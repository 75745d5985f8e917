/**
 * The post-implementation review: the outcome (recorded on completion, never hidden), the lessons,
 * the incidents the change caused; a failed or backed-out change raises a problem in one click.
 */
import { Anchor, Badge, Button, Group, TagsInput, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { type ChangeView, useRaiseProblem, useRecordReview } from '../../api/queries/changes.ts';
import { mayRaiseImprovement, raiseImprovementPath } from '../../api/queries/improvements.ts';
import { useMe } from '../../auth/session.tsx';
import { ErrorAlert } from '../../components/States.tsx';
import { DescriptionField } from '../../kit/form/NewRecordForm.tsx';
import { PanelForm } from '../../kit/form/PanelForm.tsx';
import { RecordPanel } from '../../kit/record/RecordPanel.tsx';
import { whenStale } from '../../kit/record/whenStale.ts';
import { Time } from '../../lib/time.tsx';
import { OUTCOME_LABELS } from './labels.ts';

/** Record numbers as links, separated by commas: "INC0000012, INC0000015". */
function NumberLinks({ records, base }: { records: { id: string; number: string }[]; base: string }) {
  return records.map((r, n) => (
    <span key={r.id}>
      {n > 0 && ', '}
      <Anchor component={Link} to={`${base}/${r.number}`}>
        {r.number}
      </Anchor>
    </span>
  ));
}

export function ReviewPanel({ rec, onStale }: { rec: ChangeView; onStale: () => void }) {
  const me = useMe();
  const navigate = useNavigate();
  const save = useRecordReview(rec);
  const raise = useRaiseProblem(rec);
  const [lessons, setLessons] = useState(rec.pirLessons ?? '');
  const [incidents, setIncidents] = useState<string[]>([]);
  if (!rec.outcome && rec.stateCategory !== 'resolved') return null;
  const inReview = rec.stateCategory === 'resolved' && rec.allowedActions.includes('update');
  const failed = rec.outcome === 'failed' || rec.outcome === 'backed_out';
  return (
    <RecordPanel
      id="review-title"
      title="Post-implementation review"
      gap="sm"
      actions={
        rec.outcome && (
          <Badge color={failed ? 'red' : 'teal'} variant="light">
            {OUTCOME_LABELS[rec.outcome]}
          </Badge>
        )
      }
    >
      {rec.reviewedAt ? (
        <Group justify="space-between" gap="xs">
          <Text size="xs" c="dimmed">
            Reviewed <Time iso={rec.reviewedAt} />
          </Text>
          {mayRaiseImprovement(me) && (
            <Anchor component={Link} to={raiseImprovementPath({ kind: 'pir', ref: rec.number })} size="sm">
              Raise improvement
            </Anchor>
          )}
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          Not reviewed yet: record what was learnt before closing.
        </Text>
      )}
      {rec.causedIncidents.length > 0 && (
        <Text size="sm">
          Incidents caused: <NumberLinks records={rec.causedIncidents} base="/incidents" />
        </Text>
      )}
      {rec.problems.length > 0 && (
        <Text size="sm">
          Problems: <NumberLinks records={rec.problems} base="/problems" />
        </Text>
      )}
      <PanelForm
        onSubmit={() => {
          save.mutate(
            { lessons, ...(incidents.length ? { incidentIds: incidents } : {}) },
            {
              onSuccess: () => {
                setIncidents([]);
                notifications.show({ color: 'teal', message: 'Review recorded' });
              },
              onError: whenStale(onStale),
            },
          );
        }}
        error={save.error}
        errorTitle="Could not record the review"
        submitLabel="Record review"
        pending={save.isPending}
        readOnly={!inReview}
        extra={
          failed && (
            <Button
              variant="outline"
              loading={raise.isPending}
              onClick={() =>
                raise.mutate(undefined, {
                  onSuccess: (p) => {
                    notifications.show({ color: 'teal', message: `${p.number} raised` });
                    navigate(`/problems/${p.number}`);
                  },
                })
              }
            >
              Raise problem
            </Button>
          )
        }
      >
        <DescriptionField
          label="Lessons"
          description={failed || rec.changeType === 'emergency' ? 'Needed before closing' : undefined}
          minRows={2}
          readOnly={!inReview}
          value={lessons}
          onChange={setLessons}
        />
        {inReview && (
          <TagsInput
            label="Incidents caused by the change"
            description="Incident numbers; press Enter after each"
            value={incidents}
            onChange={(v) => setIncidents(v.map((x) => x.trim().toUpperCase()))}
          />
        )}
        <ErrorAlert error={raise.error} title="Could not raise a problem" />
      </PanelForm>
    </RecordPanel>
  );
}
