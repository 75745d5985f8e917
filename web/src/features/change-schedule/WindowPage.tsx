/** One window: its definition (edited in place with If-Match), its next occurrences, and removal. */
import { Button, Table } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useParams } from 'react-router-dom';
import { DeleteDialog } from '../../kit/detail/DeleteItem.tsx';
import { DetailPage } from '../../kit/detail/DetailPage.tsx';
import { DetailColumns, Section } from '../../kit/detail/Section.tsx';
import { RecordEditForm } from '../../kit/form/RecordEditForm.tsx';
import { DataTable } from '../../kit/list/DataTable.tsx';
import { formatDateTime, useTimeZone } from '../../lib/time.tsx';
import { useChangeCalendar, type WindowView, windows } from './api.ts';
import { repeatsText } from './labels.ts';
import { useCanManageWindows } from './permissions.ts';
import { draftOfWindow, validateWindowDraft, WindowFields, windowBody } from './WindowForm.tsx';
import { WindowKindBadge, windowScope } from './WindowsPage.tsx';

const DAY_MS = 86_400_000;

function NextOccurrences({ w }: { w: WindowView }) {
  const zone = useTimeZone();
  const from = new Date(Math.max(Date.now(), Date.parse(w.start)) - DAY_MS);
  const calendar = useChangeCalendar({
    from: new Date(from.getTime() - (from.getTime() % DAY_MS)).toISOString(),
    to: new Date(from.getTime() - (from.getTime() % DAY_MS) + 60 * DAY_MS).toISOString(),
    ...(w.ci ? { ciId: w.ci.id } : w.service ? { serviceId: w.service.id } : {}),
  });
  const next = (calendar.data?.items ?? []).filter((e) => e.windowId === w.id).slice(0, 8);
  return (
    <Section title="Next occurrences" label="Next occurrences">
      <DataTable
        fz="sm"
        verticalSpacing={4}
        aria-label="Next occurrences"
        columns={[`Starts (${zone})`, 'Ends', `In ${w.timeZone}`]}
      >
        {next.map((o) => (
          <Table.Tr key={o.key}>
            <Table.Td>{formatDateTime(o.start, zone)}</Table.Td>
            <Table.Td>{formatDateTime(o.end, zone)}</Table.Td>
            <Table.Td>
              {formatDateTime(o.start, w.timeZone)} – {formatDateTime(o.end, w.timeZone)}
            </Table.Td>
          </Table.Tr>
        ))}
        {next.length === 0 && (
          <Table.Tr>
            <Table.Td colSpan={3}>None in the next 60 days</Table.Td>
          </Table.Tr>
        )}
      </DataTable>
    </Section>
  );
}

export function WindowPage() {
  const { id = '' } = useParams();
  const query = windows.useOne(id);
  const canManage = useCanManageWindows();
  const remove = windows.useDelete();
  const [confirming, confirm] = useDisclosure(false);
  return (
    <DetailPage
      query={query}
      what="window"
      back={{ to: '/change-windows', label: 'Windows' }}
      header={(w) => ({
        title: w.name,
        badges: <WindowKindBadge kind={w.kind} />,
        meta: `${windowScope(w)} · ${repeatsText(w.rrule) ?? 'once'} · ${w.timeZone}`,
        actions: canManage && (
          <Button color="red" variant="light" onClick={confirm.open}>
            Delete window
          </Button>
        ),
      })}
    >
      {(w) => (
        <>
          <DetailColumns
            main={
              <RecordEditForm
                record={w}
                resource={windows}
                toDraft={draftOfWindow}
                toBody={windowBody}
                validate={validateWindowDraft}
                readOnly={!canManage}
                what={`Window ${w.name}`}
                saved={(s) => `${s.name} saved`}
                onReload={() => void query.refetch()}
                label="Definition"
              >
                {(form) => <WindowFields form={form} />}
              </RecordEditForm>
            }
            side={<NextOccurrences w={w} />}
          />
          <DeleteDialog
            opened={confirming}
            onClose={confirm.close}
            name={w.name}
            remove={remove}
            vars={{ id: w.id, version: w.version }}
            backTo="/change-windows"
          >
            Changes will no longer be checked against this window.
          </DeleteDialog>
        </>
      )}
    </DetailPage>
  );
}
