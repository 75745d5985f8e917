/**
 * A row's trash button. `TrashButton` only calls back (a row of a draft the form saves later);
 * `RemoveButton` runs the removal and says so when it fails.
 */
import { ActionIcon, type ActionIconProps } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import type { UseMutationResult } from '@tanstack/react-query';
import { errorMessage } from '../../api/client.ts';

export function TrashButton({
  label,
  onClick,
  iconSize = 16,
  ...props
}: Omit<ActionIconProps, 'children'> & {
  /** The accessible name: "Remove state Open". */
  label: string;
  onClick: () => void;
  iconSize?: number;
}) {
  return (
    <ActionIcon variant="subtle" color="red" aria-label={label} onClick={onClick} {...props}>
      <IconTrash size={iconSize} />
    </ActionIcon>
  );
}

export function RemoveButton<V>({
  label,
  mutation,
  vars,
  ...props
}: Omit<ActionIconProps, 'children' | 'vars'> & {
  /** The accessible name: "Remove purchase of 10". */
  label: string;
  mutation: Pick<UseMutationResult<unknown, Error, V>, 'mutate'>;
  vars: V;
}) {
  return (
    <TrashButton
      {...props}
      label={label}
      onClick={() =>
        mutation.mutate(vars, {
          onError: (e) =>
            notifications.show({ color: 'red', title: 'Not removed', message: errorMessage(e) }),
        })
      }
    />
  );
}
