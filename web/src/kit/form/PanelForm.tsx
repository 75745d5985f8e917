/**
 * A form that saves in place, inside a panel or a page (a change's plan, a problem's analysis, the
 * risk questionnaire): its fields, the save's error under them and, unless it is read-only, the
 * submit button at the right, after any `extra` buttons.
 */
import { Button, Group, type MantineSpacing, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { ErrorAlert } from '../../components/States.tsx';
import { SubmitForm } from './SubmitForm.tsx';

export function PanelForm({
  onSubmit,
  error,
  errorTitle,
  submitLabel,
  pending,
  disabled,
  readOnly,
  extra,
  gap = 'sm',
  children,
}: {
  onSubmit: () => void;
  error: unknown;
  errorTitle: string;
  submitLabel: string;
  pending: boolean;
  disabled?: boolean;
  readOnly?: boolean;
  /** Buttons before the submit button. */
  extra?: ReactNode;
  gap?: MantineSpacing;
  children: ReactNode;
}) {
  return (
    <SubmitForm onSubmit={onSubmit}>
      <Stack gap={gap}>
        {children}
        <ErrorAlert error={error} title={errorTitle} />
        {!readOnly && (
          <Group justify="flex-end">
            {extra}
            <Button type="submit" loading={pending} disabled={disabled}>
              {submitLabel}
            </Button>
          </Group>
        )}
      </Stack>
    </SubmitForm>
  );
}
