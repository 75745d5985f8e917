/**
 * A form whose submit stays in the page: the browser's own submit is prevented and `onSubmit`
 * runs instead. Everything else (noValidate, aria-label, style) passes through to the element.
 */
import type { ComponentPropsWithoutRef } from 'react';

export function SubmitForm({
  onSubmit,
  ...rest
}: Omit<ComponentPropsWithoutRef<'form'>, 'onSubmit'> & { onSubmit: () => void }) {
  return (
    <form
      {...rest}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    />
  );
}
