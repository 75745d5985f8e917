/** Fields that requirements and agreements share: the availability target and the obligations. */
import { NumberInput, type NumberInputProps, Textarea } from '@mantine/core';
import { LIMITS } from '../../../../src/shared/limits.ts';

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

export function ObligationsInput({
  value,
  onChange,
  error,
  description,
}: {
  value: string;
  onChange: (value: string) => void;
  error?: string;
  description?: string;
}) {
  return (
    <Textarea
      label="Obligations"
      description={description}
      autosize
      minRows={2}
      maxLength={LIMITS.descriptionMax}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
    />
  );
}
