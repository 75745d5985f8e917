/**
 * One item of an edited list (a form field, an approval level, a task): a bordered fieldset with
 * its numbered title, any actions of its own (move up / down) and a remove button, then its inputs;
 * and the button under the list that adds one more, until the list holds `max`. `ItemsEditor` is
 * the whole list: the items edited in place by their position, each in its fieldset, then that button.
 *
 *   <ItemsEditor items={tasks} onChange={setTasks} name="task" max={20} newItem={() => …} addLabel="Add task">
 *     {(t, i, update) => <TextInput value={t.title} onChange={(e) => update({ ...t, title: … })} />}
 *   </ItemsEditor>
 */
import { ActionIcon, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { MoveButtons, moveItem } from './MoveButtons.tsx';

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

export function ItemsEditor<T>({
  items,
  onChange,
  name,
  title,
  movable = false,
  max,
  newItem,
  addLabel,
  children,
}: {
  items: T[];
  onChange: (items: T[]) => void;
  /** What one item is, lower-case ("task", "approval level"): numbered, it names the fieldset and its buttons. */
  name: string;
  /** The fieldset's visible title; by default its name ("Task 2"). */
  title?: (item: T, index: number) => ReactNode;
  /** With buttons moving an item up and down the list. */
  movable?: boolean;
  max: number;
  newItem: () => T;
  addLabel: string;
  /** The item's inputs; `update` replaces it in the list. */
  children: (item: T, index: number, update: (next: T) => void) => ReactNode;
}) {
  return (
    <>
      {items.map((item, i) => {
        const label = `${name.charAt(0).toUpperCase()}${name.slice(1)} ${i + 1}`;
        return (
          <ItemFieldset
            // biome-ignore lint/suspicious/noArrayIndexKey: items are edited in place; their position is their identity
            key={i}
            label={label}
            title={title ? title(item, i) : label}
            removeLabel={`Remove ${name} ${i + 1}`}
            onRemove={() => onChange(items.filter((_, j) => j !== i))}
            actions={
              movable && (
                <MoveButtons
                  name={`${name} ${i + 1}`}
                  index={i}
                  count={items.length}
                  onMove={(by) => onChange(moveItem(items, i, by))}
                />
              )
            }
          >
            {children(item, i, (next) => onChange(items.map((x, j) => (j === i ? next : x))))}
          </ItemFieldset>
        );
      })}
      <AddItemButton count={items.length} max={max} onAdd={() => onChange([...items, newItem()])}>
        {addLabel}
      </AddItemButton>
    </>
  );
}
