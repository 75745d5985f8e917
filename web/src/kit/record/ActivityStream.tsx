/** One stream of what happened: comments, internal notes (visibly different), field changes, files. */
import { Anchor, Badge, Box, Group, Paper, Stack, Text, ThemeIcon, Timeline } from '@mantine/core';
import {
  IconArrowRight,
  IconFileDownload,
  IconLock,
  IconMessage,
  IconPaperclip,
  IconPencil,
  IconSparkles,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { attachmentUrl } from '../../api/client.ts';
import type { ActivityItem } from '../../api/types.ts';
import { EmptyState } from '../../components/States.tsx';
import { formatBytes } from '../../lib/labels.ts';
import { Time } from '../../lib/time.tsx';
import { type ChangeItem, describeChange, type Resolvers } from './changes.ts';

type Entry =
  | { kind: 'comment'; item: Extract<ActivityItem, { kind: 'comment' }> }
  | { kind: 'attachment'; item: Extract<ActivityItem, { kind: 'attachment' }> }
  | { kind: 'changes'; id: string; at: string; actor: ChangeItem['actor']; items: ChangeItem[] };

/** Field changes made by one person at one instant read as one entry. */
function group(items: ActivityItem[]): Entry[] {
  const out: Entry[] = [];
  for (const i of items) {
    if (i.kind === 'change') {
      const last = out.at(-1);
      if (last?.kind === 'changes' && last.at === i.at && last.actor?.id === i.actor?.id) last.items.push(i);
      else out.push({ kind: 'changes', id: i.id, at: i.at, actor: i.actor, items: [i] });
    } else out.push(i.kind === 'comment' ? { kind: 'comment', item: i } : { kind: 'attachment', item: i });
  }
  return out;
}

const at = (e: Entry) => (e.kind === 'changes' ? e.at : e.item.at);
const actorId = (e: Entry) => (e.kind === 'changes' ? e.actor?.id : e.item.actor?.id);

/** Newest first, but what one person did at one instant (a transition and its comment) keeps its order. */
function newestFirst(entries: Entry[]): Entry[] {
  const clusters: Entry[][] = [];
  for (const e of entries) {
    const last = clusters.at(-1);
    const head = last?.[0];
    if (last && head && at(head) === at(e) && actorId(head) === actorId(e)) last.push(e);
    else clusters.push([e]);
  }
  return clusters.reverse().flat();
}

function Who({ actor }: { actor: ActivityItem['actor'] }) {
  return (
    <Text span fw={600} size="sm">
      {actor?.name ?? 'System'}
    </Text>
  );
}

function Header({ actor, at, children }: { actor: ActivityItem['actor']; at: string; children?: ReactNode }) {
  return (
    <Group gap={6} wrap="wrap">
      <Who actor={actor} />
      {children}
      <Text span size="xs" c="dimmed">
        ·
      </Text>
      <Time iso={at} size="xs" c="dimmed" />
    </Group>
  );
}

function ChangeLines({
  entry,
  resolvers,
  noun,
}: {
  entry: Extract<Entry, { kind: 'changes' }>;
  resolvers: Resolvers;
  noun: string;
}) {
  const described = entry.items.map((c) => ({ c, d: describeChange(c, resolvers) }));
  const created = described.find((x) => x.d.type === 'created');
  return (
    <>
      <Header actor={entry.actor} at={entry.at}>
        <Text span size="sm" c="dimmed">
          {created ? (created.d.type === 'created' ? created.d.text : '') : `updated the ${noun}`}
        </Text>
      </Header>
      <Stack gap={2} mt={4}>
        {described
          .filter((x) => x.d.type !== 'created')
          .map(({ c, d }) =>
            d.type === 'field' ? (
              <Text size="sm" key={c.id} className="pre-wrap">
                <Text span fw={500}>
                  {d.label}:
                </Text>{' '}
                {d.long ? (
                  <Text span c="dimmed">
                    {d.to === '—' ? 'cleared' : `“${d.to.length > 140 ? `${d.to.slice(0, 140)}…` : d.to}”`}
                  </Text>
                ) : (
                  <>
                    <Text span c="dimmed">
                      {d.from}
                    </Text>{' '}
                    <IconArrowRight size={12} aria-label="changed to" style={{ verticalAlign: 'middle' }} />{' '}
                    <Text span>{d.to}</Text>
                  </>
                )}
              </Text>
            ) : d.type === 'event' ? (
              <Text size="sm" key={c.id}>
                {d.text}
              </Text>
            ) : null,
          )}
      </Stack>
    </>
  );
}

function Comment({ item }: { item: Extract<ActivityItem, { kind: 'comment' }> }) {
  const internal = item.visibility === 'internal';
  return (
    <Paper
      p="sm"
      withBorder
      className={internal ? 'activity-internal' : 'activity-public'}
      aria-label={internal ? 'Internal note' : 'Public comment'}
    >
      <Header actor={item.actor} at={item.at}>
        {internal ? (
          <Badge color="yellow.4" autoContrast leftSection={<IconLock size={12} />} size="sm">
            Internal note
          </Badge>
        ) : (
          <Badge color="blue" variant="light" size="sm">
            Public
          </Badge>
        )}
      </Header>
      <Text size="sm" mt={6} className="pre-wrap">
        {item.body}
      </Text>
    </Paper>
  );
}

function Attachment({ item }: { item: Extract<ActivityItem, { kind: 'attachment' }> }) {
  return (
    <>
      <Header actor={item.actor} at={item.at}>
        <Text span size="sm" c="dimmed">
          attached a file
        </Text>
      </Header>
      <Group gap={6} mt={4}>
        <IconFileDownload size={16} aria-hidden />
        <Anchor href={attachmentUrl(item.id)} download={item.filename} size="sm">
          {item.filename}
        </Anchor>
        <Text span size="xs" c="dimmed">
          {formatBytes(item.size)}
        </Text>
      </Group>
    </>
  );
}

function bullet(e: Entry): ReactNode {
  if (e.kind === 'comment')
    return e.item.visibility === 'internal' ? <IconLock size={14} /> : <IconMessage size={14} />;
  if (e.kind === 'attachment') return <IconPaperclip size={14} />;
  return e.items.some((c) => c.field === 'created') ? <IconSparkles size={14} /> : <IconPencil size={14} />;
}

export function ActivityStream({
  items,
  resolvers,
  reverse = false,
  noun = 'record',
}: {
  items: ActivityItem[];
  resolvers: Resolvers;
  /** Newest first. */
  reverse?: boolean;
  /** What the record is called in "updated the …". */
  noun?: string;
}) {
  if (items.length === 0) return <EmptyState title="No activity yet" />;
  const entries = reverse ? newestFirst(group(items)) : group(items);
  return (
    <Box component="section" aria-label="Activity">
      <Timeline bulletSize={26} lineWidth={2}>
        {entries.map((e) => (
          <Timeline.Item
            key={e.kind === 'changes' ? `c-${e.id}` : e.item.id}
            bullet={
              <ThemeIcon
                size={26}
                radius="xl"
                variant="light"
                color={e.kind === 'comment' && e.item.visibility === 'internal' ? 'yellow' : 'blue'}
              >
                {bullet(e)}
              </ThemeIcon>
            }
          >
            {e.kind === 'comment' ? (
              <Comment item={e.item} />
            ) : e.kind === 'attachment' ? (
              <Attachment item={e.item} />
            ) : (
              <ChangeLines entry={e} resolvers={resolvers} noun={noun} />
            )}
          </Timeline.Item>
        ))}
      </Timeline>
    </Box>
  );
}
