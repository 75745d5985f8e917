/** Choose and reorder a list's columns: a checkbox per column, move up/down, reset. */
import { Button, Checkbox, Group, Popover, Stack, Text } from '@mantine/core';
import { IconColumns } from '@tabler/icons-react';
import { MoveButtons, moveItem } from '../form/MoveButtons.tsx';
import type { ColumnPrefs, ListColumn } from './columns.ts';

export function ColumnsMenu<Row>({
  columns,
  prefs,
}: {
  columns: ListColumn<Row>[];
  prefs: ColumnPrefs<Row>;
}) {
  // Shown columns first in their order, then the others in declaration order.
  const ordered = [...prefs.visible, ...columns.filter((c) => !prefs.keys.includes(c.key))];
  return (
    <Popover position="bottom-end" shadow="md" withinPortal trapFocus>
      <Popover.Target>
        <Button variant="default" leftSection={<IconColumns size={16} aria-hidden />}>
          Columns
        </Button>
      </Popover.Target>
      <Popover.Dropdown aria-label="Columns">
        <Stack gap={6} miw={240}>
          <Text size="xs" c="dimmed">
            Shown columns, in order
          </Text>
          {ordered.map((c) => {
            const shown = prefs.keys.includes(c.key);
            const i = prefs.keys.indexOf(c.key);
            return (
              <Group key={c.key} justify="space-between" wrap="nowrap" gap="xs">
                <Checkbox
                  label={c.label}
                  checked={shown}
                  onChange={(e) =>
                    prefs.set(
                      e.currentTarget.checked
                        ? [...prefs.keys, c.key]
                        : prefs.keys.filter((k) => k !== c.key),
                    )
                  }
                />
                {shown && (
                  <Group gap={2} wrap="nowrap">
                    <MoveButtons
                      name={c.label}
                      index={i}
                      count={prefs.keys.length}
                      onMove={(by) => prefs.set(moveItem(prefs.keys, i, by))}
                      across
                      small
                    />
                  </Group>
                )}
              </Group>
            );
          })}
          <Button variant="subtle" size="xs" onClick={prefs.reset}>
            Reset to default
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
