/** The fields of a supplier contract. */
import { NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import {
  CONTRACT_KINDS,
  type Contract,
  type ContractInput,
  type ContractKind,
  useSuppliers,
} from '../../api/queries/cmdb.ts';
import { humanize } from '../../lib/labels.ts';
import { numberOrNull } from './shared.tsx';

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

export function contractBody(d: ContractDraft, base?: ContractDraft): ContractInput {
  const all: ContractInput = {
    name: d.name.trim(),
    kind: d.kind,
    ...(d.supplierId ? { supplierId: d.supplierId } : {}),
    reference: d.reference.trim() || null,
    startDate: d.startDate,
    endDate: d.endDate,
    cost: d.cost,
    currency: d.currency.trim().toUpperCase() || null,
    warnDays: d.warnDays,
    notes: d.notes,
  };
  if (!base) return all;
  const before = contractBody(base);
  return Object.fromEntries(
    Object.entries(all).filter(([k, v]) => before[k as keyof ContractInput] !== v),
  ) as ContractInput;
}

export function ContractFields({
  draft,
  onChange,
  errors,
  readOnly,
}: {
  draft: ContractDraft;
  onChange: (d: ContractDraft) => void;
  errors: Record<string, string>;
  readOnly: boolean;
}) {
  const suppliers = useSuppliers();
  const set = <K extends keyof ContractDraft>(k: K, v: ContractDraft[K]) => onChange({ ...draft, [k]: v });
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label="Name"
          required
          readOnly={readOnly}
          value={draft.name}
          onChange={(e) => set('name', e.currentTarget.value)}
          error={errors.name}
        />
        <Select
          label="Kind"
          allowDeselect={false}
          readOnly={readOnly}
          data={CONTRACT_KINDS.map((k) => ({ value: k, label: humanize(k) }))}
          value={draft.kind}
          onChange={(v) => set('kind', (v as ContractKind | null) ?? draft.kind)}
          error={errors.kind}
        />
        <Select
          label="Supplier"
          required
          searchable
          readOnly={readOnly}
          data={(suppliers.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
          value={draft.supplierId}
          onChange={(v) => set('supplierId', v)}
          error={errors.supplierId}
          nothingFoundMessage={suppliers.isPending ? 'Loading…' : 'No supplier organisation found'}
        />
        <TextInput
          label="Reference"
          readOnly={readOnly}
          value={draft.reference}
          onChange={(e) => set('reference', e.currentTarget.value)}
          error={errors.reference}
        />
        <TextInput
          label="Starts"
          type="date"
          required
          readOnly={readOnly}
          value={draft.startDate}
          onChange={(e) => set('startDate', e.currentTarget.value)}
          error={errors.startDate}
        />
        <TextInput
          label="Ends"
          type="date"
          required
          readOnly={readOnly}
          value={draft.endDate}
          onChange={(e) => set('endDate', e.currentTarget.value)}
          error={errors.endDate}
        />
        <NumberInput
          label="Cost"
          min={0}
          decimalScale={2}
          readOnly={readOnly}
          value={draft.cost ?? ''}
          onChange={(v) => set('cost', numberOrNull(v))}
          error={errors.cost}
        />
        <TextInput
          label="Currency"
          maxLength={3}
          readOnly={readOnly}
          value={draft.currency}
          onChange={(e) => set('currency', e.currentTarget.value.toUpperCase())}
          error={errors.currency}
        />
        <NumberInput
          label="Warn days before the end"
          min={0}
          max={365}
          readOnly={readOnly}
          value={draft.warnDays}
          onChange={(v) => set('warnDays', numberOrNull(v) ?? 30)}
          error={errors.warnDays}
        />
      </SimpleGrid>
      <Textarea
        label="Notes"
        autosize
        minRows={2}
        readOnly={readOnly}
        value={draft.notes}
        onChange={(e) => set('notes', e.currentTarget.value)}
        error={errors.notes}
      />
    </Stack>
  );
}
