/**
 * A dialog that asks for a reason before an action the history keeps (a veto, a conflict override,
 * a rejection, standing a major incident down): it sends the trimmed reason with `mutation` (as
 * `variables(reason)` when the mutation takes more than the reason), then closes, says `done` and
 * calls `onDone`. Without `missing` the submit button waits for a reason; with it, submitting an
 * empty reason says `missing` under the field.
 */
import { Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { UseMutationResult } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { ErrorAlert } from '../../components/States.tsx';
import { FormDialog } from './FormDialog.tsx';
import { DescriptionField } from './NewRecordForm.tsx';

export function ReasonDialog<R, V = string>({
  title,
  explanation,
  description,
  minRows = 2,
  maxLength,
  autoFocus,
  missing,
  submitLabel,
  cancelLabel,
  color,
  mutation,
  variables = (reason) => reason as V,
  errorTitle,
  done,
  onDone,
  onClose,
}: {
  title: string;
  /** What the action does, above the field. */
  explanation?: ReactNode;
  /** Under the field's label: who reads the reason. */
  description?: string;
  minRows?: number;
  maxLength: number;
  /** Focus the field when the dialog opens. */
  autoFocus?: boolean;
  /** The field's error when the form is submitted without a reason. */
  missing?: string;
  submitLabel: string;
  cancelLabel?: string;
  color?: string;
  mutation: UseMutationResult<R, Error, V>;
  /** What the mutation is sent for a reason; the reason itself by default. */
  variables?: (reason: string) => V;
  errorTitle: string;
  /** The notice once it is done. */
  done: string | ((result: R) => string);
  onDone?: (result: R) => void;
  onClose: () => void;
}) {
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const blank = !reason.trim();
  return (
    <FormDialog
      title={title}
      onClose={onClose}
      onSubmit={() => {
        setTouched(true);
        if (blank) return;
        mutation.mutate(variables(reason.trim()), {
          onSuccess: (result) => {
            notifications.show({ color: 'teal', message: typeof done === 'string' ? done : done(result) });
            onClose();
            onDone?.(result);
          },
        });
      }}
      submitLabel={submitLabel}
      cancelLabel={cancelLabel}
      pending={mutation.isPending}
      disabled={!missing && blank}
      color={color}
    >
      {explanation && <Text size="sm">{explanation}</Text>}
      <DescriptionField
        label="Reason"
        description={description}
        required
        minRows={minRows}
        maxLength={maxLength}
        value={reason}
        onChange={setReason}
        error={missing && touched && blank ? missing : undefined}
        data-autofocus={autoFocus || undefined}
      />
      <ErrorAlert error={mutation.error} title={errorTitle} />
    </FormDialog>
  );
}
