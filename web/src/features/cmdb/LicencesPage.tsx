/** Software licences and the compliance view: entitled versus consumed, over- and under-licensed first. */
import {
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import {
  type ComplianceStatus,
  LICENCE_METRICS,
  type LicenceMetric,
  useComplianceReport,
  useSaveLicence,
} from '../../api/queries/cmdb.ts';
import { useMe } from '../../auth/session.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState, ErrorAlert, ErrorState, PageLoader } from '../../components/States.tsx';
import { cmdbAreas } from '../../lib/faces.ts';
import { humanize } from '../../lib/labels.ts';
import { fieldErrorMap } from './shared.tsx';

export const METRIC_LABELS: Record<LicenceMetric, string> = {
  per_install: 'Per installation',
  per_user: 'Per user',
  per_core: 'Per core',
};
const COMPLIANCE_COLORS: Record<ComplianceStatus, string> = {
  compliant: 'teal',
  over_licensed: 'yellow',
  under_licensed: 'red',
};

export function ComplianceBadge({ status }: { status: ComplianceStatus }) {
  return (
    <Badge color={COMPLIANCE_COLORS[status]} variant="light">
      {humanize(status)}
    </Badge>
  );
}

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <Paper p="md">
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text size="xl" fw={700}>
        {value}
      </Text>
    </Paper>
  );
}

function NewLicenceModal({ onClose }: { onClose: () => void }) {
  const navigate = useNavigate();
  const save = useSaveLicence(null);
  const [product, setProduct] = useState('');
  const [vendor, setVendor] = useState('');
  const [metric, setMetric] = useState<LicenceMetric>('per_install');
  const [notes, setNotes] = useState('');
  const errors = fieldErrorMap(save.error);
  return (
    <Modal opened onClose={onClose} title="New licence">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(
            { input: { product: product.trim(), vendor: vendor.trim(), metric, notes } },
            {
              onSuccess: (l) => {
                notifications.show({ color: 'teal', message: `${l.product} added` });
                navigate(`/cmdb/licences/${l.id}`);
              },
            },
          );
        }}
      >
        <Stack>
          {save.error && !Object.keys(errors).length ? (
            <ErrorAlert error={save.error} title="Not added" />
          ) : null}
          <TextInput
            label="Product"
            required
            value={product}
            onChange={(e) => setProduct(e.currentTarget.value)}
            error={errors.product}
          />
          <TextInput
            label="Vendor"
            required
            value={vendor}
            onChange={(e) => setVendor(e.currentTarget.value)}
            error={errors.vendor}
          />
          <Select
            label="Metric"
            description="How use is counted; cannot change later"
            allowDeselect={false}
            data={LICENCE_METRICS.map((m) => ({ value: m, label: METRIC_LABELS[m] }))}
            value={metric}
            onChange={(v) => setMetric((v as LicenceMetric | null) ?? 'per_install')}
          />
          <Textarea label="Notes" value={notes} onChange={(e) => setNotes(e.currentTarget.value)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!product.trim() || !vendor.trim()}>
              Add licence
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function LicencesPage() {
  const me = useMe();
  const report = useComplianceReport();
  const [opened, modal] = useDisclosure(false);
  const [status, setStatus] = useState<string | null>(null);
  const items = (report.data?.items ?? []).filter((i) => !status || i.status === status);
  return (
    <>
      <PageHeader
        title="Licences"
        description="What has been bought against what is used. Under-licensed is a compliance risk; over-licensed is money unused."
        actions={
          cmdbAreas(me).manage && (
            <Button leftSection={<IconPlus size={16} />} onClick={modal.open}>
              New licence
            </Button>
          )
        }
      />
      {report.isPending ? (
        <PageLoader label="Loading licences" />
      ) : report.isError ? (
        <ErrorState error={report.error} onRetry={() => report.refetch()} />
      ) : (
        <Stack>
          <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} aria-label="Compliance summary">
            <Stat label="Licences" value={report.data.summary.licences} />
            <Stat label="Compliant" value={report.data.summary.compliant} />
            <Stat label="Under-licensed" value={report.data.summary.underLicensed} />
            <Stat label="Over-licensed" value={report.data.summary.overLicensed} />
            <Stat label="Shortfall" value={report.data.summary.shortfall} />
            <Stat label="Unused" value={report.data.summary.unused} />
          </SimpleGrid>
          <Group>
            <Select
              label="Compliance"
              placeholder="Any"
              clearable
              data={(['under_licensed', 'over_licensed', 'compliant'] as const).map((s) => ({
                value: s,
                label: humanize(s),
              }))}
              value={status}
              onChange={setStatus}
            />
          </Group>
          <Paper p={0} style={{ overflow: 'hidden' }}>
            {items.length === 0 ? (
              <EmptyState title="No licences" />
            ) : (
              <Table.ScrollContainer minWidth={800}>
                <Table fz="sm" verticalSpacing="xs" aria-label="Licence compliance">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Product</Table.Th>
                      <Table.Th w={150}>Vendor</Table.Th>
                      <Table.Th w={140}>Metric</Table.Th>
                      <Table.Th w={90}>Entitled</Table.Th>
                      <Table.Th w={90}>Used</Table.Th>
                      <Table.Th w={90}>Shortfall</Table.Th>
                      <Table.Th w={90}>Unused</Table.Th>
                      <Table.Th w={150}>Status</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {items.map((i) => (
                      <Table.Tr key={i.licence.id}>
                        <Table.Td>
                          <Anchor component={Link} to={`/cmdb/licences/${i.licence.id}`} fw={600} size="sm">
                            {i.licence.product}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>{i.licence.vendor}</Table.Td>
                        <Table.Td>{METRIC_LABELS[i.licence.metric]}</Table.Td>
                        <Table.Td>{i.entitled}</Table.Td>
                        <Table.Td>{i.consumed}</Table.Td>
                        <Table.Td c={i.shortfall ? 'red.8' : undefined}>{i.shortfall}</Table.Td>
                        <Table.Td>{i.unused}</Table.Td>
                        <Table.Td>
                          <ComplianceBadge status={i.status} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Paper>
        </Stack>
      )}
      {opened && <NewLicenceModal onClose={modal.close} />}
    </>
  );
}
