/**
 * How far a request has come: each approval level with its decisions, then the fulfilment tasks;
 * what was asked for; and the approval the signed-in approver is asked for.
 */
import {
  Alert,
  Anchor,
  Badge,
  Group,
  type MantineColor,
  Stack,
  Text,
  ThemeIcon,
  Timeline,
} from '@mantine/core';
import { IconCheck, IconClock, IconHourglass, IconTool, IconX } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import type { ApprovalLevelView, ServiceRequest } from '../../api/queries/requests.ts';
import { useMe } from '../../auth/session.tsx';
import { RecordPanel } from '../../kit/record/RecordPanel.tsx';
import { Time } from '../../lib/time.tsx';
import { ApprovalActions, levelToDecide } from '../approvals/ApprovalActions.tsx';

export function ruleText(rule: string, quorum: number | null, approvers: number): string {
  if (rule === 'any') return 'Any one approver decides';
  if (rule === 'quorum') return `${Math.min(quorum ?? 1, approvers)} of ${approvers} approvals needed`;
  return approvers === 1 ? 'Needs their approval' : `All ${approvers} must approve`;
}

const LEVEL_STATE: Record<string, { label: string; color: MantineColor }> = {
  waiting: { label: 'Waiting', color: 'gray' },
  active: { label: 'Waiting for a decision', color: 'blue' },
  approved: { label: 'Approved', color: 'teal' },
  rejected: { label: 'Rejected', color: 'red' },
  canceled: { label: 'Canceled', color: 'gray' },
};

const TASK_COLORS: Record<string, MantineColor> = {
  planned: 'gray',
  open: 'blue',
  in_progress: 'indigo',
  done: 'teal',
  canceled: 'gray',
};

function levelIcon(state: string) {
  if (state === 'approved') return <IconCheck size={14} />;
  if (state === 'rejected') return <IconX size={14} />;
  if (state === 'active') return <IconHourglass size={14} />;
  return <IconClock size={14} />;
}

function Level({ level }: { level: ApprovalLevelView }) {
  const s = LEVEL_STATE[level.state] ?? { label: level.state, color: 'gray' };
  const voted = new Set(level.votes.map((v) => v.approver.id));
  const waitingFor = level.approvers.filter((a) => !voted.has(a.id));
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Text fw={600} size="sm">
          Approval {level.level}: {level.name}
        </Text>
        <Badge color={s.color} variant="light">
          {s.label}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed">
        {ruleText(level.rule, level.quorum, level.approvers.length)}
      </Text>
      {level.votes.map((v) => (
        <Text size="sm" key={`${v.approver.id}-${v.at}`}>
          <Text span fw={500}>
            {v.approver.name}
          </Text>{' '}
          {v.decision === 'approve' ? 'approved' : 'rejected'} <Time iso={v.at} size="sm" />
          {v.reason ? `: “${v.reason}”` : ''}
        </Text>
      ))}
      {level.state === 'active' && waitingFor.length > 0 && (
        <Text size="sm" c="dimmed">
          Waiting for {waitingFor.map((a) => a.name).join(', ')}
        </Text>
      )}
    </Stack>
  );
}

export function RequestProgress({
  rec,
  taskLink,
}: {
  rec: ServiceRequest;
  taskLink?: (n: string) => string;
}) {
  const levels = rec.approval.levels;
  const done = rec.tasks.filter((t) => t.state === 'done' || t.state === 'canceled').length;
  return (
    <RecordPanel id="progress-title" title="Progress" gap="sm">
      <Timeline bulletSize={24} lineWidth={2} active={-1}>
        {levels.length === 0 ? (
          <Timeline.Item
            bullet={
              <ThemeIcon size={24} radius="xl" color="teal" variant="light">
                <IconCheck size={14} />
              </ThemeIcon>
            }
          >
            <Text size="sm" fw={600}>
              No approval needed
            </Text>
          </Timeline.Item>
        ) : (
          levels.map((l) => (
            <Timeline.Item
              key={l.level}
              bullet={
                <ThemeIcon
                  size={24}
                  radius="xl"
                  color={LEVEL_STATE[l.state]?.color ?? 'gray'}
                  variant="light"
                >
                  {levelIcon(l.state)}
                </ThemeIcon>
              }
            >
              <Level level={l} />
            </Timeline.Item>
          ))
        )}
        <Timeline.Item
          bullet={
            <ThemeIcon
              size={24}
              radius="xl"
              color={done === rec.tasks.length && done > 0 ? 'teal' : 'blue'}
              variant="light"
            >
              <IconTool size={14} />
            </ThemeIcon>
          }
        >
          <Text size="sm" fw={600}>
            Fulfilment {rec.tasks.length > 0 ? `(${done} of ${rec.tasks.length} tasks finished)` : ''}
          </Text>
          {rec.tasks.length === 0 ? (
            <Text size="sm" c="dimmed">
              No tasks: the request is fulfilled once approved.
            </Text>
          ) : (
            <Stack gap={6} mt={4} component="ul" p={0} style={{ listStyle: 'none' }} aria-label="Tasks">
              {rec.tasks.map((t, i) => (
                <Group
                  key={t.id ?? `planned-${i}`}
                  component="li"
                  gap="xs"
                  wrap="nowrap"
                  justify="space-between"
                >
                  <Stack gap={0} style={{ minWidth: 0 }}>
                    <Text size="sm">
                      {t.number && taskLink ? (
                        <Anchor component={Link} to={taskLink(t.number)} size="sm" fw={500}>
                          {t.title}
                        </Anchor>
                      ) : (
                        t.title
                      )}
                    </Text>
                    <Text size="xs" c="dimmed">
                      Step {t.order}
                      {t.number ? ` · ${t.number}` : ''}
                      {t.group ? ` · ${t.group.name}` : ''}
                      {t.assignee ? ` · ${t.assignee.name}` : ''}
                    </Text>
                  </Stack>
                  <Badge color={TASK_COLORS[t.state] ?? 'blue'} variant="light" style={{ flexShrink: 0 }}>
                    {t.stateLabel}
                  </Badge>
                </Group>
              ))}
            </Stack>
          )}
        </Timeline.Item>
      </Timeline>
    </RecordPanel>
  );
}

/** The answers given when ordering, as label and value. */
export function AnswersPanel({ rec }: { rec: ServiceRequest }) {
  return (
    <RecordPanel id="answers-title" title={`${rec.catalogItem.name}: what was asked for`}>
      {rec.answers.length === 0 ? (
        <Text size="sm" c="dimmed">
          No details were needed.
        </Text>
      ) : (
        <Stack gap={6} component="dl" m={0}>
          {rec.answers.map((a) => (
            <div key={a.key}>
              <Text component="dt" size="xs" c="dimmed" fw={600}>
                {a.label}
              </Text>
              <Text component="dd" size="sm" m={0} className="pre-wrap">
                {a.display}
              </Text>
            </div>
          ))}
        </Stack>
      )}
    </RecordPanel>
  );
}

/** Asked of the signed-in approver right on the request. */
export function ApprovalBanner({ rec }: { rec: ServiceRequest }) {
  const me = useMe();
  const decide = levelToDecide(rec, me.id);
  if (!decide) return null;
  return (
    <Alert color="blue" title={`Your approval is requested: ${decide.name}`}>
      <Stack gap="xs">
        <Text size="sm">Check what was asked for, then decide.</Text>
        <ApprovalActions requestId={rec.id} number={rec.number} level={decide.level} />
      </Stack>
    </Alert>
  );
}
