/**
 * A form in a dialog: the fields `children` give (with the error where the form wants it), then
 * the dialog's actions: Cancel, which closes it, and the submit button (DialogActions, given the
 * rest of the props). The browser's own checks run unless `noValidate` (the form then says itself
 * what is missing).
 */
import { type MantineSpacing, Modal, type ModalProps, Stack } from '@mantine/core';
import type { ComponentProps, ReactNode } from 'react';
import { DialogActions } from './DialogActions.tsx';
import { SubmitForm } from './SubmitForm.tsx';

export function FormDialog({
  title,
  opened = true,
  onClose,
  onSubmit,
  noValidate,
  size,
  gap,
  children,
  ...actions
}: Omit<ComponentProps<typeof DialogActions>, 'onCancel' | 'gap'> & {
  title: string;
  opened?: boolean;
  onClose: () => void;
  onSubmit: () => void;
  noValidate?: boolean;
  size?: ModalProps['size'];
  /** Between the fields; Mantine's default when not given. */
  gap?: MantineSpacing;
  children: ReactNode;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} size={size}>
      <SubmitForm noValidate={noValidate} onSubmit={onSubmit}>
        <Stack gap={gap}>
          {children}
          <DialogActions onCancel={onClose} {...actions} />
        </Stack>
      </SubmitForm>
    </Modal>
  );
}
