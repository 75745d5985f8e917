/**
 * "New …" in a dialog: a fresh draft, its whole body posted, a notification, then on to the new
 * item's page. Closing discards the draft and the last error. `CreateButton` is a page's "New …"
 * button with that dialog, which takes the create mutation only while it is open:
 *
 *   <CreateButton label="New contract" useCreate={contracts.useCreate} title="New contract"
 *     empty={emptyContract} toBody={contractBody} created={(c) => `${c.name} added`}
 *     pathOf={(c) => `/cmdb/contracts/${c.id}`} submitLabel="Add contract">
 *     {(form) => <ContractFields form={form} />}
 *   </CreateButton>
 */
import { Modal } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { UseMutationResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { NewDialogButton } from '../nav/NewDialogButton.tsx';
import type { FieldErrors } from './patch.ts';
import { SaveForm } from './SaveForm.tsx';
import { type DraftForm, useDraftForm } from './useDraftForm.ts';

export type CreateDialogProps<T, D extends object, B extends object> = {
  title: string;
  opened?: boolean;
  onClose: () => void;
  create: UseMutationResult<T, Error, B>;
  empty: () => D;
  toBody: (draft: D) => B;
  validate?: (draft: D) => FieldErrors;
  /** The notification once created. */
  created: (item: T) => string;
  /** Where to go once created. */
  pathOf: (item: T) => string;
  submitLabel: string;
  errorTitle?: string;
  size?: string;
  children: (form: DraftForm<D, B>) => ReactNode;
};

export function CreateDialog<T, D extends object, B extends object>({
  title,
  opened = true,
  onClose,
  create,
  empty,
  toBody,
  validate,
  created,
  pathOf,
  submitLabel,
  errorTitle,
  size,
  children,
}: CreateDialogProps<T, D, B>) {
  const navigate = useNavigate();
  const form = useDraftForm(empty(), { toBody, validate, error: create.error });
  const close = () => {
    form.rebase(empty(), undefined);
    create.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={title} size={size ?? 'lg'}>
      <SaveForm
        form={form}
        save={create}
        what={title}
        submitLabel={submitLabel}
        errorTitle={errorTitle}
        onCancel={close}
        onSubmit={() =>
          create.mutate(form.body, {
            onSuccess: (item) => {
              notifications.show({ color: 'teal', message: created(item) });
              close();
              navigate(pathOf(item));
            },
          })
        }
      >
        {children(form)}
      </SaveForm>
    </Modal>
  );
}

export function CreateButton<T, D extends object, B extends object>({
  label,
  icon,
  initiallyOpen,
  useCreate,
  ...dialog
}: Omit<CreateDialogProps<T, D, B>, 'opened' | 'onClose' | 'create'> & {
  label: ReactNode;
  icon?: ReactNode;
  initiallyOpen?: boolean;
  /** The resource's create hook, called while the dialog is open. */
  useCreate: () => UseMutationResult<T, Error, B>;
}) {
  return (
    <NewDialogButton
      icon={icon}
      initiallyOpen={initiallyOpen}
      dialog={(close) => <OpenCreateDialog useCreate={useCreate} onClose={close} {...dialog} />}
    >
      {label}
    </NewDialogButton>
  );
}

function OpenCreateDialog<T, D extends object, B extends object>({
  useCreate,
  ...dialog
}: Omit<CreateDialogProps<T, D, B>, 'create'> & { useCreate: () => UseMutationResult<T, Error, B> }) {
  return <CreateDialog create={useCreate()} {...dialog} />;
}
