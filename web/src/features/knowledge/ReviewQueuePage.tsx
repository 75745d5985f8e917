/** Articles waiting for review: those in the categories you review first, then every article in review. */
import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { type ArticleSummary, useArticleList } from '../../api/queries/knowledge.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState } from '../../components/States.tsx';
import { Loaded } from '../../kit/detail/Loaded.tsx';
import { BareList } from '../../kit/list/BareList.tsx';
import { Time } from '../../lib/time.tsx';
import { AudienceBadge } from './ArticleParts.tsx';
import { articlePath } from './labels.ts';

function Queue({ title, state, empty }: { title: string; state: string; empty: string }) {
  const list = useArticleList({ state });
  const items: ArticleSummary[] = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="sm" component="section" aria-label={title}>
      <Title order={2} size="h4">
        {title}
      </Title>
      <Loaded query={list} label="Loading">
        {() =>
          items.length === 0 ? (
            <EmptyState title={empty} />
          ) : (
            <BareList gap="xs">
              {items.map((a) => (
                <Paper key={a.id} withBorder p="sm" component="li">
                  <Group justify="space-between" wrap="nowrap">
                    <Stack gap={2}>
                      <Anchor component={Link} to={articlePath(a.number)} fw={600}>
                        {a.number} {a.title}
                      </Anchor>
                      <Text size="sm" c="dimmed">
                        {a.category.name} · by {a.owner.name} · updated <Time iso={a.updatedAt} size="sm" />
                      </Text>
                    </Stack>
                    <AudienceBadge audience={a.audience} />
                  </Group>
                </Paper>
              ))}
            </BareList>
          )
        }
      </Loaded>
    </Stack>
  );
}

export function ReviewQueuePage() {
  return (
    <Stack gap="xl">
      <PageHeader
        title="Review queue"
        description="Reviewers of a category publish its articles or send them back to their authors."
      />
      <Queue title="Waiting for you" state="mine_to_review" empty="Nothing waits for your review" />
      <Queue title="All articles in review" state="in_review" empty="No article is in review" />
    </Stack>
  );
}
