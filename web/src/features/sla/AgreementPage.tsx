/**
 * One agreement version: its parties, calendar, targets, thresholds, selection rules and validity,
 * who agreed it, its other versions; and the actions its status allows (edit and agree a draft,
 * draft the next version, end it).
 */
import { Anchor, Badge, Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCopy, IconEdit, IconPlayerStop } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import {
  type Agreement,
  useAgreement,
  useAgreementAction,
  useAgreementList,
} from '../../api/queries/serviceLevels.ts';
import { ErrorAlert } from '../../components/States.tsx';
import { DetailPage } from '../../kit/detail/DetailPage.tsx';
import { DetailColumns, Fact, Section } from '../../kit/detail/Section.tsx';
import { DateTimeInput } from '../../kit/form/DateTimeInput.tsx';
import { FormDialog } from '../../kit/form/FormDialog.tsx';
import { loadedItems } from '../../kit/list/loadedItems.ts';
import { fromLocalInput, toLocalInput } from '../../lib/localDateTime.ts';
import { Time } from '../../lib/time.tsx';
import { AgreementStatus } from './AgreementTable.tsx';
import { KIND_LABELS, KIND_PARTY, RECORD_TYPE_LABELS } from './labels.ts';
import { useCanManageServiceLevels } from './permissions.ts';
import { TargetsTable } from './TargetsEditor.tsx';

/** A dialog asking for one instant (new version from, end at) before an action. */
function InstantDialog({
  title,
  label,
  confirm,
  explain,
  onClose,
  onConfirm,
  pending,
  error,
}: {
  title: string;
  label: string;
  confirm: string;
  explain: string;
  onClose: () => void;
  onConfirm: (iso: string) => void;
  pending: boolean;
  error: unknown;
}) {
  const [value, setValue] = useState(toLocalInput(new Date()));
  return (
    <FormDialog
      title={title}
      onClose={onClose}
      onSubmit={() => {
        const at = fromLocalInput(value);
        if (at) onConfirm(at);
      }}
      submitLabel={confirm}
      pending={pending}
    >
      <Text size="sm">{explain}</Text>
      <ErrorAlert error={error} title="Not done" />
      <DateTimeInput label={label} required value={value} onChange={setValue} />
    </FormDialog>
  );
}

function Actions({ a }: { a: Agreement }) {
  const act = useAgreementAction(a);
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<'version' | 'end' | null>(null);
  const fail = (e: unknown) => {
    if (e instanceof ApiError && e.isStale)
      notifications.show({
        color: 'orange',
        message: 'Someone else changed this agreement; it was reloaded.',
      });
    else if (!dialog) notifications.show({ color: 'red', title: 'Not done', message: (e as Error).message });
  };
  const ended = a.effectiveTo !== null && new Date(a.effectiveTo).getTime() <= Date.now();
  /** What both dialogs share: the action's state, and closing. */
  const dialogProps = { pending: act.isPending, error: act.error, onClose: () => setDialog(null) };
  return (
    <Group gap="sm">
      {a.status === 'draft' && (
        <>
          <Button
            variant="default"
            leftSection={<IconEdit size={16} />}
            component={Link}
            to={`/service-levels/agreements/${a.id}/edit`}
          >
            Edit draft
          </Button>
          <Button
            leftSection={<IconCheck size={16} />}
            loading={act.isPending}
            onClick={() =>
              act.mutate(
                { type: 'agree' },
                {
                  onSuccess: (r) =>
                    notifications.show({ color: 'teal', message: `${r.name} v${r.versionNumber} agreed` }),
                  onError: fail,
                },
              )
            }
          >
            Agree
          </Button>
        </>
      )}
      {a.status === 'agreed' && (
        <Button variant="default" leftSection={<IconCopy size={16} />} onClick={() => setDialog('version')}>
          Draft new version
        </Button>
      )}
      {a.status === 'agreed' && !ended && (
        <Button
          variant="light"
          color="red.8"
          leftSection={<IconPlayerStop size={16} />}
          onClick={() => setDialog('end')}
        >
          End agreement
        </Button>
      )}
      {dialog === 'version' && (
        <InstantDialog
          title={`Next version of ${a.name}`}
          label="New version effective from"
          confirm="Draft version"
          explain="The draft copies the latest version. When you agree it, the earlier version ends where this one starts."
          {...dialogProps}
          onConfirm={(iso) =>
            act.mutate(
              { type: 'version', effectiveFrom: iso },
              { onSuccess: (r) => navigate(`/service-levels/agreements/${r.id}`), onError: fail },
            )
          }
        />
      )}
      {dialog === 'end' && (
        <InstantDialog
          title={`End ${a.name}`}
          label="Ends at"
          confirm="End agreement"
          explain="Records created from then on are not measured by it; clocks already running keep their agreement."
          {...dialogProps}
          onConfirm={(iso) =>
            act.mutate(
              { type: 'end', effectiveTo: iso },
              {
                onSuccess: () => {
                  notifications.show({ color: 'teal', message: `${a.name} ends as set` });
                  setDialog(null);
                },
                onError: fail,
              },
            )
          }
        />
      )}
    </Group>
  );
}

