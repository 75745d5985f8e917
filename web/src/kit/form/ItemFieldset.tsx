/**
 * One item of an edited list (a form field, an approval level, a task): a bordered fieldset with
 * its numbered title, any actions of its own (move up / down) and a remove button, then its inputs;
 * and the button under the list that adds one more, until the list holds `max`.
 */
import { ActionIcon, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';

export function ItemFieldset({
  label,
  title,
  actions,
  removeLabel,
  onRemove,
  children,
}: {
  /** The fieldset's accessible name ("Task 2"). */
  label: string;
  title: ReactNode;
  actions?: ReactNode;
  removeLabel: string;
  onRemove: () => void;
  children: ReactNode;
}) {
  const remove = (
    <ActionIcon variant="subtle" color="red.9" aria-label={removeLabel} onClick={onRemove}>
      <IconTrash size={16} />
    </ActionIcon>
  );
  return (
    <Paper p="sm" withBorder component="fieldset" aria-label={label} style={{ margin: 0 }}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600} size="sm">
            {title}
          </Text>
          {actions ? (
            <Group gap={4}>
              {actions}
              {remove}
            </Group>
          ) : (
            remove
          )}
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}

export function AddItemButton({
  count,
  max,
  onAdd,
  children,
}: {
  count: number;
  max: number;
  onAdd: () => void;
  children: ReactNode;
}) {
  return (
    <Button
      variant="light"
      leftSection={<IconPlus size={16} />}
      w="fit-content"
      disabled={count >= max}
      onClick={onAdd}
    >
      {children}
    </Button>
  );
}
