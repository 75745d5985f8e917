/**
 * One service: its details and dependencies, its service level requirements, and the SLAs, OLAs
 * and underpinning contracts that measure the records raised against it.
 */
import { Anchor, Badge, Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconEdit, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import {
  type Agreement,
  type ServiceDetail,
  type ServiceLink,
  useService,
} from '../../api/queries/serviceLevels.ts';
import { DetailPage } from '../../kit/detail/DetailPage.tsx';
import { DetailColumns, Fact, Section } from '../../kit/detail/Section.tsx';
import { Time } from '../../lib/time.tsx';
import { AgreementTable } from '../sla/AgreementTable.tsx';
import { SERVICE_KIND_LABELS } from '../sla/labels.ts';
import { RequirementModal, RequirementsTable } from '../sla/Requirements.tsx';
import { RaiseIncidentModal } from './RaiseIncidentModal.tsx';
import { CriticalityBadge, LifecycleBadge } from './ServiceBadges.tsx';
import { EditServiceModal } from './ServiceForm.tsx';

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
          <LifecycleBadge status={s.lifecycleStatus} size="xs" />
        </Group>
      ))}
    </Stack>
  );
}

/**
 * What each kind of agreement section of a service's page says, where its button leads, and the
 * columns it leaves out because the section already says them (see AgreementTable): the service
 * of an SLA or UC here is this one; an OLA here names this service or none (it then binds the
 * support group), so its service column stays.
 */
const AGREEMENT_SECTIONS = {
  sla: {
    title: 'Service level agreements',
    empty: () => 'No SLA names this service. Generic SLAs (for every service) may still apply.',
    create: 'New SLA',
    omit: ['service', 'effective'],
  },
  ola: {
    title: 'Operational level agreements',
    empty: (s: ServiceDetail) =>
      s.supportGroup
        ? `No OLA binds ${s.supportGroup.name}.`
        : 'Give the service a support group to see its OLAs.',
    create: null,
    omit: ['effective'],
  },
  uc: {
    title: 'Underpinning contracts',
    empty: () => 'No supplier contract underpins this service.',
    create: 'New underpinning contract',
    omit: ['service', 'effective'],
  },
} as const;

function AgreementSection({
  kind,
  s,
  canManage,
}: {
  kind: Agreement['kind'];
  s: ServiceDetail;
  canManage: boolean;
}) {
  const { title, empty, create, omit } = AGREEMENT_SECTIONS[kind];
  const items = s.serviceLevels[`${kind}s`];
  return (
    <Section
      title={`${title} (${items.length})`}
      actions={
        canManage &&
        create && (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} />}
            component={Link}
            to={`/service-levels/agreements/new?kind=${kind}&serviceId=${s.id}`}
          >
            {create}
          </Button>
        )
      }
    >
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty(s)}
        </Text>
      ) : (
        <AgreementTable items={items} label={title} omit={omit} />
      )}
    </Section>
  );
}

function ServiceDetails({ s }: { s: ServiceDetail }) {
  return (
    <>
      <Section title="Details">
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={s.description ? undefined : 'dimmed'}>
          {s.description || 'No description.'}
        </Text>
        <SimpleGrid cols={2} spacing="sm">
          <Fact label="Owner">{s.owner?.name ?? '—'}</Fact>
          <Fact label="Support group">{s.supportGroup?.name ?? '—'}</Fact>
          <Fact label="Category">{s.category ?? '—'}</Fact>
          <Fact label="Lifecycle since">
            <Time iso={s.lifecycleChangedAt} mode="absolute" size="sm" />
          </Fact>
        </SimpleGrid>
        <Fact label="Customers">{s.customers.map((c) => c.name).join(', ') || '—'}</Fact>
      </Section>
      <Section title="Dependencies">
        {s.kind === 'business' ? (
          <Fact label="Supported by">
            <ServiceLinks items={s.dependsOn} empty="No technical services recorded." />
          </Fact>
        ) : (
          <Fact label="Supports">
            <ServiceLinks items={s.supports} empty="No business service depends on it." />
          </Fact>
        )}
      </Section>
    </>
  );
}

function ServiceLevels({ s, onAddRequirement }: { s: ServiceDetail; onAddRequirement: () => void }) {
  const canManage = s.allowedActions.includes('manage_service_levels');
  const levels = s.serviceLevels;
  return (
    <Stack gap="md">
      <Section
        title={`Service level requirements (${levels.requirements.length})`}
        actions={
          canManage && (
            <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={onAddRequirement}>
              New requirement
            </Button>
          )
        }
      >
        <RequirementsTable service={s} canManage={canManage} />
      </Section>
      {(['sla', 'ola', 'uc'] as const).map((kind) => (
        <AgreementSection key={kind} kind={kind} s={s} canManage={canManage} />
      ))}
    </Stack>
  );
}

export function ServicePage() {
  const { id = '' } = useParams();
  const [editing, setEditing] = useState(false);
  const [raising, setRaising] = useState(false);
  const [addingReq, setAddingReq] = useState(false);
  return (
    <DetailPage
      query={useService(id)}
      what="service"
      back={{ to: '/services', label: 'Services' }}
      header={(s) => ({
        title: s.name,
        badges: (
          <>
            <Badge variant="outline" color="dark">
              {SERVICE_KIND_LABELS[s.kind]}
            </Badge>
            <LifecycleBadge status={s.lifecycleStatus} />
            {s.criticality && <CriticalityBadge criticality={s.criticality} suffix=" criticality" />}
          </>
        ),
        actions: (
          <>
            {s.lifecycleStatus === 'live' && (
              <Button
                variant="light"
                leftSection={<IconAlertCircle size={16} />}
                onClick={() => setRaising(true)}
              >
                Raise incident
              </Button>
            )}
            {s.allowedActions.includes('update') && (
              <Button leftSection={<IconEdit size={16} />} onClick={() => setEditing(true)}>
                Edit service
              </Button>
            )}
          </>
        ),
      })}
    >
      {(s) => (
        <>
          <DetailColumns
            main={<ServiceLevels s={s} onAddRequirement={() => setAddingReq(true)} />}
            side={<ServiceDetails s={s} />}
          />
          {editing && <EditServiceModal service={s} onClose={() => setEditing(false)} />}
          {raising && <RaiseIncidentModal service={s} onClose={() => setRaising(false)} />}
          {addingReq && <RequirementModal service={s} onClose={() => setAddingReq(false)} />}
        </>
      )}
    </DetailPage>
  );
}
