/** The buttons under a form (a dialog's or a page's): Cancel, and the submit button (busy while the save runs). */
import { Button, type ButtonProps, Group, type MantineSpacing } from '@mantine/core';
import type { ReactNode } from 'react';

export function DialogActions({
  onCancel,
  cancelLabel = 'Cancel',
  submitLabel,
  pending,
  disabled,
  color,
  icon,
  gap,
}: {
  onCancel: () => void;
  cancelLabel?: string;
  submitLabel: ReactNode;
  pending: boolean;
  disabled?: boolean;
  color?: ButtonProps['color'];
  icon?: ReactNode;
  /** Between the two buttons; Mantine's default when not given. */
  gap?: MantineSpacing;
}) {
  return (
    <Group justify="flex-end" gap={gap}>
      <Button variant="default" onClick={onCancel}>
        {cancelLabel}
      </Button>
      <Button type="submit" loading={pending} disabled={disabled} color={color} leftSection={icon}>
        {submitLabel}
      </Button>
    </Group>
  );
}
