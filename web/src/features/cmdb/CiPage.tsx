/** One configuration item: its fields, relationships, impact analysis, linked records and history. */
import { Button, Table, Tabs } from '@mantine/core';
import { Link, useParams } from 'react-router-dom';
import { type Ci, cis, useCi, useCiClasses, useCiHistory, useCiRecords } from '../../api/queries/cmdb.ts';
import { PriorityBadge } from '../../components/Badges.tsx';
import { EmptyState } from '../../components/States.tsx';
import { DeleteButton } from '../../kit/detail/DeleteItem.tsx';
import { DetailPage } from '../../kit/detail/DetailPage.tsx';
import { HistoryPanel } from '../../kit/detail/HistoryPanel.tsx';
import { RecordEditForm } from '../../kit/form/RecordEditForm.tsx';
import { LoadedTable } from '../../kit/list/LoadedTable.tsx';
import { RowLink } from '../../kit/list/RowLink.tsx';
import { useUrlParam } from '../../kit/nav/useUrlParam.ts';
import { humanize } from '../../lib/labels.ts';
import { Time } from '../../lib/time.tsx';
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
  const [tabParam, setTab] = useUrlParam('tab');
  const ci = useCi(id);
  const classes = useCiClasses();
  const del = cis.useDelete();
  const tab: Tab = (TABS as readonly string[]).includes(tabParam) ? (tabParam as Tab) : 'details';

  return (
    <DetailPage
      query={ci}
      what="configuration item"
      back={{ to: '/cmdb/cis', label: 'Configuration items' }}
      header={(rec) => ({
        title: rec.name,
        badges: <CiStatusBadge status={rec.status} />,
        meta: [
          rec.classLabel,
          rec.supportGroup?.name,
          rec.owner && `owned by ${rec.owner.name}`,
          rec.location,
        ]
          .filter(Boolean)
          .join(' · '),
        actions: (
          <>
            <Button component={Link} to={`/incidents/new?ci=${rec.id}`} variant="light">
              Raise incident
            </Button>
            {rec.allowedActions.includes('delete') && (
              <DeleteButton
                label="Delete"
                name={rec.name}
                remove={del}
                vars={{ id: rec.id, version: rec.version }}
                backTo="/cmdb/cis"
              >
                Delete a CI only when it was created by mistake. A CI that records refer to cannot be deleted;
                set its status to Retired instead.
              </DeleteButton>
            )}
          </>
        ),
      })}
    >
      {(rec) => {
        const isService = isSubclass(classes.data ?? [], rec.classKey, 'service');
        return (
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
        );
      }}
    </DetailPage>
  );
}
