/** One inbound message: its outcome, the text the record shows, the original, the HTML and the source. */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Code,
  Group,
  Paper,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { IconDownload, IconRefresh } from '@tabler/icons-react';
import { Link, useParams } from 'react-router-dom';
import {
  type InboundMessageView,
  inboundMessages,
  useReprocessMessage,
} from '../../api/queries/inboundMail.ts';
import { useMe } from '../../auth/session.tsx';
import { ErrorAlert } from '../../components/States.tsx';
import { DetailPage } from '../../kit/detail/DetailPage.tsx';
import { adminAreas } from '../../lib/faces.ts';
import { Time } from '../../lib/time.tsx';
import { STATUS_COLOR, STATUS_LABEL } from './statusColor.ts';

const LANDED = new Set(['created', 'commented']);

export function InboundMessagePage() {
  const { id = '' } = useParams();
  const me = useMe();
  const canManage = adminAreas(me).inboundMailManage;
  const msg = inboundMessages.useOne<InboundMessageView>(id);
  const reprocess = useReprocessMessage();
  return (
    <DetailPage
      query={msg}
      what="message"
      back={{ to: '/admin/inbound-mail', label: 'Email in' }}
      header={(m) => ({
        title: m.subject || '(no subject)',
        meta: (
          <>
            From {m.fromName ? `${m.fromName} <${m.from}>` : (m.from ?? 'nobody')}, received{' '}
            <Time iso={m.receivedAt} mode="absolute" size="sm" span /> over {m.source}
          </>
        ),
        actions: (
          <>
            <Button
              component="a"
              href={`/api/v1/admin/inbound-mail/messages/${m.id}/raw`}
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
            >
              Download source
            </Button>
            {canManage && !LANDED.has(m.status) && (
              <Button
                leftSection={<IconRefresh size={16} aria-hidden />}
                loading={reprocess.isPending}
                onClick={() => reprocess.mutate(m.id, { onSuccess: () => msg.refetch() })}
              >
                Process again
              </Button>
            )}
          </>
        ),
      })}
    >
      {(m) => (
        <Stack>
          <ErrorAlert error={reprocess.error} title="Could not process the message again" />
          <Alert
            variant="outline"
            color={STATUS_COLOR[m.status]}
            title={
              <Group gap="xs">
                <Badge color={STATUS_COLOR[m.status]}>{STATUS_LABEL[m.status]}</Badge>
                {m.record && (
                  <Anchor
                    component={Link}
                    to={`/${m.record.type === 'problem' ? 'problems' : 'incidents'}/${m.record.number}`}
                  >
                    {m.record.number}
                  </Anchor>
                )}
              </Group>
            }
            role="status"
          >
            <Text size="sm">{m.detail ?? 'Not processed yet.'}</Text>
            <Text size="xs" c="dimmed" mt={4}>
              {m.reason ? `Reason: ${m.reason}. ` : ''}
              {m.threadedBy ? `Threaded by: ${m.threadedBy}. ` : ''}
              {m.address ? `Address: ${m.address.address}. ` : ''}Attempts: {m.attempts}.
            </Text>
          </Alert>
          <Tabs defaultValue="shown">
            <Tabs.List>
              <Tabs.Tab value="shown">As shown on the record</Tabs.Tab>
              <Tabs.Tab value="original">Original text</Tabs.Tab>
              {m.html && <Tabs.Tab value="html">HTML</Tabs.Tab>}
              <Tabs.Tab value="headers">Headers</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="shown" pt="sm">
              <Paper p="md" withBorder>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {m.trimmedText || '(no text)'}
                </Text>
              </Paper>
            </Tabs.Panel>
            <Tabs.Panel value="original" pt="sm">
              <Paper p="md" withBorder>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} ff="monospace">
                  {m.text || '(no text)'}
                </Text>
              </Paper>
            </Tabs.Panel>
            {m.html && (
              <Tabs.Panel value="html" pt="sm">
                {/* Sanitised by the server; shown sandboxed, without scripts or remote content. */}
                <iframe
                  title="HTML part of the message"
                  sandbox=""
                  srcDoc={m.html}
                  style={{ width: '100%', minHeight: 320, border: '1px solid var(--mantine-color-gray-3)' }}
                />
              </Tabs.Panel>
            )}
            <Tabs.Panel value="headers" pt="sm">
              <Paper p={0} withBorder style={{ overflow: 'hidden' }}>
                <Table.ScrollContainer minWidth={700}>
                  <Table verticalSpacing="xs" aria-label="Headers">
                    <Table.Tbody>
                      {m.headers.map((h) => (
                        <Table.Tr key={`${h.name}:${h.value}`}>
                          <Table.Td w={200}>
                            <Code>{h.name}</Code>
                          </Table.Td>
                          <Table.Td>
                            <Text size="xs" style={{ wordBreak: 'break-all' }}>
                              {h.value}
                            </Text>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </Paper>
            </Tabs.Panel>
          </Tabs>
          {m.attachments.length > 0 && (
            <Paper p="md" withBorder>
              <Title order={2} size="h5" mb="xs">
                Attachments
              </Title>
              {m.attachments.map((a) => (
                <Text size="sm" key={`${a.filename}-${a.size}`}>
                  {a.filename} ({a.contentType}, {Math.ceil(a.size / 1024)} KiB
                  {a.inline ? ', inline image' : ''})
                </Text>
              ))}
            </Paper>
          )}
        </Stack>
      )}
    </DetailPage>
  );
}
