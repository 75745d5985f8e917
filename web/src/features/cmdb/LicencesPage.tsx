/** Software licences and the compliance view: entitled versus consumed, over- and under-licensed first. */
import {
  Badge,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import {
  type ComplianceStatus,
  LICENCE_METRICS,
  type LicenceMetric,
  licences,
  useComplianceReport,
} from '../../api/queries/cmdb.ts';
import { useMe } from '../../auth/session.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState } from '../../components/States.tsx';
import { Loaded } from '../../kit/detail/Loaded.tsx';
import { CreateButton } from '../../kit/form/CreateDialog.tsx';
import type { FieldErrors } from '../../kit/form/patch.ts';
import { DataTable } from '../../kit/list/DataTable.tsx';
import { RowLink } from '../../kit/list/RowLink.tsx';
import { cmdbAreas } from '../../lib/faces.ts';
import { humanize, optionsOf } from '../../lib/labels.ts';

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

const emptyLicence = { product: '', vendor: '', metric: 'per_install' as LicenceMetric, notes: '' };
const licenceBody = (d: typeof emptyLicence) => ({
  ...d,
  product: d.product.trim(),
  vendor: d.vendor.trim(),
});
const validateLicence = (d: typeof emptyLicence): FieldErrors => ({
  ...(d.product.trim() ? {} : { product: 'Enter the product' }),
  ...(d.vendor.trim() ? {} : { vendor: 'Enter the vendor' }),
});

export function LicencesPage() {
  const me = useMe();
  const report = useComplianceReport();
  const [status, setStatus] = useState<string | null>(null);
  return (
    <>
      <PageHeader
        title="Licences"
        description="What has been bought against what is used. Under-licensed is a compliance risk; over-licensed is money unused."
        actions={
          cmdbAreas(me).manage && (
            <CreateButton
              label="New licence"
              title="New licence"
              useCreate={licences.useCreate}
              empty={() => emptyLicence}
              toBody={licenceBody}
              validate={validateLicence}
              created={(l) => `${l.product} added`}
              pathOf={(l) => `/cmdb/licences/${l.id}`}
              submitLabel="Add licence"
              errorTitle="Not added"
            >
              {(form) => (
                <>
                  <TextInput label="Product" required {...form.text('product', { max: 'nameMax' })} />
                  <TextInput label="Vendor" required {...form.text('vendor', { max: 'nameMax' })} />
                  <Select
                    label="Metric"
                    description="How use is counted; cannot change later"
                    allowDeselect={false}
                    data={optionsOf(LICENCE_METRICS, METRIC_LABELS)}
                    {...form.choice('metric', { fallback: 'per_install' })}
                  />
                  <Textarea label="Notes" {...form.text('notes', { max: 'descriptionMax' })} />
                </>
              )}
            </CreateButton>
          )
        }
      />
      <Loaded query={report} label="Loading licences">
        {(data) => {
          const items = data.items.filter((i) => !status || i.status === status);
          return (
            <Stack>
              <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} aria-label="Compliance summary">
                <Stat label="Licences" value={data.summary.licences} />
                <Stat label="Compliant" value={data.summary.compliant} />
                <Stat label="Under-licensed" value={data.summary.underLicensed} />
                <Stat label="Over-licensed" value={data.summary.overLicensed} />
                <Stat label="Shortfall" value={data.summary.shortfall} />
                <Stat label="Unused" value={data.summary.unused} />
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
                  <DataTable
                    minWidth={800}
                    fz="sm"
                    verticalSpacing="xs"
                    aria-label="Licence compliance"
                    columns={[
                      'Product',
                      { label: 'Vendor', w: 150 },
                      { label: 'Metric', w: 140 },
                      { label: 'Entitled', w: 90 },
                      { label: 'Used', w: 90 },
                      { label: 'Shortfall', w: 90 },
                      { label: 'Unused', w: 90 },
                      { label: 'Status', w: 150 },
                    ]}
                  >
                    {items.map((i) => (
                      <Table.Tr key={i.licence.id}>
                        <Table.Td>
                          <RowLink to={`/cmdb/licences/${i.licence.id}`}>{i.licence.product}</RowLink>
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
                  </DataTable>
                )}
              </Paper>
            </Stack>
          );
        }}
      </Loaded>
    </>
  );
}
