/**
 * Editing a versioned record in place: the draft, the minimal patch sent with If-Match, the saved
 * answer taken as the new base, a notification, and the conflict reload — all a feature gives is
 * how to draft and body the record and its fields.
 */
import { notifications } from '@mantine/notifications';
import type { UseMutationResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { UpdateVars } from '../../api/resource.ts';
import { Section } from '../detail/Section.tsx';
import type { FieldErrors } from './patch.ts';
import { SaveForm } from './SaveForm.tsx';
import { type RecordForm, useRecordForm } from './useDraftForm.ts';

type Versioned = { id: string; version: number };

export function RecordEditForm<R extends Versioned, D extends object, B extends object>({
  record,
  resource,
  toDraft,
  toBody,
  validate,
  merge,
  readOnly,
  what,
  saved,
  onReload,
  label,
  title,
  submitLabel,
  children,
}: {
  record: R;
  resource: { useUpdate: () => UseMutationResult<R, Error, UpdateVars<B>> };
  toDraft: (record: R) => D;
  toBody: (draft: D) => B;
  validate?: (draft: D) => FieldErrors;
  merge?: readonly (keyof B)[];
  readOnly?: boolean;
  /** "Asset A-17", for the conflict message. */
  what: string;
  /** The notification after a save. */
  saved: (record: R) => string;
  onReload: () => void;
  /** The section's accessible name, or its visible title. */
  label?: string;
  title?: string;
  submitLabel?: string;
  children: (form: RecordForm<R, D, B>) => ReactNode;
}) {
  const save = resource.useUpdate();
  const form = useRecordForm(record, toDraft, { toBody, validate, merge, readOnly, error: save.error });
  return (
    <Section label={label} title={title}>
      <SaveForm
        form={form}
        save={save}
        what={what}
        onReload={onReload}
        submitLabel={submitLabel}
        onSubmit={() =>
          save.mutate(
            { id: record.id, patch: form.patch as B, version: form.version },
            {
              onSuccess: (fresh) => {
                form.accept(fresh);
                notifications.show({ color: 'teal', message: saved(fresh) });
              },
            },
          )
        }
      >
        {children(form)}
      </SaveForm>
    </Section>
  );
}
