/** A dialog that asks for a reason before an action the history keeps (a veto, a conflict override). */
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { LIMITS } from '../../../../src/shared/limits.ts';
import { ErrorAlert } from '../../components/States.tsx';
import { SubmitForm } from '../../kit/form/SubmitForm.tsx';

export function ReasonDialog({
  title,
  explanation,
  action,
  color,
  pending,
  error,
  onSubmit,
  onClose,
}: {
  title: string;
  explanation: string;
  /** The submit button's label, and the error's "Could not …". */
  action: string;
  color?: string;
  pending: boolean;
  error: unknown;
  onSubmit: (reason: string) => void;
  onClose: () => void;
}) {
  const [reason, setReason] = useState('');
  return (
    <Modal opened onClose={onClose} title={title}>
      <SubmitForm
        onSubmit={() => {
          onSubmit(reason.trim());
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
          <ErrorAlert error={error} title={`Could not ${action.toLowerCase()}`} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color={color} disabled={!reason.trim()} loading={pending}>
              {action}
            </Button>
          </Group>
        </Stack>
      </SubmitForm>
    </Modal>
  );
}
