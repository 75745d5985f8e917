/** One contract: its terms (renew by moving the end date) and the CIs and assets it covers. */
import {
  ActionIcon,
  Alert,
  Anchor,
  Breadcrumbs,
  Button,
  Grid,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError, errorMessage } from '../../api/client.ts';
import {
  type CiRef,
  type Contract,
  useChangeCoverage,
  useContract,
  useCoverage,
  useSaveContract,
} from '../../api/queries/cmdb.ts';
import { EmptyState, ErrorAlert, ErrorState, PageLoader, RecordNotFound } from '../../components/States.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { assetPath } from './AssetsPage.tsx';
import { CiPicker } from './CiPicker.tsx';
import { ContractFields, contractBody, draftOfContract } from './ContractForm.tsx';
import { ContractStatusBadge } from './ContractsPage.tsx';
import { CiLink, fieldErrorMap } from './shared.tsx';

function Terms({ contract }: { contract: Contract }) {
  const save = useSaveContract(contract.id);
  const [base, setBase] = useState({ version: contract.version, draft: draftOfContract(contract) });
  const [draft, setDraft] = useState(base.draft);
  const patch = contractBody(draft, base.draft);
  const dirty = Object.keys(patch).length > 0;
  const canEdit = contract.allowedActions.includes('update');
  const errors = fieldErrorMap(save.error);
  return (
    <Paper p="lg" component="section" aria-label="Terms">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(
            { input: patch, version: base.version },
            {
              onSuccess: (c) => {
                const next = { version: c.version, draft: draftOfContract(c) };
                setBase(next);
                setDraft(next.draft);
                notifications.show({ color: 'teal', message: `${c.name} saved` });
              },
            },
          );
        }}
      >
        <Stack>
          {save.error && !Object.keys(errors).length ? (
            <ErrorAlert
              error={save.error}
              title={
                save.error instanceof ApiError && save.error.isStale
                  ? 'Someone else changed this contract; reload the page'
                  : 'Not saved'
              }
            />
          ) : null}
          <ContractFields draft={draft} onChange={setDraft} errors={errors} readOnly={!canEdit} />
          {canEdit && (
            <Group justify="flex-end">
              <Button type="submit" disabled={!dirty} loading={save.isPending}>
                Save changes
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Paper>
  );
}

function CoveragePanel({ contract }: { contract: Contract }) {
  const coverage = useCoverage(contract.id);
  const change = useChangeCoverage(contract.id);
  const [ci, setCi] = useState<CiRef | null>(null);
  const canEdit = contract.allowedActions.includes('update');
  return (
    <Paper p="lg" component="section" aria-label="Coverage">
      <Stack gap="sm">
        <Title order={2} size="h5">
          Covers
        </Title>
        {canEdit && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (ci) change.add.mutate({ ciIds: [ci.id] }, { onSuccess: () => setCi(null) });
            }}
          >
            <Group align="flex-end" gap="xs" wrap="nowrap">
              <CiPicker label="Cover a configuration item" value={ci} onChange={setCi} style={{ flex: 1 }} />
              <Button type="submit" variant="light" disabled={!ci} loading={change.add.isPending}>
                Add
              </Button>
            </Group>
            <ErrorAlert error={change.add.error} title="Not added" />
          </form>
        )}
        {coverage.isPending ? (
          <PageLoader label="Loading coverage" />
        ) : coverage.isError ? (
          <ErrorState error={coverage.error} />
        ) : coverage.data.length === 0 ? (
          <EmptyState title="Covers nothing yet" />
        ) : (
          <Table fz="sm" verticalSpacing={4} aria-label="Covered items">
            <Table.Tbody>
              {coverage.data.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    {c.ci ? (
                      <CiLink ci={c.ci} />
                    ) : c.asset ? (
                      <Anchor component={Link} to={assetPath(c.asset.assetTag)} size="sm" fw={600}>
                        {c.asset.assetTag} {c.asset.name}
                      </Anchor>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                  <Table.Td>{c.ci ? c.ci.classLabel : 'Asset'}</Table.Td>
                  {canEdit && (
                    <Table.Td w={40}>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`Stop covering ${c.ci?.name ?? c.asset?.assetTag ?? ''}`}
                        onClick={() =>
                          change.remove.mutate(c.id, {
                            onError: (e) =>
                              notifications.show({
                                color: 'red',
                                title: 'Not removed',
                                message: errorMessage(e),
                              }),
                          })
                        }
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}

export function ContractPage() {
  const { id = '' } = useParams();
  const contract = useContract(id);
  useDocumentTitle(contract.data?.name ?? 'Contract');
  if (contract.isPending) return <PageLoader label="Loading contract" />;
  if (contract.isError) {
    if (contract.error instanceof ApiError && contract.error.isNotFound)
      return <RecordNotFound number="this contract" backTo="/cmdb/contracts" backLabel="Back to contracts" />;
    return <ErrorState error={contract.error} onRetry={() => contract.refetch()} />;
  }
  const c = contract.data;
  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Breadcrumbs>
          <Anchor component={Link} to="/cmdb/contracts" size="sm">
            Contracts
          </Anchor>
          <Text size="sm">{c.name}</Text>
        </Breadcrumbs>
        <Title order={1} size="h2">
          {c.name}
        </Title>
        <Group gap="xs">
          <ContractStatusBadge status={c.status} daysLeft={c.daysLeft} />
          <Text size="sm" c="dimmed">
            {c.supplier?.name ?? 'No supplier'} · {c.startDate} to {c.endDate}
          </Text>
        </Group>
      </Stack>
      {(c.status === 'expiring' || c.status === 'expired') && (
        <Alert
          color={c.status === 'expired' ? 'red' : 'orange'}
          icon={<IconAlertTriangle size={18} />}
          role="status"
        >
          {c.status === 'expired'
            ? `This contract ended on ${c.endDate}. What it covers is no longer supported by ${c.supplier?.name ?? 'the supplier'}.`
            : `This contract ends in ${c.daysLeft} day${c.daysLeft === 1 ? '' : 's'} (${c.endDate}). Renew it by moving the end date.`}
        </Alert>
      )}
      <Grid gap="lg" align="flex-start">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Terms key={`${c.id}`} contract={c} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <CoveragePanel contract={c} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
