/** Shown when a record changed under the user's edits: what happened, and a reload that keeps them. */
import { Alert, Button, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';

export function StaleNotice({
  number,
  noun,
  onReload,
}: {
  number: string;
  /** "incident", "request", "task". */
  noun: string;
  onReload: () => Promise<void>;
}) {
  const [busy, setBusy] = useState(false);
  return (
    <Alert
      color="orange"
      icon={<IconAlertTriangle size={18} />}
      title={`Someone else changed this ${noun}`}
      role="alert"
    >
      <Text size="sm" mb="xs">
        {number} was changed since you opened it, so your edits were not saved yet. Reload to get the latest
        version: your edits stay in the form, on top of it, for you to check and save.
      </Text>
      <Button
        size="xs"
        leftSection={<IconRefresh size={14} />}
        variant="white"
        loading={busy}
        onClick={async () => {
          setBusy(true);
          try {
            await onReload();
          } finally {
            setBusy(false);
          }
        }}
      >
        Reload {noun}, keep my edits
      </Button>
    </Alert>
  );
}
