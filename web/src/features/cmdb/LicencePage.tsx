/** One licence: its compliance, purchases (entitlements) and where it is used (installations). */
import { Button, Group, NumberInput, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import {
  type CiRef,
  type Licence,
  useEntitlements,
  useInstallations,
  useLicence,
  useLicenceUsage,
} from '../../api/queries/cmdb.ts';
import type { PersonRef } from '../../api/types.ts';
import { UserPicker } from '../../components/Pickers.tsx';
import { ErrorAlert } from '../../components/States.tsx';
import { DetailPage } from '../../kit/detail/DetailPage.tsx';
import { QueryBody } from '../../kit/detail/HistoryPanel.tsx';
import { RemoveButton } from '../../kit/detail/RemoveButton.tsx';
import { DetailColumns, Fact, Section } from '../../kit/detail/Section.tsx';
import { type FieldErrors, numberOrNull, textOrNull } from '../../kit/form/patch.ts';
import { SaveForm } from '../../kit/form/SaveForm.tsx';
import { SubmitForm } from '../../kit/form/SubmitForm.tsx';
import { useDraftForm } from '../../kit/form/useDraftForm.ts';
import { DataTable } from '../../kit/list/DataTable.tsx';
import { CiPicker } from './CiPicker.tsx';
import { ComplianceBadge, METRIC_LABELS } from './LicencesPage.tsx';
import { CiLink, formatMoney } from './shared.tsx';

const emptyPurchase = {
  quantity: null as number | null,
  purchaseOrder: '',
  expiresOn: '',
  cost: null as number | null,
  currency: 'EUR',
};
type PurchaseDraft = typeof emptyPurchase;
const purchaseBody = (d: PurchaseDraft) => ({
  quantity: d.quantity ?? 0,
  purchaseOrder: textOrNull(d.purchaseOrder),
  expiresOn: d.expiresOn || null,
  cost: d.cost,
  currency: d.cost === null ? null : (textOrNull(d.currency)?.toUpperCase() ?? null),
});

function NewPurchase({ licence }: { licence: Licence }) {
  const add = useLicenceUsage(licence.id).addEntitlement;
  const form = useDraftForm(emptyPurchase, {
    toBody: purchaseBody,
    validate: (d): FieldErrors => (d.quantity ? {} : { quantity: 'Enter how many were bought' }),
    error: add.error,
  });
  return (
    <SaveForm
      form={form}
      save={add}
      what="this licence"
      submitLabel="Record purchase"
      errorTitle="Not recorded"
      onSubmit={() => add.mutate(form.body, { onSuccess: () => form.rebase(emptyPurchase, undefined) })}
    >
      <SimpleGrid cols={{ base: 2, sm: 3 }}>
        <NumberInput label="Quantity" min={1} required {...form.number('quantity')} />
        <TextInput label="Purchase order" {...form.text('purchaseOrder', { max: 'nameMax' })} />
        <TextInput label="Expires on" type="date" {...form.text('expiresOn')} />
        <NumberInput label="Cost" min={0} decimalScale={2} {...form.number('cost')} />
        <TextInput label="Currency" {...form.text('currency', { max: 3 })} />
      </SimpleGrid>
    </SaveForm>
  );
}

function Entitlements({ licence, canEdit }: { licence: Licence; canEdit: boolean }) {
  const usage = useLicenceUsage(licence.id);
  return (
    <Section title="Purchases" label="Entitlements">
      <QueryBody query={useEntitlements(licence.id)} what="purchases" empty="Nothing bought yet">
        {(rows) => (
          <DataTable
            fz="sm"
            verticalSpacing={4}
            aria-label="Purchases"
            columns={[
              'Quantity',
              'Order',
              'Expires',
              'Cost',
              canEdit && { label: 'Actions', w: 40, hidden: true },
            ]}
          >
            {rows.map((e) => (
              <Table.Tr key={e.id} c={e.inForce ? undefined : 'dimmed'}>
                <Table.Td>
                  {e.quantity}
                  {e.inForce ? '' : ' (expired)'}
                </Table.Td>
                <Table.Td>{e.purchaseOrder ?? '—'}</Table.Td>
                <Table.Td>{e.expiresOn ?? 'never'}</Table.Td>
                <Table.Td>{formatMoney(e.cost, e.currency)}</Table.Td>
                {canEdit && (
                  <Table.Td>
                    <RemoveButton
                      label={`Remove purchase of ${e.quantity}`}
                      mutation={usage.removeEntitlement}
                      vars={e.id}
                    />
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </QueryBody>
      {canEdit && <NewPurchase licence={licence} />}
    </Section>
  );
}

function NewInstallation({ licence }: { licence: Licence }) {
  const add = useLicenceUsage(licence.id).addInstallation;
  const [ci, setCi] = useState<CiRef | null>(null);
  const [user, setUser] = useState<PersonRef | null>(null);
  const [cores, setCores] = useState<number | null>(null);
  const perUser = licence.metric === 'per_user';
  return (
    <SubmitForm
      onSubmit={() => {
        const input = perUser
          ? { userId: user?.id }
          : { ciId: ci?.id, ...(licence.metric === 'per_core' ? { cores } : {}) };
        add.mutate(input, {
          onSuccess: () => {
            setCi(null);
            setUser(null);
            setCores(null);
          },
        });
      }}
    >
      <Stack gap="xs">
        <ErrorAlert error={add.error} title="Not recorded" />
        {perUser ? (
          <UserPicker label="Assign to" value={user} onChange={setUser} />
        ) : (
          <Group align="flex-end" grow>
            <CiPicker label="Installed on" value={ci} onChange={setCi} />
            {licence.metric === 'per_core' && (
              <NumberInput
                label="Cores"
                description="Leave empty to use the CI's cpu_count"
                min={1}
                value={cores ?? ''}
                onChange={(v) => setCores(numberOrNull(v))}
              />
            )}
          </Group>
        )}
        <Button
          type="submit"
          variant="light"
          disabled={perUser ? !user : !ci}
          loading={add.isPending}
          w="fit-content"
        >
          {perUser ? 'Assign' : 'Record installation'}
        </Button>
      </Stack>
    </SubmitForm>
  );
}

function Installations({ licence, canEdit }: { licence: Licence; canEdit: boolean }) {
  const usage = useLicenceUsage(licence.id);
  return (
    <Section title={licence.metric === 'per_user' ? 'Assigned users' : 'Installations'} label="Installations">
      <QueryBody query={useInstallations(licence.id)} what="installations" empty="Not used anywhere yet">
        {(rows) => (
          <Table fz="sm" verticalSpacing={4} aria-label="Installations">
            <Table.Tbody>
              {rows.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>{i.ci ? <CiLink ci={i.ci} /> : (i.user?.name ?? '—')}</Table.Td>
                  {licence.metric === 'per_core' && <Table.Td>{i.cores ?? '—'} cores</Table.Td>}
                  {canEdit && (
                    <Table.Td w={40}>
                      <RemoveButton
                        label={`Remove ${i.ci?.name ?? i.user?.name ?? 'installation'}`}
                        mutation={usage.removeInstallation}
                        vars={i.id}
                      />
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryBody>
      {canEdit && <NewInstallation licence={licence} />}
    </Section>
  );
}

export function LicencePage() {
  const { id = '' } = useParams();
  const licence = useLicence(id);
  return (
    <DetailPage
      query={licence}
      what="licence"
      back={{ to: '/cmdb/licences', label: 'Licences' }}
      header={(l) => ({
        title: l.product,
        badges: <ComplianceBadge status={l.compliance.status} />,
        meta: `${l.vendor} · ${METRIC_LABELS[l.metric]}${l.contract ? ` · contract ${l.contract.name}` : ''}`,
      })}
    >
      {(l) => (
        <>
          <Section label="Compliance">
            <SimpleGrid cols={{ base: 2, sm: 4 }}>
              <Fact label="Entitled">{l.compliance.entitled}</Fact>
              <Fact label="Used">{l.compliance.consumed}</Fact>
              <Fact label="Shortfall">{l.compliance.shortfall}</Fact>
              <Fact label="Unused">{l.compliance.unused}</Fact>
            </SimpleGrid>
            {l.notes && (
              <Text size="sm" className="pre-wrap">
                {l.notes}
              </Text>
            )}
          </Section>
          <DetailColumns
            sideSpan={6}
            main={<Entitlements licence={l} canEdit={l.allowedActions.includes('update')} />}
            side={<Installations licence={l} canEdit={l.allowedActions.includes('update')} />}
          />
        </>
      )}
    </DetailPage>
  );
}
