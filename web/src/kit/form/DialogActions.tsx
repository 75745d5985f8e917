/** The buttons under a dialog's form: Cancel, and the submit button (busy while the save runs). */
import { Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';

export function DialogActions({
  onCancel,
  submitLabel,
  pending,
  disabled,
}: {
  onCancel: () => void;
  submitLabel: ReactNode;
  pending: boolean;
  disabled?: boolean;
}) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        Cancel
      </Button>
      <Button type="submit" loading={pending} disabled={disabled}>
        {submitLabel}
      </Button>
    </Group>
  );
}
