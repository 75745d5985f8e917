/**
 * The top of every record page, leading with what an agent acts on: number and title, state,
 * priority, who has it, the nearest SLA due time, and "Assign to me" one click away; the lifecycle
 * buttons on the right. Requesters see the number, title and state.
 */
import { Box, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useRecordSla } from '../../api/queries/serviceLevels.ts';
import { PriorityBadge, StateBadge } from '../../components/Badges.tsx';
import { SlaDue } from '../../features/sla/SlaDue.tsx';
import { Time } from '../../lib/time.tsx';
import { BackCrumbs } from '../nav/BackCrumbs.tsx';
import { type AssignAction, AssignToMeButton } from './AssignToMe.tsx';
import type { RecordView } from './types.ts';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Box fz="sm">{children}</Box>
    </Stack>
  );
}

/** The earliest due instant of the record's running clocks: time left, and the instant. */
function SlaFact({ rec }: { rec: RecordView }) {
  const sla = useRecordSla(rec.id);
  const dueAt = sla.data?.slaDueAt ?? null;
  return (
    <Fact label="SLA due">
      {sla.isPending ? (
        <Text size="sm" c="dimmed">
          …
        </Text>
      ) : sla.isError ? (
        <Text size="sm" c="dimmed">
          Not available
        </Text>
      ) : !dueAt && sla.data.clocks.length === 0 ? (
        <Text size="sm" c="dimmed">
          No SLA
        </Text>
      ) : (
        <Group gap={6} wrap="nowrap">
          <SlaDue recordId={rec.id} dueAt={dueAt} stateCategory={rec.stateCategory} />
          {dueAt && <Time iso={dueAt} mode="absolute" size="xs" c="dimmed" />}
        </Group>
      )}
    </Fact>
  );
}

export type RecordHeaderProps = {
  rec: RecordView;
  /** The breadcrumb back to the list. */
  back: { label: string; to: string };
  /** Staff see priority, people and SLA; requesters see the state. */
  audience: 'staff' | 'requester';
  /** One line under the title: who opened it, when, for what. */
  subtitle?: ReactNode;
  /** Lifecycle buttons and other record actions, on the right. */
  actions?: ReactNode;
  assign?: AssignAction;
  /** Record types without a priority of their own (fulfilment tasks) leave it out. */
  showPriority?: boolean;
  showSla?: boolean;
};

export function RecordHeader({
  rec,
  back,
  audience,
  subtitle,
  actions,
  assign,
  showPriority = true,
  showSla = true,
}: RecordHeaderProps) {
  const staff = audience === 'staff';
  return (
    <Stack gap={6} component="section" aria-label={`${rec.number} summary`}>
      <BackCrumbs to={back.to} label={back.label} here={rec.number} />
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
        <Stack gap="xs" style={{ flex: 1, minWidth: 260 }}>
          <Title order={1} size="h2">
            <Text span inherit c="dimmed" fw={600}>
              {rec.number}
            </Text>{' '}
            {rec.title}
          </Title>
          <Group gap="lg" align="flex-end" wrap="wrap">
            <Fact label="State">
              <StateBadge label={rec.stateLabel} category={rec.stateCategory} />
            </Fact>
            {staff && showPriority && (
              <Fact label="Priority">
                <PriorityBadge priority={rec.priority} />
              </Fact>
            )}
            {staff && (
              <Fact label="Assigned to">
                <Group gap="xs" wrap="nowrap">
                  <Text size="sm">
                    {rec.group ? `${rec.group.name} · ` : ''}
                    {rec.assignee ? rec.assignee.name : 'Unassigned'}
                  </Text>
                  {assign && <AssignToMeButton rec={rec} assign={assign} />}
                </Group>
              </Fact>
            )}
            {staff && showSla && <SlaFact rec={rec} />}
          </Group>
          {subtitle && (
            <Text size="sm" c="dimmed">
              {subtitle}
            </Text>
          )}
        </Stack>
        {actions && (
          <Group gap="xs" align="flex-start">
            {actions}
          </Group>
        )}
      </Group>
    </Stack>
  );
}

/** "Opened by Rita Requester 3 hours ago". */
export function OpenedBy({ verb, rec }: { verb: string; rec: RecordView }) {
  return (
    <>
      {verb} {rec.requester ? `by ${rec.requester.name} ` : ''}
      <Time iso={rec.createdAt} size="sm" />
    </>
  );
}
