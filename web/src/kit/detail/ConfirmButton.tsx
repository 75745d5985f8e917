/**
 * A button that asks before it acts (revoke a token, remove a row): it opens a ConfirmDialog saying
 * what the action does, and confirming runs `mutation` with `vars`. A refusal shows in the dialog;
 * once done the dialog closes and `onDone` runs. The last refusal is cleared on opening.
 *
 *   <ConfirmButton size="xs" label="Revoke" title="Revoke “CI sync”?" confirmLabel="Revoke token"
 *     mutation={revoke} vars={token.id}>Programs using it stop working.</ConfirmButton>
 */
import { Button, type ButtonProps } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { UseMutationResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ConfirmDialog } from './ConfirmDialog.tsx';

export function ConfirmButton<V>({
  label,
  title,
  children,
  confirmLabel,
  errorTitle,
  mutation,
  vars,
  onDone,
  ...button
}: Omit<ButtonProps, 'children' | 'vars'> & {
  /** The button's text. */
  label: ReactNode;
  'aria-label'?: string;
  /** The dialog's question. */
  title: string;
  /** What the action does. */
  children: ReactNode;
  confirmLabel: string;
  errorTitle: string;
  mutation: Pick<UseMutationResult<unknown, Error, V>, 'mutate' | 'isPending' | 'error' | 'reset'>;
  vars: V;
  onDone?: () => void;
}) {
  const [opened, controls] = useDisclosure();
  return (
    <>
      <Button
        variant="subtle"
        color="red"
        {...button}
        onClick={() => {
          mutation.reset();
          controls.open();
        }}
      >
        {label}
      </Button>
      <ConfirmDialog
        opened={opened}
        onClose={controls.close}
        title={title}
        confirmLabel={confirmLabel}
        pending={mutation.isPending}
        error={mutation.error}
        errorTitle={errorTitle}
        onConfirm={() =>
          mutation.mutate(vars, {
            onSuccess: () => {
              controls.close();
              onDone?.();
            },
          })
        }
      >
        {children}
      </ConfirmDialog>
    </>
  );
}
