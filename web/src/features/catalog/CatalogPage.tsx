/** The live service catalog: services and what can be ordered under each, searchable. */
import { Anchor, Badge, Card, Chip, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Link } from 'react-router-dom';
import { type CatalogItem, useCatalogEntries, useCatalogItems } from '../../api/queries/requests.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState } from '../../components/States.tsx';
import { LoadedRows } from '../../kit/list/LoadedRows.tsx';
import { SearchInput } from '../../kit/list/SearchInput.tsx';
import { useUrlParam } from '../../kit/nav/useUrlParam.ts';
import { useRequestPaths } from '../requests/paths.ts';

function byService(items: CatalogItem[]): { id: string; name: string; items: CatalogItem[] }[] {
  const groups = new Map<string, { id: string; name: string; items: CatalogItem[] }>();
  for (const i of items) {
    const g = groups.get(i.service.id) ?? { id: i.service.id, name: i.service.name, items: [] };
    g.items.push(i);
    groups.set(i.service.id, g);
  }
  return [...groups.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export function CatalogPage() {
  const paths = useRequestPaths();
  const [q, setQ] = useUrlParam('q');
  const [serviceId, setServiceId] = useUrlParam('service');
  const [debounced] = useDebouncedValue(q, 300);
  const entries = useCatalogEntries('');
  const items = useCatalogItems({ q: debounced.trim() || undefined, serviceId: serviceId || undefined });
  return (
    <>
      <PageHeader
        title="Service catalog"
        description="Order what you need: pick an item, fill in its form, and follow it to delivery."
      />
      <Stack gap="md">
        <SearchInput
          label="Search the catalog"
          placeholder="For example: laptop, access, software"
          value={q}
          onChange={setQ}
          maw={480}
        />
        {(entries.data?.items.length ?? 0) > 0 && (
          <Chip.Group
            multiple={false}
            value={serviceId || 'all'}
            onChange={(v) => setServiceId(v === 'all' ? '' : v)}
          >
            <Group gap="xs" role="group" aria-label="Services">
              <Chip value="all" variant="light">
                All services
              </Chip>
              {entries.data?.items.map((s) => (
                <Chip key={s.id} value={s.id} variant="light">
                  {s.name}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        )}
        <LoadedRows
          query={items}
          label="Loading the catalog"
          rows={(data) => byService(data.items)}
          empty={
            <EmptyState title={q || serviceId ? 'Nothing matches' : 'The catalog is empty'}>
              {q || serviceId
                ? 'Try other words or another service.'
                : 'Nothing can be ordered yet. For a problem, report it instead.'}
            </EmptyState>
          }
        >
          {(groups) =>
            groups.map((g) => {
              const about = entries.data?.items.find((e) => e.id === g.id)?.description;
              return (
                <Stack key={g.id} gap="xs" component="section" aria-labelledby={`svc-${g.id}`}>
                  <Title order={2} size="h4" id={`svc-${g.id}`}>
                    {g.name}
                  </Title>
                  {about && (
                    <Text size="sm" c="dimmed">
                      {about}
                    </Text>
                  )}
                  <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
                    {g.items.map((i) => (
                      <Card key={i.id} withBorder padding="md">
                        <Stack gap={6}>
                          <Anchor component={Link} to={paths.item(i.id)} fw={600}>
                            {i.name}
                          </Anchor>
                          <Text size="sm" c="dimmed" lineClamp={3}>
                            {i.description || 'No description.'}
                          </Text>
                          <Group gap={6}>
                            {i.category && (
                              <Badge variant="light" color="gray">
                                {i.category}
                              </Badge>
                            )}
                            {i.requiresApproval && (
                              <Badge variant="light" color="orange">
                                Needs approval
                              </Badge>
                            )}
                          </Group>
                        </Stack>
                      </Card>
                    ))}
                  </SimpleGrid>
                </Stack>
              );
            })
          }
        </LoadedRows>
      </Stack>
    </>
  );
}
