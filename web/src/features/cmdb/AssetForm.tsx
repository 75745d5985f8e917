/** The fields of an asset: identity, link to its CI, supplier and money (cost, depreciation, warranty). */
import { NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import {
  type Asset,
  type AssetInput,
  type CiRef,
  DEPRECIATION_METHODS,
  type DepreciationMethod,
  useSuppliers,
} from '../../api/queries/cmdb.ts';
import type { PersonRef } from '../../api/types.ts';
import { UserPicker } from '../../components/Pickers.tsx';
import { humanize } from '../../lib/labels.ts';
import { CiPicker } from './CiPicker.tsx';
import { numberOrNull } from './shared.tsx';

export type AssetDraft = {
  assetTag: string;
  name: string;
  serialNumber: string;
  model: string;
  ci: CiRef | null;
  assignedTo: PersonRef | null;
  location: string;
  supplierId: string | null;
  purchaseOrder: string;
  cost: number | null;
  currency: string;
  purchaseDate: string;
  warrantyEnd: string;
  depreciationMethod: DepreciationMethod;
  usefulLifeMonths: number | null;
  salvageValue: number | null;
  notes: string;
};

export const emptyAsset = (): AssetDraft => ({
  assetTag: '',
  name: '',
  serialNumber: '',
  model: '',
  ci: null,
  assignedTo: null,
  location: '',
  supplierId: null,
  purchaseOrder: '',
  cost: null,
  currency: 'EUR',
  purchaseDate: '',
  warrantyEnd: '',
  depreciationMethod: 'none',
  usefulLifeMonths: null,
  salvageValue: null,
  notes: '',
});

export const draftOfAsset = (a: Asset): AssetDraft => ({
  assetTag: a.assetTag,
  name: a.name,
  serialNumber: a.serialNumber ?? '',
  model: a.model ?? '',
  ci: a.ci,
  assignedTo: a.assignedTo,
  location: a.location ?? '',
  supplierId: a.supplier?.id ?? null,
  purchaseOrder: a.purchaseOrder ?? '',
  cost: a.cost,
  currency: a.currency ?? '',
  purchaseDate: a.purchaseDate ?? '',
  warrantyEnd: a.warrantyEnd ?? '',
  depreciationMethod: a.depreciationMethod,
  usefulLifeMonths: a.usefulLifeMonths,
  salvageValue: a.salvageValue,
  notes: a.notes,
});

const txt = (s: string) => s.trim() || null;

/** The draft as an API body; with a base, only what changed. */
export function assetBody(d: AssetDraft, base?: AssetDraft): AssetInput {
  const all: AssetInput = {
    assetTag: d.assetTag.trim(),
    name: d.name.trim(),
    serialNumber: txt(d.serialNumber),
    model: txt(d.model),
    ciId: d.ci?.id ?? null,
    assignedToId: d.assignedTo?.id ?? null,
    location: txt(d.location),
    supplierId: d.supplierId,
    purchaseOrder: txt(d.purchaseOrder),
    cost: d.cost,
    currency: txt(d.currency)?.toUpperCase() ?? null,
    purchaseDate: txt(d.purchaseDate),
    warrantyEnd: txt(d.warrantyEnd),
    depreciationMethod: d.depreciationMethod,
    usefulLifeMonths: d.usefulLifeMonths,
    salvageValue: d.salvageValue,
    notes: d.notes,
  };
  if (!base) return all;
  const before = assetBody(base);
  return Object.fromEntries(
    Object.entries(all).filter(([k, v]) => before[k as keyof AssetInput] !== v),
  ) as AssetInput;
}

export function AssetFields({
  draft,
  onChange,
  errors,
  readOnly,
  withAssignment,
}: {
  draft: AssetDraft;
  onChange: (d: AssetDraft) => void;
  errors: Record<string, string>;
  readOnly: boolean;
  withAssignment: boolean;
}) {
  const suppliers = useSuppliers();
  const set = <K extends keyof AssetDraft>(k: K, v: AssetDraft[K]) => onChange({ ...draft, [k]: v });
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label="Asset tag"
          required
          readOnly={readOnly}
          value={draft.assetTag}
          onChange={(e) => set('assetTag', e.currentTarget.value)}
          error={errors.assetTag}
        />
        <TextInput
          label="Name"
          required
          readOnly={readOnly}
          value={draft.name}
          onChange={(e) => set('name', e.currentTarget.value)}
          error={errors.name}
        />
        <TextInput
          label="Serial number"
          readOnly={readOnly}
          value={draft.serialNumber}
          onChange={(e) => set('serialNumber', e.currentTarget.value)}
          error={errors.serialNumber}
        />
        <TextInput
          label="Model"
          readOnly={readOnly}
          value={draft.model}
          onChange={(e) => set('model', e.currentTarget.value)}
          error={errors.model}
        />
        <CiPicker
          label="Configuration item"
          placeholder="None"
          readOnly={readOnly}
          value={draft.ci}
          onChange={(c) => set('ci', c)}
          error={errors.ciId}
        />
        <Select
          label="Supplier"
          placeholder="None"
          clearable
          searchable
          readOnly={readOnly}
          data={(suppliers.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
          value={draft.supplierId}
          onChange={(v) => set('supplierId', v)}
          error={errors.supplierId}
        />
        {withAssignment && (
          <>
            <UserPicker
              label="Assigned to"
              placeholder="Nobody"
              readOnly={readOnly}
              value={draft.assignedTo}
              onChange={(p) => set('assignedTo', p)}
              error={errors.assignedToId}
            />
            <TextInput
              label="Location"
              readOnly={readOnly}
              value={draft.location}
              onChange={(e) => set('location', e.currentTarget.value)}
              error={errors.location}
            />
          </>
        )}
        <TextInput
          label="Purchase order"
          readOnly={readOnly}
          value={draft.purchaseOrder}
          onChange={(e) => set('purchaseOrder', e.currentTarget.value)}
          error={errors.purchaseOrder}
        />
        <TextInput
          label="Purchase date"
          type="date"
          readOnly={readOnly}
          value={draft.purchaseDate}
          onChange={(e) => set('purchaseDate', e.currentTarget.value)}
          error={errors.purchaseDate}
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
          placeholder="EUR"
          maxLength={3}
          readOnly={readOnly}
          value={draft.currency}
          onChange={(e) => set('currency', e.currentTarget.value.toUpperCase())}
          error={errors.currency}
        />
        <Select
          label="Depreciation"
          readOnly={readOnly}
          allowDeselect={false}
          data={DEPRECIATION_METHODS.map((m) => ({ value: m, label: humanize(m) }))}
          value={draft.depreciationMethod}
          onChange={(v) => set('depreciationMethod', (v as DepreciationMethod | null) ?? 'none')}
          error={errors.depreciationMethod}
        />
        <NumberInput
          label="Useful life (months)"
          min={1}
          max={600}
          readOnly={readOnly}
          value={draft.usefulLifeMonths ?? ''}
          onChange={(v) => set('usefulLifeMonths', numberOrNull(v))}
          error={errors.usefulLifeMonths}
        />
        <NumberInput
          label="Salvage value"
          min={0}
          decimalScale={2}
          readOnly={readOnly}
          value={draft.salvageValue ?? ''}
          onChange={(v) => set('salvageValue', numberOrNull(v))}
          error={errors.salvageValue}
        />
        <TextInput
          label="Warranty ends"
          type="date"
          readOnly={readOnly}
          value={draft.warrantyEnd}
          onChange={(e) => set('warrantyEnd', e.currentTarget.value)}
          error={errors.warrantyEnd}
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
