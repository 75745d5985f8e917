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

/** A whole-number setting, with an error naming min..max (in `unit`, say days) while outside them. */
export function WholeNumberField({
  min,
  max,
  value,
  unit,
  ...props
}: {
  label: string;
  description: string;
  min: number;
  max: number;
  readOnly: boolean;
  value: number | string;
  onChange: (v: number | string) => void;
  unit?: string;
}) {
  return (
    <NumberInput
      {...props}
      min={min}
      max={max}
      allowDecimal={false}
      clampBehavior="none"
      value={value}
      error={
        whole(value, min, max)
          ? undefined
          : `Use a whole number${unit ? ` of ${unit}` : ''} from ${min} to ${max}`
      }
      w={260}
    />
  );
}

export function SettingsCard({
  title,
  titleId,
  intro,
  noun,
  save,
  onReload,
  onSubmit,
  canEdit,
  submitDisabled,
  children,
}: {
  title: string;
  /** When given, the card is a section named by its title. */
  titleId?: string;
  intro?: ReactNode;
  /** What is set, in the plural: "options" makes "Save options", "The options were not saved", … */
  noun: string;
  save: { error: unknown; isPending: boolean };
  onReload: () => void;
  onSubmit: () => void;
  canEdit: boolean;
  submitDisabled: boolean;
  children: ReactNode;
}) {
  return (
    <Paper p="lg" maw={640} component={titleId ? 'section' : 'div'} aria-labelledby={titleId}>
      <SubmitForm onSubmit={onSubmit}>
        <Stack gap="md">
          <Title order={2} size="h4" id={titleId}>
            {title}
          </Title>
          {intro}
          <SaveProblems
            error={save.error}
            what={`The ${noun}`}
            title={`The ${noun} were not saved`}
            onReload={onReload}
          />
          {children}
          {canEdit ? (
            <Group justify="flex-end">
              <Button type="submit" disabled={submitDisabled} loading={save.isPending}>
                {`Save ${noun}`}
              </Button>
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              {`Only administrators and process owners change ${noun}.`}
            </Text>
          )}
        </Stack>
      </SubmitForm>
    </Paper>
  );
}
