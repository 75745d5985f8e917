/** The fields of an asset: identity, link to its CI, supplier and money (cost, depreciation, warranty). */
import { NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import {
  type Asset,
  type AssetInput,
  type AssetState,
  type CiRef,
  DEPRECIATION_METHODS,
  type DepreciationMethod,
  useSuppliers,
} from '../../api/queries/cmdb.ts';
import type { PersonRef } from '../../api/types.ts';
import { UserPicker } from '../../components/Pickers.tsx';
import { namedOptions } from '../../kit/form/namedOptions.ts';
import { textOrNull as txt } from '../../kit/form/patch.ts';
import type { DraftForm } from '../../kit/form/useDraftForm.ts';
import { humanize } from '../../lib/labels.ts';
import { CiPicker } from './CiPicker.tsx';

export type AssetDraft = {
  /** Chosen only when registering; later the lifecycle moves it. */
  state: AssetState;
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
  state: 'in_stock',
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
  state: a.state,
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

/** The draft as an API body (the form kit sends only what changed when editing). */
export function assetBody(d: AssetDraft): AssetInput {
  return {
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
}

export const validateAsset = (d: AssetDraft): Record<string, string> => ({
  ...(d.assetTag.trim() ? {} : { assetTag: 'Enter the asset tag' }),
  ...(d.name.trim() ? {} : { name: 'Enter a name' }),
});

export function AssetFields({
  form,
  withAssignment,
}: {
  form: DraftForm<AssetDraft, AssetInput>;
  withAssignment: boolean;
}) {
  const suppliers = useSuppliers();
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label="Asset tag" required {...form.text('assetTag', { max: 'nameMax' })} />
        <TextInput label="Name" required {...form.text('name', { max: 'nameMax' })} />
        <TextInput label="Serial number" {...form.text('serialNumber', { max: 'nameMax' })} />
        <TextInput label="Model" {...form.text('model', { max: 'nameMax' })} />
        <CiPicker label="Configuration item" placeholder="None" {...form.value('ci', { errorKey: 'ciId' })} />
        <Select
          label="Supplier"
          placeholder="None"
          clearable
          searchable
          data={namedOptions(suppliers.data)}
          {...form.choice('supplierId')}
        />
        {withAssignment && (
          <>
            <UserPicker
              label="Assigned to"
              placeholder="Nobody"
              {...form.value('assignedTo', { errorKey: 'assignedToId' })}
            />
            <TextInput label="Location" {...form.text('location', { max: 'nameMax' })} />
          </>
        )}
        <TextInput label="Purchase order" {...form.text('purchaseOrder', { max: 'nameMax' })} />
        <TextInput label="Purchase date" type="date" {...form.text('purchaseDate')} />
        <NumberInput label="Cost" min={0} decimalScale={2} {...form.number('cost')} />
        <TextInput label="Currency" placeholder="EUR" {...form.text('currency', { max: 3 })} />
        <Select
          label="Depreciation"
          allowDeselect={false}
          data={DEPRECIATION_METHODS.map((m) => ({ value: m, label: humanize(m) }))}
          {...form.choice('depreciationMethod', { fallback: 'none' })}
        />
        <NumberInput label="Useful life (months)" min={1} max={600} {...form.number('usefulLifeMonths')} />
        <NumberInput label="Salvage value" min={0} decimalScale={2} {...form.number('salvageValue')} />
        <TextInput label="Warranty ends" type="date" {...form.text('warrantyEnd')} />
      </SimpleGrid>
      <Textarea label="Notes" autosize minRows={2} {...form.text('notes', { max: 'descriptionMax' })} />
    </Stack>
  );
}
