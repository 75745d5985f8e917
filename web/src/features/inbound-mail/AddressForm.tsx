/** Create or change a receiving address: what a new mail opens and how strangers are treated. */
import { Select, Stack, Switch, TextInput } from '@mantine/core';
import { useState } from 'react';
import {
  type InboundAddressInput,
  type InboundAddressView,
  inboundAddresses,
} from '../../api/queries/inboundMail.ts';
import { useServices } from '../../api/queries/requests.ts';
import { ErrorAlert } from '../../components/States.tsx';
import { DialogActions } from '../../kit/form/DialogActions.tsx';
import { SubmitForm } from '../../kit/form/SubmitForm.tsx';
import { fieldErrorsOf, unplacedErrors } from '../../lib/forms.ts';

const FIELDS = [
  'address',
  'name',
  'recordType',
  'serviceId',
  'unknownSenderPolicy',
  'strangerReplyPolicy',
  'imapMailbox',
];

export function AddressForm({ current, onDone }: { current?: InboundAddressView; onDone: () => void }) {
  const [v, setV] = useState<InboundAddressInput>({
    address: current?.address ?? '',
    name: current?.name ?? '',
    recordType: current?.recordType ?? 'incident',
    serviceId: current?.serviceId ?? null,
    unknownSenderPolicy: current?.unknownSenderPolicy ?? 'create_requester',
    strangerReplyPolicy: current?.strangerReplyPolicy ?? 'add_watcher',
    imapMailbox: current?.imapMailbox ?? null,
    active: current?.active ?? true,
  });
  const save = inboundAddresses.useSave(current);
  const services = useServices();
  const errors = fieldErrorsOf(save.error);
  const other = unplacedErrors(save.error, FIELDS);
  const err = (f: string) => errors[f];
  const showAlert = !!save.error && (other.length > 0 || Object.keys(errors).length === 0);
  return (
    <SubmitForm
      onSubmit={() => {
        save.mutate(v, { onSuccess: onDone });
      }}
    >
      <Stack>
        <TextInput
          label="Address"
          description="Plus-addressed variants (desk+INC0001234@…) reach it too"
          required
          value={v.address}
          onChange={(e) => setV({ ...v, address: e.currentTarget.value })}
          error={err('address')}
        />
        <TextInput
          label="Name"
          required
          value={v.name}
          onChange={(e) => setV({ ...v, name: e.currentTarget.value })}
          error={err('name')}
        />
        <Select
          label="A new mail opens"
          data={[
            { value: 'incident', label: 'An incident' },
            { value: 'problem', label: 'A problem' },
          ]}
          value={v.recordType ?? 'incident'}
          onChange={(x) => setV({ ...v, recordType: (x ?? 'incident') as 'incident' })}
          allowDeselect={false}
        />
        <Select
          label="For the service"
          placeholder="No service"
          clearable
          searchable
          data={(services.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
          value={v.serviceId ?? null}
          onChange={(x) => setV({ ...v, serviceId: x })}
          error={err('serviceId')}
        />
        <Select
          label="Mail from an unknown sender"
          data={[
            { value: 'create_requester', label: 'Create a requester and open a record' },
            { value: 'refuse', label: 'Refuse with a polite reply' },
          ]}
          value={v.unknownSenderPolicy ?? 'create_requester'}
          onChange={(x) => setV({ ...v, unknownSenderPolicy: (x ?? 'create_requester') as 'refuse' })}
          allowDeselect={false}
        />
        <Select
          label="A reply from someone not on the record"
          data={[
            { value: 'add_watcher', label: 'Add them as a watcher and keep their comment' },
            { value: 'new_record', label: 'Open a new record linked to it' },
          ]}
          value={v.strangerReplyPolicy ?? 'add_watcher'}
          onChange={(x) => setV({ ...v, strangerReplyPolicy: (x ?? 'add_watcher') as 'new_record' })}
          allowDeselect={false}
        />
        <TextInput
          label="IMAP folder"
          description="Mail polled from this folder belongs to this address when no recipient names it"
          value={v.imapMailbox ?? ''}
          onChange={(e) => setV({ ...v, imapMailbox: e.currentTarget.value || null })}
          error={err('imapMailbox')}
        />
        <Switch
          label="Receiving"
          checked={v.active ?? true}
          onChange={(e) => setV({ ...v, active: e.currentTarget.checked })}
        />
        {showAlert && <ErrorAlert error={save.error} title="Could not save the address" />}
        <DialogActions
          onCancel={onDone}
          submitLabel={current ? 'Save address' : 'Add address'}
          pending={save.isPending}
        />
      </Stack>
    </SubmitForm>
  );
}
