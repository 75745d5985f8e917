/**
 * The buttons under a settings document edited as a whole (a lifecycle, a category list, the
 * priority matrix): Reset, back to what is saved, and the save, both idle until something changed.
 * The save submits the form around it unless `onSave` is given.
 */
import { Button, Group } from '@mantine/core';

export function ResetSaveButtons({
  dirty,
  onReset,
  saveLabel,
  pending,
  blocked,
  onSave,
}: {
  dirty: boolean;
  onReset: () => void;
  saveLabel: string;
  pending: boolean;
  /** A reason the save may not run yet (a blank name, a stale version). */
  blocked?: boolean;
  onSave?: () => void;
}) {
  return (
    <Group gap="sm">
      <Button variant="default" disabled={!dirty} onClick={onReset}>
        Reset
      </Button>
      <Button
        type={onSave ? 'button' : 'submit'}
        onClick={onSave}
        disabled={!dirty || blocked}
        loading={pending}
      >
        {saveLabel}
      </Button>
    </Group>
  );
}
