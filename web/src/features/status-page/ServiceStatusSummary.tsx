/** The services' status in a card, for the portal's home; hidden when the status page is off. */
import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { usePublicStatus } from './queries.ts';
import { StatusBadge } from './StatusBits.tsx';

export function ServiceStatusSummary() {
  const status = usePublicStatus();
  if (!status.data) return null;
  const page = status.data;
  return (
    <Card withBorder component="section" aria-labelledby="service-status">
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Title order={2} size="h4" id="service-status">
          Service status
        </Title>
        <Anchor href="/status" size="sm">
          Details
        </Anchor>
      </Group>
      <Text size="sm" fw={600} mb="xs">
        {page.statusLabel}
      </Text>
      <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {page.services.map((s) => (
          <Group key={s.id} component="li" justify="space-between" wrap="nowrap" gap="xs">
            <Text size="sm" lineClamp={1}>
              {s.name}
            </Text>
            <StatusBadge status={s.status} size="sm" />
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
