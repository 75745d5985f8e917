/** The fields of a supplier contract. */
import { NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import {
  CONTRACT_KINDS,
  type Contract,
  type ContractInput,
  type ContractKind,
  useSuppliers,
} from '../../api/queries/cmdb.ts';
import { namedOptions } from '../../kit/form/namedOptions.ts';
import { textOrNull } from '../../kit/form/patch.ts';
import type { DraftForm } from '../../kit/form/useDraftForm.ts';
import { humanize } from '../../lib/labels.ts';

export type ContractDraft = {
  name: string;
  kind: ContractKind;
  supplierId: string | null;
  reference: string;
  startDate: string;
  endDate: string;
  cost: number | null;
  currency: string;
  warnDays: number;
  notes: string;
};

export const emptyContract = (): ContractDraft => ({
  name: '',
  kind: 'support',
  supplierId: null,
  reference: '',
  startDate: new Date().toISOString().slice(0, 10),
  endDate: '',
  cost: null,
  currency: 'EUR',
  warnDays: 30,
  notes: '',
});

export const draftOfContract = (c: Contract): ContractDraft => ({
  name: c.name,
  kind: c.kind,
  supplierId: c.supplier?.id ?? null,
  reference: c.reference ?? '',
  startDate: c.startDate,
  endDate: c.endDate,
  cost: c.cost,
  currency: c.currency ?? '',
  warnDays: c.warnDays,
  notes: c.notes,
});

export const contractBody = (d: ContractDraft): ContractInput => ({
  name: d.name.trim(),
  kind: d.kind,
  ...(d.supplierId ? { supplierId: d.supplierId } : {}),
  reference: textOrNull(d.reference),
  startDate: d.startDate,
  endDate: d.endDate,
  cost: d.cost,
  currency: d.currency.trim().toUpperCase() || null,
  warnDays: d.warnDays,
  notes: d.notes,
});

export function ContractFields({ form }: { form: DraftForm<ContractDraft, ContractInput> }) {
  const suppliers = useSuppliers();
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label="Name" required {...form.text('name', { max: 'nameMax' })} />
        <Select
          label="Kind"
          allowDeselect={false}
          data={CONTRACT_KINDS.map((k) => ({ value: k, label: humanize(k) }))}
          {...form.choice('kind', { fallback: form.draft.kind })}
        />
        <Select
          label="Supplier"
          required
          searchable
          data={namedOptions(suppliers.data)}
          nothingFoundMessage={suppliers.isPending ? 'Loading…' : 'No supplier organisation found'}
          {...form.choice('supplierId')}
        />
        <TextInput label="Reference" {...form.text('reference', { max: 'nameMax' })} />
        <TextInput label="Starts" type="date" required {...form.text('startDate')} />
        <TextInput label="Ends" type="date" required {...form.text('endDate')} />
        <NumberInput label="Cost" min={0} decimalScale={2} {...form.number('cost')} />
        <TextInput label="Currency" {...form.text('currency', { max: 3 })} />
        <NumberInput
          label="Warn days before the end"
          min={0}
          max={365}
          {...form.number('warnDays', { fallback: 30 })}
        />
      </SimpleGrid>
      <Textarea label="Notes" autosize minRows={2} {...form.text('notes', { max: 'descriptionMax' })} />
    </Stack>
  );
}
