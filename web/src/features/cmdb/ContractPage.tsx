/** One contract: its terms (renew by moving the end date) and the CIs and assets it covers. */
import { Alert, Table } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useParams } from 'react-router-dom';
import {
  type Contract,
  contracts,
  useChangeCoverage,
  useContract,
  useCoverage,
} from '../../api/queries/cmdb.ts';
import { DetailPage } from '../../kit/detail/DetailPage.tsx';
import { QueryBody } from '../../kit/detail/HistoryPanel.tsx';
import { RemoveButton } from '../../kit/detail/RemoveButton.tsx';
import { DetailColumns, Section } from '../../kit/detail/Section.tsx';
import { RecordEditForm } from '../../kit/form/RecordEditForm.tsx';
import { RowLink } from '../../kit/list/RowLink.tsx';
import { assetPath } from './AssetsPage.tsx';
import { AddCiForm } from './CiPicker.tsx';
import { ContractFields, contractBody, draftOfContract } from './ContractForm.tsx';
import { ContractStatusBadge } from './ContractsPage.tsx';
import { CiLink } from './shared.tsx';

function Terms({ contract, onReload }: { contract: Contract; onReload: () => void }) {
  return (
    <RecordEditForm
      record={contract}
      resource={contracts}
      toDraft={draftOfContract}
      toBody={contractBody}
      readOnly={!contract.allowedActions.includes('update')}
      what={`Contract ${contract.name}`}
      saved={(c) => `${c.name} saved`}
      onReload={onReload}
      label="Terms"
    >
      {(form) => <ContractFields form={form} />}
    </RecordEditForm>
  );
}

function CoveragePanel({ contract }: { contract: Contract }) {
  const coverage = useCoverage(contract.id);
  const change = useChangeCoverage(contract.id);
  const canEdit = contract.allowedActions.includes('update');
  return (
    <Section title="Covers" label="Coverage">
      {canEdit && (
        <AddCiForm
          label="Cover a configuration item"
          submitLabel="Add"
          pending={change.add.isPending}
          error={change.add.error}
          errorTitle="Not added"
          onAdd={(ci, clear) => change.add.mutate({ ciIds: [ci.id] }, { onSuccess: clear })}
        />
      )}
      <QueryBody query={coverage} what="coverage" empty="Covers nothing yet">
        {(rows) => (
          <Table fz="sm" verticalSpacing={4} aria-label="Covered items">
            <Table.Tbody>
              {rows.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    {c.ci ? (
                      <CiLink ci={c.ci} />
                    ) : c.asset ? (
                      <RowLink to={assetPath(c.asset.assetTag)}>
                        {c.asset.assetTag} {c.asset.name}
                      </RowLink>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                  <Table.Td>{c.ci ? c.ci.classLabel : 'Asset'}</Table.Td>
                  {canEdit && (
                    <Table.Td w={40}>
                      <RemoveButton
                        label={`Stop covering ${c.ci?.name ?? c.asset?.assetTag ?? ''}`}
                        mutation={change.remove}
                        vars={c.id}
                      />
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryBody>
    </Section>
  );
}

function ExpiryAlert({ c }: { c: Contract }) {
  if (c.status !== 'expiring' && c.status !== 'expired') return null;
  return (
    <Alert
      color={c.status === 'expired' ? 'red' : 'orange'}
      icon={<IconAlertTriangle size={18} />}
      role="status"
    >
      {c.status === 'expired'
        ? `This contract ended on ${c.endDate}. What it covers is no longer supported by ${c.supplier?.name ?? 'the supplier'}.`
        : `This contract ends in ${c.daysLeft} day${c.daysLeft === 1 ? '' : 's'} (${c.endDate}). Renew it by moving the end date.`}
    </Alert>
  );
}

export function ContractPage() {
  const { id = '' } = useParams();
  const contract = useContract(id);
  return (
    <DetailPage
      query={contract}
      what="contract"
      back={{ to: '/cmdb/contracts', label: 'Contracts' }}
      header={(c) => ({
        title: c.name,
        badges: <ContractStatusBadge status={c.status} daysLeft={c.daysLeft} />,
        meta: `${c.supplier?.name ?? 'No supplier'} · ${c.startDate} to ${c.endDate}`,
      })}
    >
      {(c) => (
        <>
          <ExpiryAlert c={c} />
          <DetailColumns
            sideSpan={5}
            main={<Terms key={c.id} contract={c} onReload={() => void contract.refetch()} />}
            side={<CoveragePanel contract={c} />}
          />
        </>
      )}
    </DetailPage>
  );
}
