/**
 * Single-key keyboard shortcuts, registered by scope ("Everywhere", "On a record", …) so the one
 * help dialog ("?") lists every shortcut that works on the current page. Keys never fire while the
 * user types in a field (Mantine's useHotkeys skips inputs) or while a dialog is open.
 */
import { Kbd, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useEffect, useSyncExternalStore } from 'react';

export type Shortcut = {
  /** The key as the user presses and reads it: "c", "/", "?". */
  key: string;
  /** What it does, as a short phrase: "Write a comment". */
  label: string;
  run: () => void;
};

type Scope = { scope: string; shortcuts: Shortcut[] };

let registered: Scope[] = [];
const listeners = new Set<() => void>();

function emit() {
  for (const l of listeners) l();
}

/** Make a scope's shortcuts known to the help dialog; returns the function that removes them. */
export function registerShortcuts(scope: string, shortcuts: Shortcut[]): () => void {
  const entry = { scope, shortcuts };
  registered = [...registered.filter((s) => s.scope !== scope), entry];
  emit();
  return () => {
    registered = registered.filter((s) => s !== entry);
    emit();
  };
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useRegisteredShortcuts(): Scope[] {
  return useSyncExternalStore(
    subscribe,
    () => registered,
    () => registered,
  );
}

/** Mantine's hotkey notation for a printed key ("?" is typed with Shift). */
export function hotkeyOf(key: string): string {
  return key === '?' ? 'shift+?' : key;
}

const dialogOpen = () => !!document.querySelector('[role="dialog"]');

/** Bind a scope's keys while the component is mounted, and list them in the help dialog. */
export function useShortcuts(scope: string, shortcuts: Shortcut[]): void {
  useHotkeys(
    shortcuts.map((s) => [
      hotkeyOf(s.key),
      () => {
        if (!dialogOpen()) s.run();
      },
    ]),
  );
  // The dialog only needs the keys and labels; registering once per distinct list keeps it quiet.
  const signature = shortcuts.map((s) => `${s.key}:${s.label}`).join('|');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the signature stands for the list
  useEffect(() => registerShortcuts(scope, shortcuts), [scope, signature]);
}

/** The "?" dialog: every shortcut of every scope mounted right now. */
export function ShortcutHelp({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const scopes = useRegisteredShortcuts();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title="Keyboard shortcuts"
      size="sm"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <Stack gap="md">
        {scopes.map((s) => (
          <section key={s.scope} aria-label={s.scope}>
            <Title order={3} size="h6" mb={4}>
              {s.scope}
            </Title>
            <Table>
              <Table.Tbody>
                {s.shortcuts.map((k) => (
                  <Table.Tr key={k.key}>
                    <Table.Td w={60}>
                      <Kbd>{k.key}</Kbd>
                    </Table.Td>
                    <Table.Td>{k.label}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </section>
        ))}
        <Text size="xs" c="dimmed">
          Shortcuts are off while you type in a field.
        </Text>
      </Stack>
    </Modal>
  );
}
