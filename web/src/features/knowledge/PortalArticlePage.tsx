/** An article in the portal: its text, and whether it helped. */
import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import { useArticle } from '../../api/queries/knowledge.ts';
import { EmptyState, ErrorState, PageLoader } from '../../components/States.tsx';
import { BackCrumbs } from '../../kit/nav/BackCrumbs.tsx';
import { Time } from '../../lib/time.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { ArticleFeedback } from './ArticleFeedback.tsx';
import { ArticleHtml } from './ArticleParts.tsx';
import { useCountView } from './useCountView.ts';

export function PortalArticlePage() {
  const { ref = '' } = useParams();
  const article = useArticle(ref);
  useDocumentTitle(article.data?.title ?? 'Article');
  useCountView(article.data?.id);
  if (article.isPending) return <PageLoader label="Loading article" />;
  if (article.isError)
    return article.error instanceof ApiError && article.error.isNotFound ? (
      <EmptyState title="Article not found">
        It may have been withdrawn.{' '}
        <Anchor component={Link} to="/portal/knowledge">
          Search help articles
        </Anchor>
      </EmptyState>
    ) : (
      <ErrorState error={article.error} onRetry={() => article.refetch()} />
    );
  const a = article.data;
  return (
    <Stack maw={860}>
      <BackCrumbs to="/portal/knowledge" label="Help articles" here={a.number} />
      <Title order={1} size="h2">
        {a.title}
      </Title>
      <Text size="sm" c="dimmed">
        {a.category.name} · updated <Time iso={a.updatedAt} size="sm" />
      </Text>
      <Paper p="lg">
        {a.summary && (
          <Text fw={500} mb="sm">
            {a.summary}
          </Text>
        )}
        <ArticleHtml html={a.html} label="Article text" />
      </Paper>
      <ArticleFeedback articleId={a.id} />
    </Stack>
  );
}
