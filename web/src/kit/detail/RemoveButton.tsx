/** A row's trash button: runs the removal and says so when it fails. */
import { ActionIcon } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import type { UseMutationResult } from '@tanstack/react-query';
import { errorMessage } from '../../api/client.ts';

export function RemoveButton<V>({
  label,
  mutation,
  vars,
}: {
  /** The accessible name: "Remove purchase of 10". */
  label: string;
  mutation: Pick<UseMutationResult<unknown, Error, V>, 'mutate'>;
  vars: V;
}) {
  return (
    <ActionIcon
      variant="subtle"
      color="red"
      aria-label={label}
      onClick={() =>
        mutation.mutate(vars, {
          onError: (e) =>
            notifications.show({ color: 'red', title: 'Not removed', message: errorMessage(e) }),
        })
      }
    >
      <IconTrash size={16} />
    </ActionIcon>
  );
}
