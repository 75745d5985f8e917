/** Approve, or reject with a reason: the decision on one approval level of a request. */
import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { LIMITS } from '../../../../src/shared/limits.ts';
import { type ServiceRequest, useDecideApproval } from '../../api/queries/requests.ts';
import { ReasonDialog } from '../../kit/form/ReasonDialog.tsx';
import { failedAs } from '../../kit/notifyFailure.ts';

/** The level the viewer may decide now, if any. */
export function levelToDecide(rec: ServiceRequest, userId: string) {
  return rec.approval.levels.find(
    (l) =>
      l.state === 'active' &&
      l.approvers.some((a) => a.id === userId) &&
      !l.votes.some((v) => v.approver.id === userId),
  );
}

export function ApprovalActions({
  requestId,
  number,
  level,
  onDone,
}: {
  requestId: string;
  number: string;
  level: number;
  onDone?: (r: ServiceRequest) => void;
}) {
  const decide = useDecideApproval();
  const [rejecting, setRejecting] = useState(false);
  return (
    <>
      <Group gap="xs" role="group" aria-label={`Decide on ${number}`}>
        <Button
          leftSection={<IconCheck size={16} />}
          color="teal.9"
          loading={decide.isPending}
          onClick={() =>
            decide.mutate(
              { requestId, decision: 'approve', level },
              {
                onSuccess: (r) => {
                  notifications.show({ color: 'teal', message: `You approved ${r.number}` });
                  onDone?.(r);
                },
                onError: failedAs('Not approved'),
              },
            )
          }
        >
          Approve
        </Button>
        <Button
          variant="default"
          leftSection={<IconX size={16} />}
          disabled={decide.isPending}
          onClick={() => setRejecting(true)}
        >
          Reject…
        </Button>
      </Group>
      {rejecting && (
        <ReasonDialog
          title={`Reject ${number}`}
          description="The requester sees this reason."
          minRows={3}
          maxLength={LIMITS.commentMax}
          autoFocus
          missing="Tell the requester why"
          submitLabel="Reject"
          cancelLabel="Back"
          color="red.9"
          mutation={decide}
          variables={(reason) => ({ requestId, decision: 'reject' as const, reason, level })}
          errorTitle="The decision was not recorded"
          done={(r) => `You rejected ${r.number}`}
          onDone={onDone}
          onClose={() => setRejecting(false)}
        />
      )}
    </>
  );
}
