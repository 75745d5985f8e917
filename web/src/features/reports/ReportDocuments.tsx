/**
 * The SLA compliance report (per customer and agreement, every breach explained) and the service
 * review (one service over a period), as web pages with PDF, CSV and XLSX downloads.
 */
import {
  Alert,
  Anchor,
  Badge,
  Group,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import {
  type ComplianceReport,
  type ServiceReview,
  useComplianceReport,
  useServiceReview,
} from '../../api/queries/reports.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState } from '../../components/States.tsx';
import { Loaded } from '../../kit/detail/Loaded.tsx';
import { DataTable } from '../../kit/list/DataTable.tsx';
import { FilterBar, SelectFilter } from '../../kit/list/filters.tsx';
import { recordPath } from '../../records/registry.ts';
import { Downloads } from './Downloads.tsx';
import { CustomerFilter, PeriodFilter, ServiceFilter, useReportFilters } from './filters.tsx';
import { RAG_COLORS, RAG_LABELS } from './format.ts';

const pct = (v: number | null) => (v === null ? '—' : `${v.toFixed(1)} %`);

function AgreementTable({ rows }: { rows: ComplianceReport['rows'] }) {
  if (rows.length === 0) return <EmptyState title="No agreement clocks fell due in this period" />;
  return (
    <DataTable
      striped
      aria-label="Compliance per agreement"
      columns={['Agreement', 'Party', 'Service', 'Response', 'Resolution']}
    >
      {rows.map((r) => (
        <Table.Tr key={r.agreementId}>
          <Table.Td>
            {r.name} <Badge variant="light">{r.kind.toUpperCase()}</Badge>
          </Table.Td>
          <Table.Td>{r.party ?? 'All customers'}</Table.Td>
          <Table.Td>{r.service ?? ''}</Table.Td>
          <Table.Td>
            {pct(r.response.compliance)} ({r.response.met}/{r.response.due})
          </Table.Td>
          <Table.Td>
            {pct(r.resolution.compliance)} ({r.resolution.met}/{r.resolution.due})
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}

function Breaches({ breaches }: { breaches: ComplianceReport['breaches'] }) {
  if (breaches.length === 0) return <Text c="dimmed">No target was breached in this period.</Text>;
  return (
    <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0 }} aria-label="Breaches">
      {breaches.map((b) => (
        <Paper key={`${b.recordId}-${b.agreement}-${b.metric}`} withBorder p="sm" component="li">
          <Group gap="xs">
            <Text component={Link} to={`/incidents/${b.number}`} fw={600} c="blue.8">
              {b.number}
            </Text>
            <Text fw={600}>{b.title}</Text>
            <Badge color="red" variant="light">
              {b.metric} breached
            </Badge>
            <Text size="sm" c="dimmed">
              {b.agreement} · P{b.priority}
              {b.customer ? ` · ${b.customer}` : ''}
            </Text>
          </Group>
          <List size="sm" mt={4}>
            {b.explanation.map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
        </Paper>
      ))}
    </Stack>
  );
}

const SPEC = { period: 'one', customerId: 'one', kind: 'one' } as const;

export function SlaCompliancePage() {
  const { state, query } = useReportFilters(SPEC);
  const r = useComplianceReport(query);
  return (
    <Stack gap="md">
      <PageHeader
        title="SLA compliance"
        description="Every agreement's response and resolution targets due in the period, how many were met, and each breach with the explanation from its SLA timeline."
        actions={<Downloads path="/reports/sla-compliance" query={query} formats={['csv', 'xlsx']} />}
      />
      <FilterBar state={state}>
        <PeriodFilter state={state} />
        <CustomerFilter state={state} />
        <SelectFilter
          state={state}
          name="kind"
          label="Agreement kind"
          data={[
            { value: 'sla', label: 'SLA' },
            { value: 'ola', label: 'OLA' },
            { value: 'uc', label: 'Underpinning contract' },
          ]}
        />
      </FilterBar>
      <Loaded query={r} label="Computing compliance">
        {(data) => (
          <>
            <AgreementTable rows={data.rows} />
            <Title order={2} size="h4">
              Breaches ({data.breaches.length}
              {data.moreBreaches ? '+' : ''})
            </Title>
            {data.moreBreaches && (
              <Alert color="yellow">The first 500 breaches are listed; the downloads hold the same.</Alert>
            )}
            <Breaches breaches={data.breaches} />
          </>
        )}
      </Loaded>
    </Stack>
  );
}

/** A bordered part of the service review, a region named by its heading. */
function ReviewPart({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Title order={2} size="h4" mb="xs">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** Records the review lists (open problems, improvement actions), each linked to its page. */
function ReviewRecords({
  title,
  type,
  none,
  rows,
}: {
  title: string;
  type: string;
  none: string;
  rows: ServiceReview['problems'];
}) {
  return (
    <ReviewPart title={title}>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {none}
        </Text>
      ) : (
        <DataTable aria-label={title} columns={['Number', 'Title', 'State']}>
          {rows.map((r) => (
            <Table.Tr key={r.number}>
              <Table.Td>
                <Anchor component={Link} to={recordPath(type, r.number)}>
                  {r.number}
                </Anchor>
              </Table.Td>
              <Table.Td>{r.title}</Table.Td>
              <Table.Td>{r.state.replace(/_/g, ' ')}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
    </ReviewPart>
  );
}

function ReviewBody({ review }: { review: ServiceReview }) {
  const a = review.availability;
  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <Title order={2} size="h4">
          Availability
        </Title>
        <Text size="xl" fw={700} c={a.met === false ? 'red.8' : undefined}>
          {a.percent.toFixed(3)} %
        </Text>
        <Text size="sm">
          {a.target === null
            ? 'No availability target is agreed for this service.'
            : `Target ${a.target} % — ${a.met ? 'met' : 'not met'}.`}{' '}
          Outage {Math.round(a.outageSeconds / 60)} minutes from {a.outages.length} major incident
          {a.outages.length === 1 ? '' : 's'}.
        </Text>
      </Paper>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        {review.sections.map((s) => (
          <ReviewPart key={s.key} title={s.title}>
            <DataTable aria-label={s.title} columns={['Measure', 'This period', 'Previous', 'Target']}>
              {s.figures.map((f) => (
                <Table.Tr key={`${f.key}-${f.label}`}>
                  <Table.Td>{f.label}</Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      {f.formatted}
                      {f.rag && (
                        <Badge size="xs" color={RAG_COLORS[f.rag]} variant="light">
                          {RAG_LABELS[f.rag]}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{f.previousFormatted}</Table.Td>
                  <Table.Td>{f.target}</Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          </ReviewPart>
        ))}
      </SimpleGrid>
      <Title order={2} size="h4">
        Agreements
      </Title>
      <AgreementTable rows={review.agreements} />
      <Title order={2} size="h4">
        Breaches
      </Title>
      <Breaches breaches={review.breaches} />
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <ReviewRecords
          title="Problems"
          type="problem"
          none="No problem was open on this service in the period."
          rows={review.problems}
        />
        <ReviewRecords
          title="Improvement actions"
          type="improvement"
          none="No improvement proposal was open on this service in the period."
          rows={review.improvements}
        />
      </SimpleGrid>
    </Stack>
  );
}

const REVIEW_SPEC = { period: 'one', serviceId: 'one' } as const;

export function ServiceReviewPage() {
  const { state, query } = useReportFilters(REVIEW_SPEC);
  const { serviceId = '', ...period } = query;
  const r = useServiceReview(serviceId, period);
  return (
    <Stack gap="md">
      <PageHeader
        title={r.data ? `Service review: ${r.data.service.name}` : 'Service review'}
        description="One service over a period: availability against target, incidents, requests, service level performance, problems, changes, customer satisfaction and improvement actions; as a PDF to hand to the customer."
        actions={
          serviceId ? (
            <Downloads
              path={`/reports/services/${serviceId}/review`}
              query={period}
              formats={['pdf', 'csv', 'xlsx']}
            />
          ) : undefined
        }
      />
      <FilterBar state={state}>
        <ServiceFilter state={state} placeholder="Choose a service" />
        <PeriodFilter state={state} />
      </FilterBar>
      {!serviceId ? (
        <EmptyState title="Choose a service">The review covers one service over the period.</EmptyState>
      ) : (
        <Loaded query={r} label="Preparing the review">
          {(data) => <ReviewBody review={data} />}
        </Loaded>
      )}
    </Stack>
  );
}
