/**
 * One agreement version: its parties, calendar, targets, thresholds, selection rules and validity,
 * who agreed it, its other versions; and the actions its status allows (edit and agree a draft,
 * draft the next version, end it).
 */
import {
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Grid,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCopy, IconEdit, IconPlayerStop } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import {
  type Agreement,
  useAgreement,
  useAgreementAction,
  useAgreementList,
} from '../../api/queries/serviceLevels.ts';
import { ErrorAlert, ErrorState, PageLoader, RecordNotFound } from '../../components/States.tsx';
import { Time } from '../../lib/time.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { AgreementStatus } from './AgreementTable.tsx';
import { fromLocalInput, localInputValue } from './formValues.ts';
import { KIND_LABELS, KIND_PARTY, RECORD_TYPE_LABELS } from './labels.ts';
import { useCanManageServiceLevels } from './permissions.ts';
import { TargetsTable } from './TargetsEditor.tsx';

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
  const [value, setValue] = useState(localInputValue(new Date()));
  return (
    <Modal closeButtonProps={{ 'aria-label': 'Close' }} opened onClose={onClose} title={title}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (value) onConfirm(fromLocalInput(value));
        }}
      >
        <Stack>
          <Text size="sm">{explain}</Text>
          <ErrorAlert error={error} title="Not done" />
          <TextInput
            label={label}
            type="datetime-local"
            required
            value={value}
            onChange={(e) => setValue(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={pending}>
              {confirm}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
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
          pending={act.isPending}
          error={act.error}
          onClose={() => setDialog(null)}
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
          pending={act.isPending}
          error={act.error}
          onClose={() => setDialog(null)}
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
  const versions = (list.data?.pages.flatMap((p) => p.items) ?? [])
    .filter((v) => v.lineageId === a.lineageId)
    .sort((x, y) => y.versionNumber - x.versionNumber);
  return (
    <Paper p="md" component="section" aria-labelledby="agreement-versions">
      <Title order={2} size="h4" id="agreement-versions" mb="sm">
        Versions
      </Title>
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
    </Paper>
  );
}

export function AgreementPage() {
  const { id = '' } = useParams();
  const agreement = useAgreement(id);
  const canManage = useCanManageServiceLevels();
  const a = agreement.data;
  useDocumentTitle(a ? `${a.name} v${a.versionNumber}` : 'Agreement');
  if (agreement.isPending) return <PageLoader label="Loading agreement" />;
  if (agreement.isError) {
    if (agreement.error instanceof ApiError && agreement.error.isNotFound)
      return (
        <RecordNotFound
          number="this agreement"
          backTo="/service-levels/agreements"
          backLabel="Back to agreements"
        />
      );
    return <ErrorState error={agreement.error} onRetry={() => agreement.refetch()} />;
  }
  if (!a) return null;
  const party = a.customer ?? a.group ?? a.supplier;
  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Breadcrumbs>
          <Anchor component={Link} to="/service-levels/agreements" size="sm">
            Agreements
          </Anchor>
          <Text size="sm">
            {a.name} v{a.versionNumber}
          </Text>
        </Breadcrumbs>
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Stack gap={6}>
            <Title order={1} size="h2">
              {a.name}{' '}
              <Text span inherit c="dimmed" fw={500}>
                v{a.versionNumber}
              </Text>
            </Title>
            <Group gap="xs">
              <Badge variant="outline" color="dark">
                {KIND_LABELS[a.kind]}
              </Badge>
              <AgreementStatus a={a} />
            </Group>
          </Stack>
          {canManage && <Actions a={a} />}
        </Group>
      </Stack>
      <Grid gap="lg" align="flex-start">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <Paper p="md" component="section" aria-labelledby="agreement-terms">
              <Title order={2} size="h4" id="agreement-terms" mb="sm">
                Targets
              </Title>
              <TargetsTable targets={a.targets} calendarId={a.calendar.id} />
              <Text size="sm">
                Counted in{' '}
                <Anchor component={Link} to={`/service-levels/calendars/${a.calendar.id}`} size="sm">
                  {a.calendar.name}
                </Anchor>
                . Warnings at {a.warningThresholds.map((p) => `${p} %`).join(', ') || 'none'}; breach at 100
                %.
              </Text>
              {a.kind === 'ola' && (
                <Text size="sm" mt={4}>
                  On reassignment to the group the clock{' '}
                  {a.onReassign === 'restart' ? 'restarts' : 'continues from the first OLA start'}.
                </Text>
              )}
            </Paper>
            {(a.description || a.obligations) && (
              <Paper p="md" component="section" aria-labelledby="agreement-text">
                <Title order={2} size="h4" id="agreement-text" mb="sm">
                  Description and obligations
                </Title>
                {a.description && (
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} mb="sm">
                    {a.description}
                  </Text>
                )}
                {a.obligations && (
                  <Field label="Obligations">
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {a.obligations}
                    </Text>
                  </Field>
                )}
              </Paper>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            <Paper p="md" component="section" aria-labelledby="agreement-scope">
              <Title order={2} size="h4" id="agreement-scope" mb="sm">
                Scope and validity
              </Title>
              <SimpleGrid cols={2} spacing="sm">
                <Field label="Service">
                  {a.service ? (
                    <Anchor component={Link} to={`/services/${a.service.id}`} size="sm">
                      {a.service.name}
                    </Anchor>
                  ) : (
                    'Every service'
                  )}
                </Field>
                <Field label={KIND_PARTY[a.kind]}>
                  {party?.name ?? (a.kind === 'sla' ? 'Every customer' : '—')}
                </Field>
                <Field label="Record types">
                  {a.recordTypes?.map((t) => RECORD_TYPE_LABELS[t] ?? t).join(', ') ?? 'Every type'}
                </Field>
                <Field label="Priorities">
                  {a.priorities?.map((p) => `P${p}`).join(', ') ?? 'Every priority'}
                </Field>
                <Field label="Effective from">
                  <Time iso={a.effectiveFrom} mode="absolute" size="sm" />
                </Field>
                <Field label="Effective until">
                  <Time iso={a.effectiveTo} mode="absolute" size="sm" fallback="Open-ended" />
                </Field>
                <Field label="Availability">
                  {a.availabilityTarget !== null ? `${a.availabilityTarget} %` : '—'}
                </Field>
                <Field label="Agreed by">
                  {a.agreedBy ? (
                    <>
                      {a.agreedBy.name}, <Time iso={a.agreedAt} mode="absolute" size="sm" />
                    </>
                  ) : (
                    'Not agreed yet'
                  )}
                </Field>
              </SimpleGrid>
            </Paper>
            <Versions a={a} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
