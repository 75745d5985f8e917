/**
 * The frame of every form: submit runs the client checks then `onSubmit`; a stale version (412)
 * offers a reload, other problems show as one readable alert unless they belong to fields; the
 * actions are Discard (editing, with changes), Cancel (when given) and the submit button.
 */
import { Button, Group, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { ApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../components/States.tsx';
import { problemFieldErrors } from './patch.ts';
import { StaleAlert } from './StaleAlert.tsx';
import { SubmitForm } from './SubmitForm.tsx';

/** What the frame needs of a draft form, whatever its draft and body shapes. */
export type FormFrame = {
  version: number | undefined;
  dirty: boolean;
  readOnly: boolean;
  check: () => boolean;
  discard: () => void;
};

export type SaveState = { error: unknown; isPending: boolean; reset: () => void };

export function SaveForm({
  form,
  save,
  onSubmit,
  what,
  onReload,
  submitLabel = 'Save changes',
  onCancel,
  cancelLabel = 'Cancel',
  errorTitle = 'Not saved',
  children,
}: {
  form: FormFrame;
  save: SaveState;
  onSubmit: () => void;
  /** What is being edited, for the conflict message ("Asset A-17"). */
  what: string;
  /** Refetch the record after a conflict; without it the page must be reloaded. */
  onReload?: () => void;
  submitLabel?: string;
  onCancel?: () => void;
  cancelLabel?: string;
  errorTitle?: string;
  children: ReactNode;
}) {
  const editing = form.version !== undefined;
  const stale = save.error instanceof ApiError && save.error.isStale;
  const fieldErrors = Object.keys(problemFieldErrors(save.error)).length > 0;
  return (
    <SubmitForm
      onSubmit={() => {
        if (form.check()) onSubmit();
      }}
    >
      <Stack>
        {stale ? (
          onReload ? (
            <StaleAlert
              what={what}
              onReload={() => {
                save.reset();
                form.discard();
                onReload();
              }}
            />
          ) : (
            <ErrorAlert error={save.error} title={`Someone else changed ${what}; reload the page`} />
          )
        ) : save.error && !fieldErrors ? (
          <ErrorAlert error={save.error} title={errorTitle} />
        ) : null}
        {children}
        {!form.readOnly && (
          <Group justify="flex-end">
            {editing && form.dirty && (
              <Button variant="default" onClick={form.discard}>
                Discard changes
              </Button>
            )}
            {onCancel && (
              <Button variant="default" onClick={onCancel}>
                {cancelLabel}
              </Button>
            )}
            <Button type="submit" loading={save.isPending} disabled={stale || (editing && !form.dirty)}>
              {submitLabel}
            </Button>
          </Group>
        )}
      </Stack>
    </SubmitForm>
  );
}
