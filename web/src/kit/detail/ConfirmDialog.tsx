/** "Delete X?" — a dialog that says what the action does, with the error if it is refused. */
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { ErrorAlert } from '../../components/States.tsx';

export function ConfirmDialog({
  opened,
  onClose,
  title,
  children,
  confirmLabel = 'Delete',
  cancelLabel = 'Keep it',
  pending,
  error,
  errorTitle = 'Not deleted',
  onConfirm,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
  confirmLabel?: string;
  cancelLabel?: string;
  pending: boolean;
  error?: unknown;
  errorTitle?: string;
  onConfirm: () => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={title}>
      <Stack>
        <Text size="sm">{children}</Text>
        <ErrorAlert error={error} title={errorTitle} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {cancelLabel}
          </Button>
          <Button color="red" loading={pending} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
