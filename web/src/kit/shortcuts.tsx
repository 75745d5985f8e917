/**
 * Keyboard shortcuts shared by every page, listed in one help dialog.
 *
 * API:
 * - `useShortcuts(group, shortcuts, enabled?)` binds single keys while the calling component is
 *   mounted and lists them under `group` in the help dialog. A shortcut is
 *   `{ keys: 'j' | 'shift+?' | 'mod+k' …, label: 'Next row', run: () => … }` (Mantine hotkey
 *   syntax). Shortcuts never fire while the person types in a field or while a dialog is open.
 *   Register in a record page with e.g. `useShortcuts('Record', [{ keys: 'e', label: 'Edit', run }])`.
 * - `ShortcutsHelp` is the dialog; mount it once (the agent shell does). It lists every group
 *   registered at the moment it opens.
 * - `openShortcutsHelp()` opens it from anywhere (a menu entry, the `?` key).
 */
import { Kbd, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useEffect, useId, useRef, useSyncExternalStore } from 'react';

export type Shortcut = {
  /** Mantine hotkey syntax: 'j', 'enter', 'shift+?', 'mod+k'. */
  keys: string;
  label: string;
  run: () => void;
};

type Registered = { group: string; shortcuts: { keys: string; label: string }[] };

const registry = new Map<string, Registered>();
let helpOpen = false;
let snapshot: { open: boolean; groups: Registered[] } = { open: false, groups: [] };
const listeners = new Set<() => void>();

function publish() {
  snapshot = { open: helpOpen, groups: [...registry.values()] };
  for (const l of listeners) l();
}

function subscribe(l: () => void) {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function openShortcutsHelp(): void {
  helpOpen = true;
  publish();
}

export function closeShortcutsHelp(): void {
  helpOpen = false;
  publish();
}

/** A dialog is open (Mantine modals and menus render role="dialog"): single keys belong to it. */
const dialogOpen = () => document.querySelector('[role="dialog"]') !== null;

/** Shows how a Mantine hotkey reads on a keyboard: 'shift+?' → '?', 'enter' → 'Enter'. */
function keyLabel(keys: string): string {
  if (keys === 'shift+?') return '?';
  return keys
    .split('+')
    .map((k) => (k === 'mod' ? 'Ctrl/⌘' : k.length > 1 ? k[0]!.toUpperCase() + k.slice(1) : k))
    .join(' + ');
}

export function useShortcuts(group: string, shortcuts: Shortcut[], enabled = true): void {
  const id = useId();
  // The latest handlers, so callers may pass fresh closures on every render.
  const current = useRef(shortcuts);
  current.current = shortcuts;
  const signature = shortcuts.map((s) => `${s.keys}:${s.label}`).join('|');
  useEffect(() => {
    if (!enabled) return;
    registry.set(id, {
      group,
      shortcuts: signature
        .split('|')
        .filter(Boolean)
        .map((s) => {
          const at = s.indexOf(':');
          return { keys: s.slice(0, at), label: s.slice(at + 1) };
        }),
    });
    publish();
    return () => {
      registry.delete(id);
      publish();
    };
  }, [id, group, signature, enabled]);
  useHotkeys(
    enabled
      ? shortcuts.map((s, i) => [
          s.keys,
          () => {
            if (!dialogOpen()) current.current[i]?.run();
          },
        ])
      : [],
  );
}

export function ShortcutsHelp() {
  const state = useSyncExternalStore(subscribe, () => snapshot);
  const groups = new Map<string, { keys: string; label: string }[]>();
  for (const r of state.groups) {
    const list = groups.get(r.group) ?? [];
    for (const s of r.shortcuts) if (!list.some((x) => x.keys === s.keys)) list.push(s);
    groups.set(r.group, list);
  }
  return (
    <Modal opened={state.open} onClose={closeShortcutsHelp} title="Keyboard shortcuts" size="sm">
      <Stack gap="md">
        {[...groups.entries()].map(([group, list]) => (
          <div key={group}>
            <Title order={3} size="sm" mb={4}>
              {group}
            </Title>
            <Table>
              <Table.Tbody>
                {list.map((s) => (
                  <Table.Tr key={s.keys}>
                    <Table.Td w={90}>
                      <Kbd>{keyLabel(s.keys)}</Kbd>
                    </Table.Td>
                    <Table.Td>{s.label}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        ))}
      </Stack>
      <Text size="xs" c="dimmed" mt="sm">
        Shortcuts are off while you type in a field.
      </Text>
    </Modal>
  );
}
