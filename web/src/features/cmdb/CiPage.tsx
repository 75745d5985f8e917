/** One configuration item: its fields, relationships, impact analysis, linked records and history. */
import { Button, Group, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError, errorMessage } from '../../api/client.ts';
import { type Ci, cis, useCi, useCiClasses, useCiHistory, useCiRecords } from '../../api/queries/cmdb.ts';
import { PriorityBadge } from '../../components/Badges.tsx';
import { EmptyState, ErrorState, PageLoader, RecordNotFound } from '../../components/States.tsx';
import { ConfirmDialog } from '../../kit/detail/ConfirmDialog.tsx';
import { HistoryPanel } from '../../kit/detail/HistoryPanel.tsx';
import { RecordEditForm } from '../../kit/form/RecordEditForm.tsx';
import { LoadedTable } from '../../kit/list/LoadedTable.tsx';
import { RowLink } from '../../kit/list/RowLink.tsx';
import { BackCrumbs } from '../../kit/nav/BackCrumbs.tsx';
import { useUrlParam } from '../../kit/nav/useUrlParam.ts';
import { humanize } from '../../lib/labels.ts';
import { Time } from '../../lib/time.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { recordPath } from '../../records/registry.ts';
import { CiFields, ciBody, draftOfCi, validateCi } from './CiForm.tsx';
import { ImpactPanel } from './ImpactPanel.tsx';
import { RelationshipsPanel } from './RelationshipsPanel.tsx';
import { CiStatusBadge, isSubclass } from './shared.tsx';

const TABS = ['details', 'relationships', 'impact', 'records', 'history'] as const;
type Tab = (typeof TABS)[number];

function DetailsTab({ ci, onReload }: { ci: Ci; onReload: () => void }) {
  const classes = useCiClasses();
  const cls = classes.data?.find((c) => c.key === ci.classKey);
  return (
    <RecordEditForm
      record={ci}
      resource={cis}
      toDraft={draftOfCi}
      toBody={(d) => ciBody(d, cls, false)}
      merge={['attributes']}
      validate={validateCi}
      readOnly={!ci.allowedActions.includes('update')}
      what="This CI"
      saved={(fresh) => `${fresh.name} saved`}
      onReload={onReload}
      label="CI details"
    >
      {(form) => <CiFields form={form} classes={classes.data ?? []} creating={false} />}
    </RecordEditForm>
  );
}

function RecordsTab({ ci }: { ci: Ci }) {
  const records = useCiRecords(ci.id);
  return (
    <LoadedTable
      query={records}
      label="Loading records"
      empty={
        <EmptyState title="No records name this CI">
          Incidents raised on this CI will be listed here.
        </EmptyState>
      }
      minWidth={640}
      fz="sm"
      verticalSpacing="xs"
      aria-label="Linked records"
      columns={[
        { label: 'Number', w: 120 },
        'Title',
        { label: 'State', w: 120 },
        { label: 'Priority', w: 130 },
        { label: 'Opened', w: 150 },
      ]}
      cells={(r) => (
        <>
          <Table.Td>
            <RowLink to={recordPath(r.type, r.number)}>{r.number}</RowLink>
          </Table.Td>
          <Table.Td>{r.title}</Table.Td>
          <Table.Td>{humanize(r.state)}</Table.Td>
          <Table.Td>
            <PriorityBadge priority={r.priority} />
          </Table.Td>
          <Table.Td>
            <Time iso={r.createdAt} size="sm" />
          </Table.Td>
        </>
      )}
    />
  );
}

export function CiPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [tabParam, setTab] = useUrlParam('tab');
  const ci = useCi(id);
  const classes = useCiClasses();
  const del = cis.useDelete();
  const [deleting, deleteModal] = useDisclosure(false);
  const tab: Tab = (TABS as readonly string[]).includes(tabParam) ? (tabParam as Tab) : 'details';
  useDocumentTitle(ci.data?.name ?? 'Configuration item');

  if (ci.isPending) return <PageLoader label="Loading configuration item" />;
  if (ci.isError) {
    if (ci.error instanceof ApiError && ci.error.isNotFound)
      return (
        <RecordNotFound number="this configuration item" backTo="/cmdb/cis" backLabel="Back to the CMDB" />
      );
    return <ErrorState error={ci.error} onRetry={() => ci.refetch()} />;
  }
  const rec = ci.data;
  const isService = isSubclass(classes.data ?? [], rec.classKey, 'service');

  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <BackCrumbs to="/cmdb/cis" label="Configuration items" here={rec.name} />
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Stack gap={6}>
            <Title order={1} size="h2">
              {rec.name}
            </Title>
            <Group gap="xs">
              <CiStatusBadge status={rec.status} />
              <Text size="sm" c="dimmed">
                {rec.classLabel}
                {rec.supportGroup ? ` · ${rec.supportGroup.name}` : ''}
                {rec.owner ? ` · owned by ${rec.owner.name}` : ''}
                {rec.location ? ` · ${rec.location}` : ''}
              </Text>
            </Group>
          </Stack>
          <Group gap="sm">
            <Button component={Link} to={`/incidents/new?ci=${rec.id}`} variant="light">
              Raise incident
            </Button>
            {rec.allowedActions.includes('delete') && (
              <Button
                variant="subtle"
                color="red"
                leftSection={<IconTrash size={16} />}
                onClick={deleteModal.open}
              >
                Delete
              </Button>
            )}
          </Group>
        </Group>
      </Stack>
      <ConfirmDialog
        opened={deleting}
        onClose={deleteModal.close}
        title={`Delete ${rec.name}?`}
        pending={del.isPending}
        onConfirm={() =>
          del.mutate(
            { id: rec.id, version: rec.version },
            {
              onSuccess: () => {
                notifications.show({ color: 'teal', message: `${rec.name} deleted` });
                navigate('/cmdb/cis');
              },
              onError: (e) => {
                deleteModal.close();
                notifications.show({ color: 'red', title: 'Not deleted', message: errorMessage(e) });
              },
            },
          )
        }
      >
        Delete a CI only when it was created by mistake. A CI that records refer to cannot be deleted; set its
        status to Retired instead.
      </ConfirmDialog>
      <Tabs value={tab} onChange={(t) => setTab(t === 'details' ? null : t)} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="details">Details</Tabs.Tab>
          <Tabs.Tab value="relationships">Relationships</Tabs.Tab>
          <Tabs.Tab value="impact">{isService ? 'Impact and dependencies' : 'Impact analysis'}</Tabs.Tab>
          <Tabs.Tab value="records">Linked records</Tabs.Tab>
          <Tabs.Tab value="history">History</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="details">
          <DetailsTab key={rec.id} ci={rec} onReload={() => void ci.refetch()} />
        </Tabs.Panel>
        <Tabs.Panel value="relationships">
          <RelationshipsPanel ci={rec} />
        </Tabs.Panel>
        <Tabs.Panel value="impact">
          <ImpactPanel key={`${rec.id}-${isService}`} ciId={rec.id} isService={isService} />
        </Tabs.Panel>
        <Tabs.Panel value="records">
          <RecordsTab ci={rec} />
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <HistoryPanel id={rec.id} useHistory={useCiHistory} label="CI history" />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
