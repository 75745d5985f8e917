/**
 * One service: its details and dependencies, its service level requirements, and the SLAs, OLAs
 * and underpinning contracts that measure the records raised against it.
 */
import {
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Grid,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconAlertCircle, IconEdit, IconPlus } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import { type Agreement, type ServiceLink, useService } from '../../api/queries/serviceLevels.ts';
import { ErrorState, PageLoader, RecordNotFound } from '../../components/States.tsx';
import { Time } from '../../lib/time.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { AgreementTable } from '../sla/AgreementTable.tsx';
import {
  CRITICALITY_COLORS,
  CRITICALITY_LABELS,
  LIFECYCLE_COLORS,
  LIFECYCLE_LABELS,
  SERVICE_KIND_LABELS,
} from '../sla/labels.ts';
import { RequirementModal, RequirementsTable } from '../sla/Requirements.tsx';
import { RaiseIncidentModal } from './RaiseIncidentModal.tsx';
import { ServiceFormModal } from './ServiceForm.tsx';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

function ServiceLinks({ items, empty }: { items: ServiceLink[]; empty: string }) {
  if (items.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  return (
    <Stack gap={4}>
      {items.map((s) => (
        <Group key={s.id} gap={6}>
          <Anchor component={Link} to={`/services/${s.id}`} size="sm">
            {s.name}
          </Anchor>
          <Badge size="xs" variant="light" color={LIFECYCLE_COLORS[s.lifecycleStatus]}>
            {LIFECYCLE_LABELS[s.lifecycleStatus]}
          </Badge>
        </Group>
      ))}
    </Stack>
  );
}

function AgreementSection({
  id,
  title,
  items,
  empty,
  action,
}: {
  id: string;
  title: string;
  items: Agreement[];
  empty: string;
  action?: ReactNode;
}) {
  return (
    <Paper p="md" component="section" aria-labelledby={id}>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id={id}>
          {title} ({items.length})
        </Title>
        {action}
      </Group>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <AgreementTable items={items} label={title} />
      )}
    </Paper>
  );
}

export function ServicePage() {
  const { id = '' } = useParams();
  const service = useService(id);
  const s = service.data;
  const [editing, setEditing] = useState(false);
  const [raising, setRaising] = useState(false);
  const [addingReq, setAddingReq] = useState(false);
  useDocumentTitle(s?.name ?? 'Service');
  if (service.isPending) return <PageLoader label="Loading service" />;
  if (service.isError) {
    if (service.error instanceof ApiError && service.error.isNotFound)
      return <RecordNotFound number="this service" backTo="/services" backLabel="Back to services" />;
    return <ErrorState error={service.error} onRetry={() => service.refetch()} />;
  }
  if (!s) return null;
  const canEdit = s.allowedActions.includes('update');
  const canManage = s.allowedActions.includes('manage_service_levels');
  const levels = s.serviceLevels;
  const newAgreement = (kind: 'sla' | 'uc') =>
    canManage && (
      <Button
        size="xs"
        variant="light"
        leftSection={<IconPlus size={14} />}
        component={Link}
        to={`/service-levels/agreements/new?kind=${kind}&serviceId=${s.id}`}
      >
        {kind === 'sla' ? 'New SLA' : 'New underpinning contract'}
      </Button>
    );

  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Breadcrumbs>
          <Anchor component={Link} to="/services" size="sm">
            Services
          </Anchor>
          <Text size="sm">{s.name}</Text>
        </Breadcrumbs>
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Stack gap={6}>
            <Title order={1} size="h2">
              {s.name}
            </Title>
            <Group gap="xs">
              <Badge variant="outline" color="dark">
                {SERVICE_KIND_LABELS[s.kind]}
              </Badge>
              <Badge color={LIFECYCLE_COLORS[s.lifecycleStatus]} variant="light">
                {LIFECYCLE_LABELS[s.lifecycleStatus]}
              </Badge>
              {s.criticality && (
                <Badge color={CRITICALITY_COLORS[s.criticality]} variant="filled" autoContrast>
                  {CRITICALITY_LABELS[s.criticality]} criticality
                </Badge>
              )}
            </Group>
          </Stack>
          <Group gap="sm">
            {s.lifecycleStatus === 'live' && (
              <Button
                variant="light"
                leftSection={<IconAlertCircle size={16} />}
                onClick={() => setRaising(true)}
              >
                Raise incident
              </Button>
            )}
            {canEdit && (
              <Button leftSection={<IconEdit size={16} />} onClick={() => setEditing(true)}>
                Edit service
              </Button>
            )}
          </Group>
        </Group>
      </Stack>
      <Grid gap="lg" align="flex-start">
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            <Paper p="md" component="section" aria-labelledby="service-details">
              <Title order={2} size="h4" id="service-details" mb="sm">
                Details
              </Title>
              <Stack gap="sm">
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={s.description ? undefined : 'dimmed'}>
                  {s.description || 'No description.'}
                </Text>
                <SimpleGrid cols={2} spacing="sm">
                  <Field label="Owner">{s.owner?.name ?? '—'}</Field>
                  <Field label="Support group">{s.supportGroup?.name ?? '—'}</Field>
                  <Field label="Category">{s.category ?? '—'}</Field>
                  <Field label="Lifecycle since">
                    <Time iso={s.lifecycleChangedAt} mode="absolute" size="sm" />
                  </Field>
                </SimpleGrid>
                <Field label="Customers">{s.customers.map((c) => c.name).join(', ') || '—'}</Field>
              </Stack>
            </Paper>
            <Paper p="md" component="section" aria-labelledby="service-deps">
              <Title order={2} size="h4" id="service-deps" mb="sm">
                Dependencies
              </Title>
              {s.kind === 'business' ? (
                <Field label="Supported by">
                  <ServiceLinks items={s.dependsOn} empty="No technical services recorded." />
                </Field>
              ) : (
                <Field label="Supports">
                  <ServiceLinks items={s.supports} empty="No business service depends on it." />
                </Field>
              )}
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            <Paper p="md" component="section" aria-labelledby="service-slrs">
              <Group justify="space-between" mb="xs">
                <Title order={2} size="h4" id="service-slrs">
                  Service level requirements ({levels.requirements.length})
                </Title>
                {canManage && (
                  <Button
                    size="xs"
                    variant="light"
                    leftSection={<IconPlus size={14} />}
                    onClick={() => setAddingReq(true)}
                  >
                    New requirement
                  </Button>
                )}
              </Group>
              <RequirementsTable service={s} canManage={canManage} />
            </Paper>
            <AgreementSection
              id="service-slas"
              title="Service level agreements"
              items={levels.slas}
              empty="No SLA names this service. Generic SLAs (for every service) may still apply."
              action={newAgreement('sla')}
            />
            <AgreementSection
              id="service-olas"
              title="Operational level agreements"
              items={levels.olas}
              empty={
                s.supportGroup
                  ? `No OLA binds ${s.supportGroup.name}.`
                  : 'Give the service a support group to see its OLAs.'
              }
            />
            <AgreementSection
              id="service-ucs"
              title="Underpinning contracts"
              items={levels.ucs}
              empty="No supplier contract underpins this service."
              action={newAgreement('uc')}
            />
          </Stack>
        </Grid.Col>
      </Grid>
      {editing && <ServiceFormModal service={s} onClose={() => setEditing(false)} />}
      {raising && <RaiseIncidentModal service={s} onClose={() => setRaising(false)} />}
      {addingReq && <RequirementModal service={s} onClose={() => setAddingReq(false)} />}
    </Stack>
  );
}
