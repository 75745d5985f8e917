/**
 * "New …" on a page of its own: the header, a form card with the type's fields, the error, and
 * Cancel / submit. With it the fields every raised record has (title, description, impact and
 * urgency) and the step after a create: a notification, then on to the new record's page.
 */
import {
  Group,
  Paper,
  Select,
  Stack,
  Textarea,
  type TextareaProps,
  TextInput,
  type TextInputProps,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { LIMITS } from '../../../../src/shared/limits.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ErrorAlert } from '../../components/States.tsx';
import { LEVEL_OPTIONS } from '../../lib/labels.ts';
import { DialogActions } from './DialogActions.tsx';
import { SubmitForm } from './SubmitForm.tsx';

export function NewRecordForm({
  title,
  description,
  onSubmit,
  create,
  errorTitle,
  submitLabel,
  children,
}: {
  title: string;
  description: string;
  onSubmit: () => void;
  /** The create mutation: its error shows under the fields, its pending state on the submit button. */
  create: { error: unknown; isPending: boolean };
  errorTitle: string;
  submitLabel: string;
  children: ReactNode;
}) {
  const navigate = useNavigate();
  return (
    <Stack gap="lg" maw={760}>
      <PageHeader title={title} description={description} />
      <Paper withBorder p="lg" radius="md">
        <SubmitForm onSubmit={onSubmit}>
          <Stack gap="md">
            {children}
            <ErrorAlert error={create.error} title={errorTitle} />
            <DialogActions
              onCancel={() => navigate(-1)}
              submitLabel={submitLabel}
              pending={create.isPending}
            />
          </Stack>
        </SubmitForm>
      </Paper>
    </Stack>
  );
}

/** After a create: "<number> <verb>", then the new record's page. */
export function useOpenCreated(verb: string, pathOf: (number: string) => string) {
  const navigate = useNavigate();
  return (rec: { number: string }) => {
    notifications.show({ color: 'teal', message: `${rec.number} ${verb}` });
    navigate(pathOf(rec.number));
  };
}

/** The title of a new record, up to the longest title allowed. */
export function TitleField({
  value,
  onChange,
  ...rest
}: Omit<TextInputProps, 'value' | 'onChange'> & { value: string; onChange: (value: string) => void }) {
  return (
    <TextInput
      label="Title"
      maxLength={LIMITS.titleMax}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      {...rest}
    />
  );
}

/** A free-text field of a new record (the description by default), growing with its text. */
export function DescriptionField({
  value,
  onChange,
  ...rest
}: Omit<TextareaProps, 'value' | 'onChange'> & { value: string; onChange: (value: string) => void }) {
  return (
    <Textarea
      label="Description"
      autosize
      minRows={3}
      maxLength={LIMITS.descriptionMax}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      {...rest}
    />
  );
}

/**
 * Impact and urgency side by side, 1 to 5 (kept as the select's strings), with the server's errors
 * for either. A cleared choice falls back to 3 unless `allowDeselect` is false.
 */
export function ImpactUrgencyFields({
  impact,
  urgency,
  onImpact,
  onUrgency,
  errors = {},
  allowDeselect,
}: {
  impact: string;
  urgency: string;
  onImpact: (v: string) => void;
  onUrgency: (v: string) => void;
  errors?: { impact?: string; urgency?: string };
  allowDeselect?: boolean;
}) {
  return (
    <Group grow>
      <Select
        label="Impact"
        data={LEVEL_OPTIONS}
        allowDeselect={allowDeselect}
        value={impact}
        onChange={(v) => onImpact(v ?? '3')}
        error={errors.impact}
      />
      <Select
        label="Urgency"
        data={LEVEL_OPTIONS}
        allowDeselect={allowDeselect}
        value={urgency}
        onChange={(v) => onUrgency(v ?? '3')}
        error={errors.urgency}
      />
    </Group>
  );
}
