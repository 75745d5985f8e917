/**
 * A dialog that asks for a reason before an action the history keeps (a veto, a conflict override):
 * it sends the reason with `mutation`, then closes and says `done`.
 */
import { Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { UseMutationResult } from '@tanstack/react-query';
import { useState } from 'react';
import { LIMITS } from '../../../../src/shared/limits.ts';
import { ErrorAlert } from '../../components/States.tsx';
import { DialogActions } from '../../kit/form/DialogActions.tsx';
import { SubmitForm } from '../../kit/form/SubmitForm.tsx';

export function ReasonDialog({
  title,
  explanation,
  action,
  color,
  mutation,
  done,
  onClose,
}: {
  title: string;
  explanation: string;
  /** The submit button's label, and the error's "Could not …". */
  action: string;
  color?: string;
  mutation: UseMutationResult<unknown, Error, string>;
  /** The notice once it is done. */
  done: string;
  onClose: () => void;
}) {
  const [reason, setReason] = useState('');
  return (
    <Modal opened onClose={onClose} title={title}>
      <SubmitForm
        onSubmit={() => {
          mutation.mutate(reason.trim(), {
            onSuccess: () => {
              onClose();
              notifications.show({ color: 'teal', message: done });
            },
          });
        }}
      >
        <Stack gap="sm">
          <Text size="sm">{explanation}</Text>
          <Textarea
            label="Reason"
            required
            autosize
            minRows={2}
            maxLength={LIMITS.resolutionNotesMax}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <ErrorAlert error={mutation.error} title={`Could not ${action.toLowerCase()}`} />
          <DialogActions
            onCancel={onClose}
            submitLabel={action}
            pending={mutation.isPending}
            disabled={!reason.trim()}
            color={color}
          />
        </Stack>
      </SubmitForm>
    </Modal>
  );
}
