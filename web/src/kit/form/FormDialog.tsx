/**
 * A form in a dialog: the fields `children` give (with the error where the form wants it), then
 * the dialog's actions: Cancel, which closes it, and the submit button (DialogActions, given the
 * rest of the props). The browser's own checks do not run: what is missing or wrong shows on the
 * fields and in the form's error, in the app's words, as the server or the form's own checks say it.
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
  size,
  gap,
  children,
  ...actions
}: Omit<ComponentProps<typeof DialogActions>, 'onCancel' | 'gap'> & {
  title: string;
  opened?: boolean;
  onClose: () => void;
  onSubmit: () => void;
  size?: ModalProps['size'];
  /** Between the fields; Mantine's default when not given. */
  gap?: MantineSpacing;
  children: ReactNode;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} size={size}>
      <SubmitForm onSubmit={onSubmit}>
        <Stack gap={gap}>
          {children}
          <DialogActions onCancel={onClose} {...actions} />
        </Stack>
      </SubmitForm>
    </Modal>
  );
}
