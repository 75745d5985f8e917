/**
 * The top bar's search box: suggestions of records of every type (by number or words) and
 * configuration items (by name) as you type; a record number jumps straight to its page.
 * `/` focuses it; `?` opens the keyboard shortcuts.
 */
import { ActionIcon, Badge, Combobox, Group, Kbd, Loader, Text, TextInput, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconKeyboard, IconSearch } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { fetchSearch, type SearchHit, useSearch } from '../../api/queries/search.ts';
import { openShortcutsHelp, useShortcuts } from '../../kit/shortcuts.tsx';
import { RECORD_NUMBER } from '../../lib/labels.ts';
import { recordPath } from '../../records/registry.ts';

const TYPE_LABELS: Record<string, string> = {
  incident: 'Incident',
  request: 'Request',
  request_task: 'Task',
};

export function hitPath(hit: SearchHit, portal = false): string {
  if (hit.kind === 'ci') return `/cmdb/cis/${hit.id}`;
  if (hit.kind === 'catalog_item') return `${portal ? '/portal' : ''}/catalog/${hit.id}`;
  if (hit.kind === 'article') return `${portal ? '/portal' : ''}/knowledge/${hit.number}`;
  return recordPath(hit.type, hit.number, portal);
}

const hitKey = (h: SearchHit) => `${h.kind}:${h.id}`;

function HitRow({
  badge,
  color,
  strong,
  text,
  note,
}: {
  badge: string;
  color?: string;
  strong: string;
  text?: string;
  note?: string;
}) {
  return (
    <Group gap="xs" wrap="nowrap">
      <Badge variant="light" color={color} size="sm" w={72}>
        {badge}
      </Badge>
      <Text size="sm" fw={600} lineClamp={1} style={text ? undefined : { flex: 1 }}>
        {strong}
      </Text>
      {text && (
        <Text size="sm" lineClamp={1} style={{ flex: 1 }}>
          {text}
        </Text>
      )}
      {note && (
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      )}
    </Group>
  );
}

function HitOption({ hit }: { hit: SearchHit }) {
  if (hit.kind === 'article')
    return <HitRow badge="Article" color="teal" strong={hit.number} text={hit.title} />;
  if (hit.kind === 'catalog_item')
    return <HitRow badge="Order" color="teal" strong={hit.name} note={hit.serviceName} />;
  if (hit.kind === 'record')
    return (
      <HitRow
        badge={TYPE_LABELS[hit.type] ?? hit.type}
        strong={hit.number}
        text={hit.title}
        note={hit.stateLabel}
      />
    );
  return <HitRow badge="CI" color="grape" strong={hit.name} note={hit.className} />;
}

export function GlobalSearch() {
  const navigate = useNavigate();
  const inputRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [debounced] = useDebouncedValue(text.trim(), 200);
  const search = useSearch(debounced);
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const hits = search.data?.items ?? [];

  useShortcuts('Everywhere', [
    { keys: '/', label: 'Focus the search box', run: () => inputRef.current?.focus() },
    { keys: 'shift+?', label: 'Show these shortcuts', run: openShortcutsHelp },
  ]);

  const open = (path: string) => {
    navigate(path);
    setText('');
    combobox.closeDropdown();
    inputRef.current?.blur();
  };
  const submit = async () => {
    const q = text.trim();
    if (!q) return;
    if (RECORD_NUMBER.test(q)) {
      // A number opens its record, whatever its type; an unknown one falls back to a text search.
      const answer = await fetchSearch(q).catch(() => null);
      if (answer?.exact) return open(hitPath(answer.exact));
    }
    const first = search.data && debounced === q ? search.data.items[0] : undefined;
    if (first) open(hitPath(first));
    else open(`/incidents?q=${encodeURIComponent(q)}`);
  };

  return (
    <search style={{ flex: 1, maxWidth: 560 }}>
      <Group gap="xs" wrap="nowrap">
        <Combobox
          store={combobox}
          onOptionSubmit={(key) => {
            const hit = hits.find((h) => hitKey(h) === key);
            if (hit) open(hitPath(hit));
          }}
        >
          <Combobox.Target>
            <TextInput
              ref={inputRef}
              style={{ flex: 1 }}
              aria-label="Search records and configuration items, or jump to a number"
              placeholder="Search, or type a number like REQ0001042"
              leftSection={<IconSearch size={16} aria-hidden />}
              rightSection={
                search.isFetching ? (
                  <Loader size={14} />
                ) : (
                  <Kbd size="xs" visibleFrom="sm">
                    /
                  </Kbd>
                )
              }
              value={text}
              onChange={(e) => {
                setText(e.currentTarget.value);
                combobox.openDropdown();
                combobox.updateSelectedOptionIndex();
              }}
              onFocus={() => combobox.openDropdown()}
              onBlur={() => combobox.closeDropdown()}
              onKeyDown={(e) => {
                if (e.key === 'Escape') e.currentTarget.blur();
                if (e.key === 'Enter' && combobox.getSelectedOptionIndex() < 0) {
                  e.preventDefault();
                  void submit();
                }
              }}
            />
          </Combobox.Target>
          <Combobox.Dropdown hidden={debounced.length < 2}>
            <Combobox.Options aria-label="Search results">
              {hits.map((h) => (
                <Combobox.Option value={hitKey(h)} key={hitKey(h)}>
                  <HitOption hit={h} />
                </Combobox.Option>
              ))}
              {search.isSuccess && hits.length === 0 && <Combobox.Empty>Nothing found</Combobox.Empty>}
              {search.isError && <Combobox.Empty>Search failed; try again</Combobox.Empty>}
            </Combobox.Options>
          </Combobox.Dropdown>
        </Combobox>
        <ActionIcon
          variant="subtle"
          color="gray"
          size="lg"
          aria-label="Keyboard shortcuts"
          onClick={openShortcutsHelp}
          visibleFrom="sm"
        >
          <IconKeyboard size={18} />
        </ActionIcon>
      </Group>
    </search>
  );
}
