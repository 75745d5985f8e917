/** Create or change a receiving address in a dialog: what a new mail opens and how strangers are treated. */
import { Select, Switch, TextInput } from '@mantine/core';
import {
  type InboundAddressInput,
  type InboundAddressView,
  inboundAddresses,
} from '../../api/queries/inboundMail.ts';
import { useServices } from '../../api/queries/requests.ts';
import { ErrorAlert } from '../../components/States.tsx';
import { FormDialog } from '../../kit/form/FormDialog.tsx';
import { namedOptions } from '../../kit/form/namedOptions.ts';
import { useDraftForm } from '../../kit/form/useDraftForm.ts';
import { unplacedErrors } from '../../lib/forms.ts';

const FIELDS = [
  'address',
  'name',
  'recordType',
  'serviceId',
  'unknownSenderPolicy',
  'strangerReplyPolicy',
  'imapMailbox',
];

const RECORD_TYPES = [
  { value: 'incident', label: 'An incident' },
  { value: 'problem', label: 'A problem' },
];
const UNKNOWN_SENDER_POLICIES = [
  { value: 'create_requester', label: 'Create a requester and open a record' },
  { value: 'refuse', label: 'Refuse with a polite reply' },
];
const STRANGER_REPLY_POLICIES = [
  { value: 'add_watcher', label: 'Add them as a watcher and keep their comment' },
  { value: 'new_record', label: 'Open a new record linked to it' },
];

/** A blank folder means none. */
const addressBody = (v: InboundAddressInput): InboundAddressInput => ({
  ...v,
  imapMailbox: v.imapMailbox || null,
});

export function AddressForm({ current, onDone }: { current?: InboundAddressView; onDone: () => void }) {
  const save = inboundAddresses.useSave(current);
  const form = useDraftForm<InboundAddressInput, InboundAddressInput>(
    {
      address: current?.address ?? '',
      name: current?.name ?? '',
      recordType: current?.recordType ?? 'incident',
      serviceId: current?.serviceId ?? null,
      unknownSenderPolicy: current?.unknownSenderPolicy ?? 'create_requester',
      strangerReplyPolicy: current?.strangerReplyPolicy ?? 'add_watcher',
      imapMailbox: current?.imapMailbox ?? null,
      active: current?.active ?? true,
    },
    { toBody: addressBody, error: save.error },
  );
  const services = useServices();
  const other = unplacedErrors(save.error, FIELDS);
  const showAlert = !!save.error && (other.length > 0 || Object.keys(form.errors).length === 0);
  return (
    <FormDialog
      title={current ? 'Edit the receiving address' : 'Add a receiving address'}
      size="lg"
      onClose={onDone}
      onSubmit={() => save.mutate(form.body, { onSuccess: onDone })}
      submitLabel={current ? 'Save address' : 'Add address'}
      pending={save.isPending}
    >
      <TextInput
        label="Address"
        description="Plus-addressed variants (desk+INC0001234@…) reach it too"
        required
        {...form.text('address')}
      />
      <TextInput label="Name" required {...form.text('name')} />
      <Select
        label="A new mail opens"
        data={RECORD_TYPES}
        {...form.choice('recordType', { fallback: 'incident' })}
        allowDeselect={false}
      />
      <Select
        label="For the service"
        placeholder="No service"
        clearable
        searchable
        data={namedOptions(services.data?.items)}
        {...form.choice('serviceId')}
      />
      <Select
        label="Mail from an unknown sender"
        data={UNKNOWN_SENDER_POLICIES}
        {...form.choice('unknownSenderPolicy', { fallback: 'create_requester' })}
        allowDeselect={false}
      />
      <Select
        label="A reply from someone not on the record"
        data={STRANGER_REPLY_POLICIES}
        {...form.choice('strangerReplyPolicy', { fallback: 'add_watcher' })}
        allowDeselect={false}
      />
      <TextInput
        label="IMAP folder"
        description="Mail polled from this folder belongs to this address when no recipient names it"
        {...form.text('imapMailbox')}
      />
      <Switch label="Receiving" {...form.toggle('active')} />
      {showAlert && <ErrorAlert error={save.error} title="Could not save the address" />}
    </FormDialog>
  );
}
