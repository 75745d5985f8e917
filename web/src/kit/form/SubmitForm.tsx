/**
 * A form whose submit stays in the page: the browser's own submit is prevented and `onSubmit`
 * runs instead. The browser's own checks never run (its bubbles speak the browser's language and
 * look unlike the app): what is missing or wrong shows on the fields and in the form's error, as
 * the form's own checks or the server's problem+json say it. Everything else (aria-label, style)
 * passes through to the element.
 */
import type { ComponentPropsWithoutRef } from 'react';

export function SubmitForm({
  onSubmit,
  ...rest
}: Omit<ComponentPropsWithoutRef<'form'>, 'onSubmit' | 'noValidate'> & { onSubmit: () => void }) {
  return (
    <form
      {...rest}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    />
  );
}
