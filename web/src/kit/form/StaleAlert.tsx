import { Alert, Button, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';

/** Shown when a save answers 412: someone else changed the item first. */
export function StaleAlert({ what, onReload }: { what: string; onReload: () => void }) {
  return (
    <Alert
      color="orange"
      icon={<IconAlertTriangle size={18} />}
      title="Someone else changed this"
      role="alert"
    >
      <Text size="sm" mb="xs">
        {what} was changed since you opened it, so your edits were not saved. Reload to see the latest version
        (your unsaved edits will be discarded).
      </Text>
      <Button size="xs" variant="white" leftSection={<IconRefresh size={14} />} onClick={onReload}>
        Reload
      </Button>
    </Alert>
  );
}
