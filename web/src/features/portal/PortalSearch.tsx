/**
 * The portal's search: catalog items one can order, one's own records and the help articles meant
 * for one, through the global search, which answers only what the requester may see.
 */
import { Anchor, Badge, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { type SearchHit, useSearch } from '../../api/queries/search.ts';
import { ErrorAlert } from '../../components/States.tsx';
import { BareList } from '../../kit/list/BareList.tsx';
import { hitPath } from '../search/GlobalSearch.tsx';

function label(hit: SearchHit): { badge: string; title: string; detail: string } {
  switch (hit.kind) {
    case 'record':
      return {
        badge: hit.type === 'request' ? 'My request' : 'My incident',
        title: hit.title,
        detail: `${hit.number} · ${hit.stateLabel}`,
      };
    case 'catalog_item':
      return { badge: 'Order', title: hit.name, detail: hit.serviceName };
    case 'ci':
      return { badge: 'Item', title: hit.name, detail: hit.className };
    case 'article':
      return { badge: 'Help article', title: hit.title, detail: hit.number };
  }
}

export function PortalSearch() {
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 250);
  const search = useSearch(q);
  const hits = search.data?.items ?? [];
  return (
    <Stack gap="sm" component="section" aria-label="Search">
      <TextInput
        size="md"
        label="What do you need?"
        placeholder="Search help articles, things to order and your incidents and requests"
        leftSection={<IconSearch size={18} />}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        type="search"
      />
      {q.length >= 2 &&
        (search.isError ? (
          <ErrorAlert error={search.error} title="Search failed" />
        ) : search.isPending ? null : hits.length === 0 ? (
          <Text c="dimmed" size="sm" role="status">
            Nothing found for “{q}”. Try other words, or report a problem.
          </Text>
        ) : (
          <BareList gap={6} aria-label="Search results">
            {hits.map((h) => {
              const l = label(h);
              return (
                <Card key={`${h.kind}:${h.id}`} component="li" withBorder padding="sm">
                  <Group gap="sm" wrap="nowrap">
                    <Badge variant="light" size="sm" style={{ flexShrink: 0 }}>
                      {l.badge}
                    </Badge>
                    <Stack gap={0} style={{ minWidth: 0 }}>
                      <Anchor component={Link} to={hitPath(h, true)} fw={600} lineClamp={1}>
                        {l.title}
                      </Anchor>
                      <Text size="xs" c="dimmed" lineClamp={1}>
                        {l.detail}
                      </Text>
                    </Stack>
                  </Group>
                </Card>
              );
            })}
          </BareList>
        ))}
    </Stack>
  );
}
