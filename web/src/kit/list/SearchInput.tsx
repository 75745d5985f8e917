/** A text box for searching a list, with the search icon; it hands over the text typed. */
import { TextInput, type TextInputProps } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';

export function SearchInput({
  onChange,
  ...props
}: Omit<TextInputProps, 'onChange' | 'leftSection'> & { value: string; onChange: (text: string) => void }) {
  return (
    <TextInput
      leftSection={<IconSearch size={16} aria-hidden />}
      {...props}
      onChange={(e) => onChange(e.currentTarget.value)}
    />
  );
}
