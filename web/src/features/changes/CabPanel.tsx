/**
 * The board's review of a change: who sits on it, the rule and how far the quorum is, every vote
 * and comment; members approve or reject (once, with a comment) or comment, the change manager
 * comments or vetoes.
 */
import { Badge, Button, Group, List, Progress, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { LIMITS } from '../../../../src/shared/limits.ts';
import { type ChangeView, useCabVote, useVeto } from '../../api/queries/changes.ts';
import { useMe } from '../../auth/session.tsx';
import { ErrorAlert } from '../../components/States.tsx';
import { DescriptionField } from '../../kit/form/NewRecordForm.tsx';
import { ReasonDialog } from '../../kit/form/ReasonDialog.tsx';
import { RecordPanel } from '../../kit/record/RecordPanel.tsx';
import { Time } from '../../lib/time.tsx';
import { isChangeManager, RULE_LABELS } from './labels.ts';

const STATE_COLORS: Record<string, string> = {
  active: 'blue',
  approved: 'teal',
  rejected: 'red',
  vetoed: 'red',
  canceled: 'gray',
};
const DECISION_WORDS: Record<string, string> = {
  approve: 'approved',
  reject: 'rejected',
  comment: 'commented',
  veto: 'vetoed',
};

export function CabPanel({ rec }: { rec: ChangeView }) {
  const me = useMe();
  const review = rec.cab;
  const vote = useCabVote(rec);
  const veto = useVeto(rec);
  const [comment, setComment] = useState('');
  const [vetoOpen, setVetoOpen] = useState(false);
  if (!review)
    return rec.changeType === 'standard' ? null : (
      <RecordPanel id="cab-title" title="Change advisory board">
        <Text size="sm" c="dimmed">
          {rec.changeType === 'emergency'
            ? 'Sent to the emergency CAB when authorisation is requested.'
            : 'Sent to the CAB once the change is assessed.'}
        </Text>
      </RecordPanel>
    );
  const active = review.state === 'active';
  const member = review.members.some((m) => m.id === me.id);
  const voted = review.votes.some(
    (v) => v.user.id === me.id && (v.decision === 'approve' || v.decision === 'reject'),
  );
  const manager = isChangeManager(me);
  const send = (decision: 'approve' | 'reject' | 'comment') =>
    vote.mutate(
      { decision, ...(comment.trim() ? { comment: comment.trim() } : {}) },
      {
        onSuccess: (c) => {
          setComment('');
          notifications.show({
            color: 'teal',
            message:
              decision === 'comment'
                ? 'Comment added'
                : `Vote recorded; ${c.number} is ${c.stateLabel.toLowerCase()}`,
          });
        },
      },
    );
  return (
    <RecordPanel
      id="cab-title"
      title={review.board.name}
      gap="sm"
      actions={
        <Badge color={STATE_COLORS[review.state]} variant="light">
          {review.state}
        </Badge>
      }
    >
      <Text size="sm">
        {RULE_LABELS[review.rule]}
        {review.rule === 'quorum' ? ` of ${review.quorum}` : ''}: {review.approvals} of {review.required}{' '}
        approvals needed
        {review.rejections ? `, ${review.rejections} against` : ''}.
      </Text>
      <Progress
        value={Math.min(100, (review.approvals / review.required) * 100)}
        aria-label={`Quorum: ${review.approvals} of ${review.required} approvals`}
        color="teal"
      />
      <Text size="xs" c="dimmed">
        Members: {review.members.map((m) => m.name).join(', ')}
      </Text>
      {review.votes.length > 0 && (
        <List size="sm" spacing={4} aria-label="Votes and comments">
          {review.votes.map((v) => (
            <List.Item key={`${v.user.id}-${v.at}`}>
              <Text span fw={500} size="sm">
                {v.user.name}
              </Text>{' '}
              {DECISION_WORDS[v.decision]} <Time iso={v.at} />
              {v.comment && (
                <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                  {v.comment}
                </Text>
              )}
            </List.Item>
          ))}
        </List>
      )}
      {active && (member || manager) && (
        <>
          <DescriptionField
            label="Comment"
            description={member && !voted ? 'Needed to reject; optional when approving' : undefined}
            minRows={2}
            maxLength={LIMITS.commentMax}
            value={comment}
            onChange={setComment}
          />
          <ErrorAlert error={vote.error} title="Could not record that" />
          <Group justify="flex-end" gap="xs">
            <Button
              variant="default"
              disabled={!comment.trim()}
              loading={vote.isPending}
              onClick={() => send('comment')}
            >
              Comment
            </Button>
            {member && !voted && (
              <>
                <Button
                  color="red.9"
                  disabled={!comment.trim()}
                  loading={vote.isPending}
                  onClick={() => send('reject')}
                >
                  Reject
                </Button>
                <Button color="teal.9" loading={vote.isPending} onClick={() => send('approve')}>
                  Approve
                </Button>
              </>
            )}
            {manager && (
              <Button color="red.9" variant="outline" onClick={() => setVetoOpen(true)}>
                Veto…
              </Button>
            )}
          </Group>
        </>
      )}
      {vetoOpen && (
        <ReasonDialog
          title={`Veto ${rec.number}`}
          explanation="The change is rejected whatever the votes; the reason goes to its history."
          submitLabel="Veto"
          color="red.9"
          maxLength={LIMITS.resolutionNotesMax}
          mutation={veto}
          errorTitle="Could not veto"
          done={`${rec.number} vetoed`}
          onClose={() => setVetoOpen(false)}
        />
      )}
    </RecordPanel>
  );
}
