/** One licence: its compliance, purchases (entitlements) and where it is used (installations). */
import {
  ActionIcon,
  Anchor,
  Breadcrumbs,
  Button,
  Grid,
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError, errorMessage } from '../../api/client.ts';
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
import { EmptyState, ErrorAlert, ErrorState, PageLoader, RecordNotFound } from '../../components/States.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { CiPicker } from './CiPicker.tsx';
import { ComplianceBadge, METRIC_LABELS } from './LicencesPage.tsx';
import { CiLink, Fact, fieldErrorMap, formatMoney, numberOrNull } from './shared.tsx';

function Entitlements({ licence, canEdit }: { licence: Licence; canEdit: boolean }) {
  const list = useEntitlements(licence.id);
  const usage = useLicenceUsage(licence.id);
  const [quantity, setQuantity] = useState<number | null>(null);
  const [po, setPo] = useState('');
  const [expires, setExpires] = useState('');
  const [cost, setCost] = useState<number | null>(null);
  const [currency, setCurrency] = useState('EUR');
  const errors = fieldErrorMap(usage.addEntitlement.error);
  return (
    <Paper p="lg" component="section" aria-label="Entitlements">
      <Stack gap="sm">
        <Title order={2} size="h5">
          Purchases
        </Title>
        {list.isPending ? (
          <PageLoader label="Loading purchases" />
        ) : list.isError ? (
          <ErrorState error={list.error} />
        ) : list.data.length === 0 ? (
          <EmptyState title="Nothing bought yet" />
        ) : (
          <Table fz="sm" verticalSpacing={4} aria-label="Purchases">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Quantity</Table.Th>
                <Table.Th>Order</Table.Th>
                <Table.Th>Expires</Table.Th>
                <Table.Th>Cost</Table.Th>
                {canEdit && <Table.Th w={40} aria-label="Actions" />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((e) => (
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
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`Remove purchase of ${e.quantity}`}
                        onClick={() =>
                          usage.removeEntitlement.mutate(e.id, {
                            onError: (err) =>
                              notifications.show({
                                color: 'red',
                                title: 'Not removed',
                                message: errorMessage(err),
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
        {canEdit && (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              if (!quantity) return;
              usage.addEntitlement.mutate(
                {
                  quantity,
                  purchaseOrder: po.trim() || null,
                  expiresOn: expires || null,
                  cost,
                  currency: cost === null ? null : currency.trim().toUpperCase() || null,
                },
                {
                  onSuccess: () => {
                    setQuantity(null);
                    setPo('');
                    setExpires('');
                    setCost(null);
                  },
                },
              );
            }}
          >
            <Stack gap="xs">
              {usage.addEntitlement.error && !Object.keys(errors).length ? (
                <ErrorAlert error={usage.addEntitlement.error} title="Not recorded" />
              ) : null}
              <SimpleGrid cols={{ base: 2, sm: 3 }}>
                <NumberInput
                  label="Quantity"
                  min={1}
                  required
                  value={quantity ?? ''}
                  onChange={(v) => setQuantity(numberOrNull(v))}
                  error={errors.quantity}
                />
                <TextInput
                  label="Purchase order"
                  value={po}
                  onChange={(e) => setPo(e.currentTarget.value)}
                  error={errors.purchaseOrder}
                />
                <TextInput
                  label="Expires on"
                  type="date"
                  value={expires}
                  onChange={(e) => setExpires(e.currentTarget.value)}
                  error={errors.expiresOn}
                />
                <NumberInput
                  label="Cost"
                  min={0}
                  decimalScale={2}
                  value={cost ?? ''}
                  onChange={(v) => setCost(numberOrNull(v))}
                  error={errors.cost}
                />
                <TextInput
                  label="Currency"
                  maxLength={3}
                  value={currency}
                  onChange={(e) => setCurrency(e.currentTarget.value.toUpperCase())}
                  error={errors.currency}
                />
              </SimpleGrid>
              <Button
                type="submit"
                variant="light"
                disabled={!quantity}
                loading={usage.addEntitlement.isPending}
                w="fit-content"
              >
                Record purchase
              </Button>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}

function Installations({ licence, canEdit }: { licence: Licence; canEdit: boolean }) {
  const list = useInstallations(licence.id);
  const usage = useLicenceUsage(licence.id);
  const [ci, setCi] = useState<CiRef | null>(null);
  const [user, setUser] = useState<PersonRef | null>(null);
  const [cores, setCores] = useState<number | null>(null);
  const perUser = licence.metric === 'per_user';
  return (
    <Paper p="lg" component="section" aria-label="Installations">
      <Stack gap="sm">
        <Title order={2} size="h5">
          {perUser ? 'Assigned users' : 'Installations'}
        </Title>
        {list.isPending ? (
          <PageLoader label="Loading installations" />
        ) : list.isError ? (
          <ErrorState error={list.error} />
        ) : list.data.length === 0 ? (
          <EmptyState title="Not used anywhere yet" />
        ) : (
          <Table fz="sm" verticalSpacing={4} aria-label="Installations">
            <Table.Tbody>
              {list.data.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>{i.ci ? <CiLink ci={i.ci} /> : (i.user?.name ?? '—')}</Table.Td>
                  {licence.metric === 'per_core' && <Table.Td>{i.cores ?? '—'} cores</Table.Td>}
                  {canEdit && (
                    <Table.Td w={40}>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`Remove ${i.ci?.name ?? i.user?.name ?? 'installation'}`}
                        onClick={() =>
                          usage.removeInstallation.mutate(i.id, {
                            onError: (err) =>
                              notifications.show({
                                color: 'red',
                                title: 'Not removed',
                                message: errorMessage(err),
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
        {canEdit && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              const input = perUser
                ? { userId: user?.id }
                : { ciId: ci?.id, ...(licence.metric === 'per_core' ? { cores } : {}) };
              usage.addInstallation.mutate(input, {
                onSuccess: () => {
                  setCi(null);
                  setUser(null);
                  setCores(null);
                },
              });
            }}
          >
            <Stack gap="xs">
              <ErrorAlert error={usage.addInstallation.error} title="Not recorded" />
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
                loading={usage.addInstallation.isPending}
                w="fit-content"
              >
                {perUser ? 'Assign' : 'Record installation'}
              </Button>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}

export function LicencePage() {
  const { id = '' } = useParams();
  const licence = useLicence(id);
  useDocumentTitle(licence.data?.product ?? 'Licence');
  if (licence.isPending) return <PageLoader label="Loading licence" />;
  if (licence.isError) {
    if (licence.error instanceof ApiError && licence.error.isNotFound)
      return <RecordNotFound number="this licence" backTo="/cmdb/licences" backLabel="Back to licences" />;
    return <ErrorState error={licence.error} onRetry={() => licence.refetch()} />;
  }
  const l = licence.data;
  const canEdit = l.allowedActions.includes('update');
  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Breadcrumbs>
          <Anchor component={Link} to="/cmdb/licences" size="sm">
            Licences
          </Anchor>
          <Text size="sm">{l.product}</Text>
        </Breadcrumbs>
        <Title order={1} size="h2">
          {l.product}
        </Title>
        <Group gap="xs">
          <ComplianceBadge status={l.compliance.status} />
          <Text size="sm" c="dimmed">
            {l.vendor} · {METRIC_LABELS[l.metric]}
            {l.contract ? ` · contract ${l.contract.name}` : ''}
          </Text>
        </Group>
      </Stack>
      <Paper p="lg" component="section" aria-label="Compliance">
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <Fact label="Entitled">{l.compliance.entitled}</Fact>
          <Fact label="Used">{l.compliance.consumed}</Fact>
          <Fact label="Shortfall">{l.compliance.shortfall}</Fact>
          <Fact label="Unused">{l.compliance.unused}</Fact>
        </SimpleGrid>
        {l.notes && (
          <Text size="sm" mt="sm" className="pre-wrap">
            {l.notes}
          </Text>
        )}
      </Paper>
      <Grid gap="lg" align="flex-start">
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Entitlements licence={l} canEdit={canEdit} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Installations licence={l} canEdit={canEdit} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
