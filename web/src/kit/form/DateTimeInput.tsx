/**
 * A date and time typed in the browser's zone: a `datetime-local` input whose value is the input's
 * own text (lib/localDateTime converts it to and from an instant). Mantine's input props pass through.
 */
import { TextInput, type TextInputProps } from '@mantine/core';

export function DateTimeInput({
  onChange,
  ...input
}: Omit<TextInputProps, 'type' | 'value' | 'onChange'> & {
  value: string;
  onChange: (value: string) => void;
}) {
  return <TextInput type="datetime-local" onChange={(e) => onChange(e.currentTarget.value)} {...input} />;
}
