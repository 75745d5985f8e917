/**
 * A small settings form beside a process's lifecycle (its options, the survey settings): a titled
 * card whose one button saves, the reasons a save failed, and, for those who may only read it,
 * who can change it instead of the button; and the whole-number field such settings are made of.
 */
import { Button, Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { SubmitForm } from '../../kit/form/SubmitForm.tsx';
import { SaveProblems } from './SaveProblems.tsx';

/** Whether a number field's value is a whole number from min to max. */
export const whole = (v: number | string, min: number, max: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/** A whole-number setting that shows `error` while its value is outside min..max. */
export function WholeNumberField({
  min,
  max,
  value,
  error,
  ...props
}: {
  label: string;
  description: string;
  min: number;
  max: number;
  readOnly: boolean;
  value: number | string;
  onChange: (v: number | string) => void;
  error: string;
}) {
  return (
    <NumberInput
      {...props}
      min={min}
      max={max}
      allowDecimal={false}
      clampBehavior="none"
      value={value}
      error={whole(value, min, max) ? undefined : error}
      w={260}
    />
  );
}

export function SettingsCard({
  title,
  titleId,
  intro,
  save,
  what,
  errorTitle,
  onReload,
  onSubmit,
  canEdit,
  submitLabel,
  submitDisabled,
  readOnlyNote,
  children,
}: {
  title: string;
  /** When given, the card is a section named by its title. */
  titleId?: string;
  intro?: ReactNode;
  save: { error: unknown; isPending: boolean };
  /** "The options", for the someone-else-changed-it message. */
  what: string;
  errorTitle: string;
  onReload: () => void;
  onSubmit: () => void;
  canEdit: boolean;
  submitLabel: string;
  submitDisabled: boolean;
  /** What those who cannot change the settings read in place of the button. */
  readOnlyNote: string;
  children: ReactNode;
}) {
  return (
    <Paper p="lg" maw={640} component={titleId ? 'section' : 'div'} aria-labelledby={titleId}>
      <SubmitForm noValidate onSubmit={onSubmit}>
        <Stack gap="md">
          <Title order={2} size="h4" id={titleId}>
            {title}
          </Title>
          {intro}
          <SaveProblems error={save.error} what={what} title={errorTitle} onReload={onReload} />
          {children}
          {canEdit ? (
            <Group justify="flex-end">
              <Button type="submit" disabled={submitDisabled} loading={save.isPending}>
                {submitLabel}
              </Button>
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              {readOnlyNote}
            </Text>
          )}
        </Stack>
      </SubmitForm>
    </Paper>
  );
}
