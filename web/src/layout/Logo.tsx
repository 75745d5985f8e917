import { Group, Text, ThemeIcon } from '@mantine/core';
import { IconLifebuoy } from '@tabler/icons-react';

export function Logo({ suffix }: { suffix?: string }) {
  return (
    <Group gap={8} wrap="nowrap">
      <ThemeIcon size={30} radius="md" variant="filled" aria-hidden>
        <IconLifebuoy size={20} />
      </ThemeIcon>
      <Text fw={700} size="lg">
        Steward
      </Text>
      {suffix && (
        <Text c="dimmed" size="sm" visibleFrom="sm">
          {suffix}
        </Text>
      )}
    </Group>
  );
}
