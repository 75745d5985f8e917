/**
 * Deleting the item a detail page shows: "Delete X?" with what it means, then the delete, a
 * notification and back to the list. `DeleteButton` brings its own button; a page with the button
 * elsewhere (in its header) opens `DeleteDialog` itself.
 */
import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import type { UseMutationResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { ConfirmDialog } from './ConfirmDialog.tsx';

type DeleteProps<V> = {
  /** The item's name: "Delete <name>?", "<name> deleted". */
  name: string;
  remove: Pick<UseMutationResult<unknown, Error, V>, 'mutate' | 'isPending' | 'error'>;
  vars: V;
  /** The list to go back to once deleted. */
  backTo: string;
  /** What deleting means (or why it may be refused). */
  children: ReactNode;
  /** The dialog's buttons, when not "Delete" and "Keep it". */
  confirmLabel?: string;
  cancelLabel?: string;
};

export function DeleteDialog<V>({
  opened,
  onClose,
  name,
  remove,
  vars,
  backTo,
  children,
  confirmLabel,
  cancelLabel,
}: DeleteProps<V> & { opened: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  return (
    <ConfirmDialog
      opened={opened}
      onClose={onClose}
      title={`Delete ${name}?`}
      confirmLabel={confirmLabel}
      cancelLabel={cancelLabel}
      pending={remove.isPending}
      error={remove.error}
      onConfirm={() =>
        remove.mutate(vars, {
          onSuccess: () => {
            notifications.show({ color: 'teal', message: `${name} deleted` });
            navigate(backTo);
          },
        })
      }
    >
      {children}
    </ConfirmDialog>
  );
}

/** "Delete <noun>" under a detail page's sections; the last refusal is cleared on opening. */
export function DeleteButton<V>({
  label,
  remove,
  ...props
}: DeleteProps<V> & {
  label: string;
  remove: DeleteProps<V>['remove'] & { reset: () => void };
}) {
  const [opened, controls] = useDisclosure();
  return (
    <>
      <Button
        variant="subtle"
        color="red"
        w="fit-content"
        leftSection={<IconTrash size={16} />}
        onClick={() => {
          remove.reset();
          controls.open();
        }}
      >
        {label}
      </Button>
      <DeleteDialog opened={opened} onClose={controls.close} remove={remove} {...props} />
    </>
  );
}
