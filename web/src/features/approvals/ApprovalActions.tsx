/** Approve, or reject with a reason: the decision on one approval level of a request. */
import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { LIMITS } from '../../../../src/shared/limits.ts';
import { errorMessage } from '../../api/client.ts';
import { type ServiceRequest, useDecideApproval } from '../../api/queries/requests.ts';
import { ErrorAlert } from '../../components/States.tsx';
import { SubmitForm } from '../../kit/form/SubmitForm.tsx';

/** The level the viewer may decide now, if any. */
export function levelToDecide(rec: ServiceRequest, userId: string) {
  return rec.approval.levels.find(
    (l) =>
      l.state === 'active' &&
      l.approvers.some((a) => a.id === userId) &&
      !l.votes.some((v) => v.approver.id === userId),
  );
}

function RejectDialog({
  number,
  requestId,
  level,
  onClose,
  onDone,
}: {
  number: string;
  requestId: string;
  level: number;
  onClose: () => void;
  onDone?: (r: ServiceRequest) => void;
}) {
  const decide = useDecideApproval();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const missing = touched && !reason.trim() ? 'Tell the requester why' : undefined;
  return (
    <Modal opened onClose={onClose} title={`Reject ${number}`}>
      <SubmitForm
        noValidate
        onSubmit={() => {
          setTouched(true);
          if (!reason.trim()) return;
          decide.mutate(
            { requestId, decision: 'reject', reason: reason.trim(), level },
            {
              onSuccess: (r) => {
                notifications.show({ color: 'teal', message: `You rejected ${r.number}` });
                onClose();
                onDone?.(r);
              },
            },
          );
        }}
      >
        <Stack>
          <Textarea
            label="Reason"
            description="The requester sees this reason."
            required
            autosize
            minRows={3}
            maxLength={LIMITS.commentMax}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={missing}
            data-autofocus
          />
          <ErrorAlert error={decide.error} title="The decision was not recorded" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Back
            </Button>
            <Button type="submit" color="red.9" loading={decide.isPending}>
              Reject
            </Button>
          </Group>
        </Stack>
      </SubmitForm>
    </Modal>
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
                onError: (e) =>
                  notifications.show({ color: 'red', title: 'Not approved', message: errorMessage(e) }),
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
        <RejectDialog
          number={number}
          requestId={requestId}
          level={level}
          onClose={() => setRejecting(false)}
          onDone={onDone}
        />
      )}
    </>
  );
}