function Versions({ a }: { a: Agreement }) {
  const list = useAgreementList({ kind: a.kind, q: a.name });
  const versions = loadedItems(list.data)
    .filter((v) => v.lineageId === a.lineageId)
    .sort((x, y) => y.versionNumber - x.versionNumber);
  return (
    <Section title="Versions">
      {versions.length === 0 ? (
        <Text size="sm" c="dimmed">
          {list.isPending ? 'Loading…' : 'Only this version.'}
        </Text>
      ) : (
        <Stack gap={6}>
          {versions.map((v) => (
            <Group key={v.id} justify="space-between" wrap="nowrap">
              {v.id === a.id ? (
                <Text size="sm" fw={700}>
                  v{v.versionNumber} (this one)
                </Text>
              ) : (
                <Anchor component={Link} to={`/service-levels/agreements/${v.id}`} size="sm">
                  v{v.versionNumber}
                </Anchor>
              )}
              <Text size="xs" c="dimmed">
                from <Time iso={v.effectiveFrom} mode="absolute" size="xs" />
                {v.effectiveTo && (
                  <>
                    {' '}
                    to <Time iso={v.effectiveTo} mode="absolute" size="xs" />
                  </>
                )}
              </Text>
              <AgreementStatus a={v} />
            </Group>
          ))}
        </Stack>
      )}
    </Section>
  );
}

function AgreementTerms({ a }: { a: Agreement }) {
  return (
    <Stack gap="md">
      <Section title="Targets">
        <TargetsTable targets={a.targets} calendarId={a.calendar.id} />
        <Text size="sm">
          Counted in{' '}
          <Anchor component={Link} to={`/service-levels/calendars/${a.calendar.id}`} size="sm">
            {a.calendar.name}
          </Anchor>
          . Warnings at {a.warningThresholds.map((p) => `${p} %`).join(', ') || 'none'}; breach at 100 %.
        </Text>
        {a.kind === 'ola' && (
          <Text size="sm">
            On reassignment to the group the clock{' '}
            {a.onReassign === 'restart' ? 'restarts' : 'continues from the first OLA start'}.
          </Text>
        )}
      </Section>
      {(a.description || a.obligations) && (
        <Section title="Description and obligations">
          {a.description && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {a.description}
            </Text>
          )}
          {a.obligations && (
            <Fact label="Obligations">
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {a.obligations}
              </Text>
            </Fact>
          )}
        </Section>
      )}
    </Stack>
  );
}

function AgreementScope({ a }: { a: Agreement }) {
  const party = a.customer ?? a.group ?? a.supplier;
  return (
    <Section title="Scope and validity">
      <SimpleGrid cols={2} spacing="sm">
        <Fact label="Service">
          {a.service ? (
            <Anchor component={Link} to={`/services/${a.service.id}`} size="sm">
              {a.service.name}
            </Anchor>
          ) : (
            'Every service'
          )}
        </Fact>
        <Fact label={KIND_PARTY[a.kind]}>{party?.name ?? (a.kind === 'sla' ? 'Every customer' : '—')}</Fact>
        <Fact label="Record types">
          {a.recordTypes?.map((t) => RECORD_TYPE_LABELS[t] ?? t).join(', ') ?? 'Every type'}
        </Fact>
        <Fact label="Priorities">{a.priorities?.map((p) => `P${p}`).join(', ') ?? 'Every priority'}</Fact>
        <Fact label="Effective from">
          <Time iso={a.effectiveFrom} mode="absolute" size="sm" />
        </Fact>
        <Fact label="Effective until">
          <Time iso={a.effectiveTo} mode="absolute" size="sm" fallback="Open-ended" />
        </Fact>
        <Fact label="Availability">{a.availabilityTarget !== null ? `${a.availabilityTarget} %` : '—'}</Fact>
        <Fact label="Agreed by">
          {a.agreedBy ? (
            <>
              {a.agreedBy.name}, <Time iso={a.agreedAt} mode="absolute" size="sm" />
            </>
          ) : (
            'Not agreed yet'
          )}
        </Fact>
      </SimpleGrid>
    </Section>
  );
}

export function AgreementPage() {
  const { id = '' } = useParams();
  const canManage = useCanManageServiceLevels();
  return (
    <DetailPage
      query={useAgreement(id)}
      what="agreement"
      back={{ to: '/service-levels/agreements', label: 'Agreements' }}
      header={(a) => ({
        title: `${a.name} v${a.versionNumber}`,
        badges: (
          <>
            <Badge variant="outline" color="dark">
              {KIND_LABELS[a.kind]}
            </Badge>
            <AgreementStatus a={a} />
          </>
        ),
        actions: canManage && <Actions a={a} />,
      })}
    >
      {(a) => (
        <DetailColumns
          main={<AgreementTerms a={a} />}
          side={
            <>
              <AgreementScope a={a} />
              <Versions a={a} />
            </>
          }
          sideSpan={5}
        />
      )}
    </DetailPage>
  );
}
