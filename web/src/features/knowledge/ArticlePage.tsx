/**
 * An article for staff: the rendered text, its workflow steps (submit, publish, send back, retire,
 * reopen) as the server offers them, facts and counts, linked records, versions with a diff, and
 * the feedback readers gave.
 */
import { Anchor, Badge, Button, Group, List, Tabs, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import {
  type ArticleView,
  useArticle,
  useArticleFeedback,
  useArticleStep,
} from '../../api/queries/knowledge.ts';
import { EmptyState, ErrorAlert } from '../../components/States.tsx';
import { DetailPage } from '../../kit/detail/DetailPage.tsx';
import { DetailColumns, Facts, Section } from '../../kit/detail/Section.tsx';
import { FormDialog } from '../../kit/form/FormDialog.tsx';
import { LoadedRows } from '../../kit/list/LoadedRows.tsx';
import { Time } from '../../lib/time.tsx';
import { recordPath } from '../../records/registry.ts';
import { ArticleHtml, ArticleStateBadge, AudienceBadge } from './ArticleParts.tsx';
import { VersionsPanel } from './DiffView.tsx';
import { LANGUAGE_LABELS } from './labels.ts';
import { useCountView } from './useCountView.ts';

type Step = ArticleView['steps'][number];

function StepButtons({ article }: { article: ArticleView }) {
  const take = useArticleStep(article);
  const [asking, setAsking] = useState<Step | null>(null);
  const [comment, setComment] = useState('');
  const run = (step: Step, text = '') =>
    take.mutate(
      { step: step.key, comment: text },
      {
        onSuccess: (a) => {
          setAsking(null);
          setComment('');
          notifications.show({ color: 'teal', message: `${a.number} is now ${a.stateLabel.toLowerCase()}.` });
        },
      },
    );
  if (article.steps.length === 0) return null;
  return (
    <>
      {article.steps.map((s) => (
        <Button
          key={s.key}
          variant={s.key === 'publish' || s.key === 'submit' ? 'filled' : 'default'}
          loading={take.isPending && take.variables?.step === s.key}
          onClick={() => (s.needsComment ? setAsking(s) : run(s))}
        >
          {s.label}
        </Button>
      ))}
      {!asking && <ErrorAlert error={take.error} title="Not done" />}
      <FormDialog
        title={asking?.label ?? ''}
        opened={asking !== null}
        onClose={() => setAsking(null)}
        onSubmit={() => {
          if (asking) run(asking, comment);
        }}
        submitLabel={asking?.label ?? ''}
        pending={take.isPending}
        disabled={!comment.trim()}
      >
        <Textarea
          label="Why"
          description="The author sees this with the article."
          required
          autosize
          minRows={3}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
        />
        <ErrorAlert error={take.error} title="Not done" />
      </FormDialog>
    </>
  );
}

function FeedbackPanel({ articleId }: { articleId: string }) {
  return (
    <LoadedRows
      query={useArticleFeedback(articleId, true)}
      label="Loading feedback"
      rows={(data) => data.items}
      empty={<EmptyState title="No feedback yet">Readers say here whether the article helped.</EmptyState>}
    >
      {(items) => (
        <List spacing="sm" listStyleType="none" aria-label="Feedback">
          {items.map((f) => (
            <List.Item key={f.id}>
              <Group gap="xs">
                <Badge color={f.helpful ? 'teal' : 'red'} variant="light">
                  {f.helpful ? 'Helpful' : 'Not helpful'}
                </Badge>
                <Text size="sm" c="dimmed">
                  {f.by?.name ?? 'Someone'} · <Time iso={f.createdAt} size="sm" />
                </Text>
              </Group>
              {f.comment && <Text size="sm">{f.comment}</Text>}
            </List.Item>
          ))}
        </List>
      )}
    </LoadedRows>
  );
}

function ArticleBody({ article }: { article: ArticleView }) {
  useCountView(article.id);
  return (
    <DetailColumns
      main={
        <Tabs defaultValue="article" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="article">Article</Tabs.Tab>
            <Tabs.Tab value="versions">Versions ({article.currentVersion})</Tabs.Tab>
            <Tabs.Tab value="feedback">Feedback</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="article" pt="md">
            <Section label="Article text">
              {article.summary && (
                <Text fw={500} c="dimmed">
                  {article.summary}
                </Text>
              )}
              <ArticleHtml html={article.html} />
            </Section>
          </Tabs.Panel>
          <Tabs.Panel value="versions" pt="md">
            <Section title="Versions">
              <VersionsPanel articleId={article.id} />
            </Section>
          </Tabs.Panel>
          <Tabs.Panel value="feedback" pt="md">
            <Section title="Feedback">
              <FeedbackPanel articleId={article.id} />
            </Section>
          </Tabs.Panel>
        </Tabs>
      }
      side={
        <>
          <Section title="Details">
            <Facts
              items={[
                ['Category', article.category.name],
                [
                  'Audience',
                  article.audienceService ? (
                    `Customers of ${article.audienceService.name}`
                  ) : (
                    <AudienceBadge key="audience" audience={article.audience} />
                  ),
                ],
                [
                  'Language',
                  LANGUAGE_LABELS[article.language as keyof typeof LANGUAGE_LABELS] ?? article.language,
                ],
                ['Owner', article.owner.name],
                ['Review by', article.reviewBy],
                [
                  'Published',
                  article.publishedAt ? <Time key="published" iso={article.publishedAt} size="sm" /> : null,
                ],
                ['Published by', article.publishedBy?.name],
                ['Services', article.services.map((s) => s.name).join(', ') || null],
                ['Configuration items', article.cis.map((s) => s.name).join(', ') || null],
              ]}
            />
          </Section>
          <Section title="Use">
            <Facts
              items={[
                ['Views', article.viewCount],
                ['Helpful', `${article.helpfulCount} of ${article.helpfulCount + article.notHelpfulCount}`],
                ['Solved a problem (no ticket raised)', article.deflectionCount],
              ]}
            />
          </Section>
          <Section title="Linked records">
            {article.linkedRecords.length === 0 ? (
              <Text size="sm" c="dimmed">
                Not linked to any record yet.
              </Text>
            ) : (
              <List size="sm">
                {article.linkedRecords.map((r) => (
                  <List.Item key={r.id}>
                    <Anchor component={Link} to={recordPath(r.type, r.number)}>
                      {r.number}
                    </Anchor>{' '}
                    {r.title}
                  </List.Item>
                ))}
              </List>
            )}
          </Section>
        </>
      }
    />
  );
}

export function ArticlePage() {
  const { ref = '' } = useParams();
  const article = useArticle(ref);
  return (
    <DetailPage
      query={article}
      what="article"
      back={{ to: '/knowledge', label: 'Knowledge base' }}
      header={(a) => ({
        title: a.title,
        prefix: a.number,
        badges: (
          <>
            <ArticleStateBadge state={a.state} />
            <AudienceBadge audience={a.audience} />
          </>
        ),
        meta: (
          <>
            Version {a.currentVersion} · updated <Time iso={a.updatedAt} size="sm" />
          </>
        ),
        actions: (
          <>
            <StepButtons article={a} />
            {a.canEdit && (
              <Button
                component={Link}
                to={`/knowledge/${a.number}/edit`}
                variant="default"
                leftSection={<IconPencil size={16} />}
              >
                Edit
              </Button>
            )}
          </>
        ),
      })}
    >
      {(a) => <ArticleBody article={a} />}
    </DetailPage>
  );
}
