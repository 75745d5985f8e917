/**
 * Email in for administrators: the addresses Steward receives at (with their policies) and every
 * inbound message with where it landed or why it did not.
 */
import { Anchor, Badge, Button, Group, Paper, Select, Table, Tabs, Text, Title } from '@mantine/core';
import { IconMailPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import {
  type InboundAddressView,
  type InboundStatus,
  inboundAddresses,
  inboundMessages,
} from '../../api/queries/inboundMail.ts';
import { useMe } from '../../auth/session.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState } from '../../components/States.tsx';
import { ConfirmButton } from '../../kit/detail/ConfirmButton.tsx';
import { ActiveBadge } from '../../kit/list/ActiveBadge.tsx';
import { LoadedTable } from '../../kit/list/LoadedTable.tsx';
import { loadedItems } from '../../kit/list/loadedItems.ts';
import { MoreButton } from '../../kit/list/MoreButton.tsx';
import { WhenCell } from '../../kit/list/WhenCell.tsx';
import { useUrlParam } from '../../kit/nav/useUrlParam.ts';
import { adminAreas } from '../../lib/faces.ts';
import { optionsOf } from '../../lib/labels.ts';
import { AddressForm } from './AddressForm.tsx';
import { STATUS_COLOR, STATUS_LABEL } from './statusColor.ts';

const POLICY = {
  create_requester: 'creates a requester',
  refuse: 'refused politely',
  add_watcher: 'added as watcher',
  new_record: 'opens a new record',
} as const;

function Addresses({ canManage }: { canManage: boolean }) {
  const list = inboundAddresses.useAll();
  const remove = inboundAddresses.useDelete();
  const [editing, setEditing] = useState<InboundAddressView | 'new' | null>(null);
  return (
    <>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          Receiving addresses
        </Title>
        {canManage && (
          <Button leftSection={<IconMailPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
            Add address
          </Button>
        )}
      </Group>
      <Paper p={0} withBorder style={{ overflow: 'hidden' }}>
        <LoadedTable
          query={list}
          label="Loading addresses"
          empty={
            <EmptyState title="No receiving address yet">
              Add the address people write to, e.g. servicedesk@example.com.
            </EmptyState>
          }
          minWidth={800}
          verticalSpacing="xs"
          aria-label="Receiving addresses"
          columns={[
            'Address',
            'Opens',
            'Unknown sender',
            'Reply from someone not on the record',
            'Status',
            canManage && { label: 'Actions', w: 180 },
          ]}
          cells={(a) => (
            <>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {a.address}
                </Text>
                <Text size="xs" c="dimmed">
                  {a.name}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {a.recordType === 'incident' ? 'Incident' : 'Problem'}
                  {a.serviceName ? ` for ${a.serviceName}` : ''}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{POLICY[a.unknownSenderPolicy]}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{POLICY[a.strangerReplyPolicy]}</Text>
              </Table.Td>
              <Table.Td>
                <ActiveBadge active={a.active} on="Receiving" off="Paused" />
              </Table.Td>
              {canManage && (
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => setEditing(a)}
                      aria-label={`Edit ${a.address}`}
                    >
                      Edit
                    </Button>
                    <ConfirmButton
                      size="xs"
                      label="Remove"
                      aria-label={`Remove ${a.address}`}
                      title={`Stop receiving mail at ${a.address}?`}
                      confirmLabel="Remove"
                      errorTitle="Could not remove the address"
                      mutation={remove}
                      vars={{ id: a.id }}
                    >
                      Mail to {a.address} will no longer open records or add comments.
                    </ConfirmButton>
                  </Group>
                </Table.Td>
              )}
            </>
          )}
        />
      </Paper>
      {editing !== null && (
        <AddressForm current={editing === 'new' ? undefined : editing} onDone={() => setEditing(null)} />
      )}
    </>
  );
}

const STATUSES = Object.keys(STATUS_LABEL) as InboundStatus[];

function Messages() {
  const [param, setStatus] = useUrlParam('status');
  const status = param as InboundStatus | '';
  const messages = inboundMessages.useList({ ...(status ? { status } : {}), limit: 50 });
  return (
    <>
      <Group justify="space-between" mb="sm" align="flex-end">
        <Title order={2} size="h4">
          Inbound messages
        </Title>
        <Select
          label="Outcome"
          placeholder="All"
          clearable
          data={optionsOf(STATUSES, STATUS_LABEL)}
          value={status || null}
          onChange={setStatus}
          w={200}
        />
      </Group>
      <Paper p={0} withBorder style={{ overflow: 'hidden' }}>
        <LoadedTable
          query={messages}
          label="Loading messages"
          rows={(data) => loadedItems(data)}
          empty={<EmptyState title="No messages" />}
          minWidth={900}
          verticalSpacing="xs"
          striped
          aria-label="Inbound messages"
          columns={[
            { label: 'Received', w: 190 },
            'From',
            'Subject',
            { label: 'Outcome', w: 130 },
            { label: 'Record', w: 140 },
          ]}
          cells={(m) => (
            <>
              <WhenCell iso={m.receivedAt} />
              <Table.Td>
                <Text size="sm">{m.fromName ? `${m.fromName} <${m.from}>` : (m.from ?? '—')}</Text>
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/admin/inbound-mail/messages/${m.id}`} size="sm">
                  {m.subject || '(no subject)'}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={STATUS_COLOR[m.status]} title={m.detail ?? undefined}>
                  {STATUS_LABEL[m.status]}
                </Badge>
              </Table.Td>
              <Table.Td>
                {m.record ? (
                  <Anchor
                    component={Link}
                    to={`/${m.record.type === 'problem' ? 'problems' : 'incidents'}/${m.record.number}`}
                    size="sm"
                  >
                    {m.record.number}
                  </Anchor>
                ) : (
                  <Text size="sm" c="dimmed">
                    {m.reason ?? '—'}
                  </Text>
                )}
              </Table.Td>
            </>
          )}
        />
      </Paper>
      <MoreButton query={messages} center />
    </>
  );
}

export function InboundMailPage() {
  const me = useMe();
  const canManage = adminAreas(me).inboundMailManage;
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'addresses' ? 'addresses' : 'messages';
  return (
    <>
      <PageHeader
        title="Email in"
        description="Mail to these addresses opens records; replies become comments. Every message is kept with its outcome."
      />
      <Tabs
        value={tab}
        onChange={(t) => {
          const p = new URLSearchParams();
          if (t === 'addresses') p.set('tab', 'addresses');
          setParams(p, { replace: true });
        }}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="messages">Messages</Tabs.Tab>
          <Tabs.Tab value="addresses">Addresses</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="messages">{tab === 'messages' && <Messages />}</Tabs.Panel>
        <Tabs.Panel value="addresses">
          {tab === 'addresses' && <Addresses canManage={canManage} />}
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
