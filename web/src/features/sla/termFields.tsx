/**
 * Fields that requirements and agreements share: the name, the warning thresholds, the
 * availability target and the obligations, and the server's messages no field shows.
 */
import { NumberInput, type NumberInputProps, Text, TextInput } from '@mantine/core';
import { LIMITS } from '../../../../src/shared/limits.ts';
import { DescriptionField } from '../../kit/form/NewRecordForm.tsx';
import { parseThresholds } from './formValues.ts';
import { otherErrors } from './problems.ts';

type TextFieldProps = {
  value: string;
  onChange: (value: string) => void;
  error?: string;
  description?: string;
};

export function NameInput({
  label = 'Name',
  required = true,
  onChange,
  ...field
}: TextFieldProps & { label?: string; required?: boolean }) {
  return (
    <TextInput
      label={label}
      required={required}
      maxLength={LIMITS.nameMax}
      {...field}
      onChange={(e) => onChange(e.currentTarget.value)}
    />
  );
}

/** Comma-separated percentages of the target; says so when they do not parse, else shows `error`. */
export function ThresholdsInput({ onChange, error, ...field }: TextFieldProps) {
  return (
    <TextInput
      label="Warning thresholds (% of the target)"
      {...field}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={(parseThresholds(field.value) ? undefined : 'Numbers between 1 and 99, e.g. 75, 90') ?? error}
    />
  );
}

/** The problem's messages for fields the form does not place next to a field. */
export function OtherErrors({ error, placed }: { error: unknown; placed: readonly string[] }) {
  return otherErrors(error, placed).map((m) => (
    <Text key={m} c="red.8" size="sm">
      {m}
    </Text>
  ));
}

export function AvailabilityInput(props: Pick<NumberInputProps, 'value' | 'onChange' | 'error' | 'w'>) {
  return (
    <NumberInput
      label="Availability target (%)"
      placeholder="e.g. 99.9"
      min={0}
      max={100}
      decimalScale={3}
      {...props}
    />
  );
}

export function ObligationsInput(field: TextFieldProps) {
  return <DescriptionField label="Obligations" minRows={2} {...field} />;
}
