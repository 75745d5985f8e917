/**
 * Write or edit an article: title, summary, category, language, audience, linked services,
 * review-by date, and the Markdown body with a preview rendered and sanitised by the server, as
 * readers will see it. Editing a published article saves a new version, with a note.
 */
import { Group, MultiSelect, Paper, Select, Stack, Tabs, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import type { CiRef } from '../../api/queries/cmdb.ts';
import {
  type ArticleView,
  useArticle,
  useCategories,
  useCreateArticle,
  usePreview,
  useUpdateArticle,
} from '../../api/queries/knowledge.ts';
import { useServices } from '../../api/queries/requests.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ErrorAlert, PageLoader } from '../../components/States.tsx';
import { Loaded } from '../../kit/detail/Loaded.tsx';
import { DialogActions } from '../../kit/form/DialogActions.tsx';
import { namedOptions } from '../../kit/form/namedOptions.ts';
import { SourceTextarea } from '../../kit/form/SourceTextarea.tsx';
import { SubmitForm } from '../../kit/form/SubmitForm.tsx';
import { useDraftForm } from '../../kit/form/useDraftForm.ts';
import { labelOptions } from '../../lib/labels.ts';
import { CiMultiPicker } from '../cmdb/CiPicker.tsx';
import { ArticleHtml } from './ArticleParts.tsx';
import { AUDIENCE_LABELS, LANGUAGE_LABELS } from './labels.ts';

type Draft = {
  title: string;
  summary: string;
  body: string;
  categoryId: string | null;
  language: string;
  audience: string;
  audienceServiceId: string | null;
  serviceIds: string[];
  cis: CiRef[];
  reviewBy: string;
  note: string;
};

const fromArticle = (a: ArticleView | undefined): Draft => ({
  title: a?.title ?? '',
  summary: a?.summary ?? '',
  body: a?.body ?? '',
  categoryId: a?.category.id ?? null,
  language: a?.language ?? 'en',
  audience: a?.audience ?? 'internal',
  audienceServiceId: a?.audienceService?.id ?? null,
  serviceIds: a?.services.map((s) => s.id) ?? [],
  // The article names its CIs only; the picker shows them until new ones are searched.
  cis: (a?.cis ?? []).map((c) => ({
    ...c,
    classKey: '',
    classLabel: 'configuration item',
    status: 'in_use' as CiRef['status'],
  })),
  reviewBy: a?.reviewBy ?? '',
  note: '',
});

const articleInput = (draft: Draft) => ({
  title: draft.title,
  summary: draft.summary,
  body: draft.body,
  categoryId: draft.categoryId ?? '',
  language: draft.language,
  audience: draft.audience as 'internal' | 'requesters' | 'customers',
  audienceServiceId: draft.audience === 'customers' ? draft.audienceServiceId : null,
  serviceIds: draft.serviceIds,
  ciIds: draft.cis.map((c) => c.id),
  reviewBy: draft.reviewBy || null,
});

function Editor({ article }: { article?: ArticleView }) {
  const navigate = useNavigate();
  const categories = useCategories();
  const services = useServices();
  const preview = usePreview();
  const create = useCreateArticle();
  const update = useUpdateArticle(article);
  const save = article ? update : create;
  const form = useDraftForm(fromArticle(article), { toBody: articleInput, error: save.error });
  const { draft } = form;
  const [tab, setTab] = useState<string | null>('write');
  const serviceOptions = namedOptions(services.data?.items);
  const published = article?.state === 'published' || article?.state === 'retired';

  const submit = () => {
    const input = form.body;
    const done = (a: ArticleView) => {
      notifications.show({ color: 'teal', message: `${a.number} saved.` });
      navigate(`/knowledge/${a.number}`);
    };
    if (article)
      update.mutate({ ...input, ...(draft.note ? { note: draft.note } : {}) }, { onSuccess: done });
    else create.mutate(input, { onSuccess: done });
  };

  return (
    <SubmitForm onSubmit={submit}>
      <Stack>
        <ErrorAlert error={save.error} title="Not saved" />
        <Paper p="lg">
          <Stack>
            <TextInput label="Title" required {...form.text('title', { max: 'titleMax' })} />
            <TextInput
              label="Summary"
              description="One sentence shown in search results and suggestions."
              {...form.text('summary', { max: 500 })}
            />
            <Group grow align="flex-start">
              <Select
                label="Category"
                required
                data={namedOptions(categories.data?.items)}
                {...form.choice('categoryId')}
                nothingFoundMessage="No categories yet: ask a service manager to create one"
              />
              <Select
                label="Language"
                description="Search stems words in this language."
                data={labelOptions(LANGUAGE_LABELS)}
                {...form.choice('language', { fallback: 'en' })}
                allowDeselect={false}
              />
              <TextInput
                type="date"
                label="Review by"
                description="The owner is reminded on this day."
                {...form.text('reviewBy')}
              />
            </Group>
            <Group grow align="flex-start">
              <Select
                label="Audience"
                data={labelOptions(AUDIENCE_LABELS)}
                {...form.choice('audience', { fallback: 'internal' })}
                allowDeselect={false}
              />
              {draft.audience === 'customers' && (
                <Select
                  label="Customers of service"
                  required
                  searchable
                  data={serviceOptions}
                  {...form.choice('audienceServiceId')}
                />
              )}
              <CiMultiPicker
                label="About configuration items"
                value={draft.cis}
                onChange={(v) => form.set('cis', v)}
                error={form.errors.ciIds}
              />
              <MultiSelect
                label="About services"
                searchable
                data={serviceOptions}
                {...form.list('serviceIds')}
              />
            </Group>
          </Stack>
        </Paper>
        <Paper p="lg">
          <Tabs
            value={tab}
            onChange={(t) => {
              setTab(t);
              if (t === 'preview') preview.mutate(draft.body);
            }}
          >
            <Tabs.List>
              <Tabs.Tab value="write">Write</Tabs.Tab>
              <Tabs.Tab value="preview">Preview</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="write" pt="md">
              <SourceTextarea
                label="Body (Markdown)"
                description="Headings with #, lists with -, **bold**, `code`, [links](https://…)."
                minRows={14}
                {...form.text('body')}
              />
            </Tabs.Panel>
            <Tabs.Panel value="preview" pt="md">
              {preview.isPending ? (
                <PageLoader label="Rendering preview" />
              ) : preview.isError ? (
                <ErrorAlert error={preview.error} title="No preview" />
              ) : preview.data?.html ? (
                <ArticleHtml html={preview.data.html} label="Preview" />
              ) : (
                <Text c="dimmed" size="sm">
                  Nothing to preview yet.
                </Text>
              )}
            </Tabs.Panel>
          </Tabs>
        </Paper>
        {published && (
          <TextInput
            label="What changed"
            description="Kept with the new version this edit makes."
            {...form.text('note', { max: 500 })}
          />
        )}
        <DialogActions
          onCancel={() => navigate(article ? `/knowledge/${article.number}` : '/knowledge')}
          submitLabel={article ? (published ? 'Save as new version' : 'Save') : 'Save draft'}
          pending={save.isPending}
        />
      </Stack>
    </SubmitForm>
  );
}

export function NewArticlePage() {
  return (
    <>
      <PageHeader
        title="New article"
        description="Saved as a draft; submit it for review when it is ready."
      />
      <Editor />
    </>
  );
}

export function EditArticlePage() {
  const { ref = '' } = useParams();
  return (
    <Loaded query={useArticle(ref)} label="Loading article" resetKey={(a) => `${a.id}:${a.version}`}>
      {(article) => (
        <>
          <PageHeader title={`Edit ${article.number}`} description={article.title} />
          <Editor article={article} />
        </>
      )}
    </Loaded>
  );
}
