/** Add or change a catalog item: details, form, approvals and fulfilment tasks in one page. */
import {
  Alert,
  Button,
  Group,
  List,
  Paper,
  Select,
  Stack,
  Switch,
  Tabs,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { LIMITS } from '../../../../src/shared/limits.ts';
import { ApiError } from '../../api/client.ts';
import {
  type ApprovalPolicy,
  type CatalogItem,
  type FormField,
  type TaskTemplate,
  useCatalogItem,
  useSaveCatalogItem,
  useServices,
} from '../../api/queries/requests.ts';
import { ErrorState, PageLoader } from '../../components/States.tsx';
import { namedOptions } from '../../kit/form/namedOptions.ts';
import { textOrNull } from '../../kit/form/patch.ts';
import { SubmitForm } from '../../kit/form/SubmitForm.tsx';
import { CrumbHeader } from '../../kit/nav/CrumbHeader.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { ApprovalPolicyEditor } from './ApprovalPolicyEditor.tsx';
import { cleanField, FormFieldsEditor } from './FormFieldsEditor.tsx';
import { TaskTemplatesEditor } from './TaskTemplatesEditor.tsx';

type Draft = {
  serviceId: string | null;
  name: string;
  description: string;
  category: string;
  active: boolean;
  form: FormField[];
  approvalPolicy: ApprovalPolicy | null;
  taskTemplates: TaskTemplate[];
};

const draftOf = (i: CatalogItem | undefined): Draft => ({
  serviceId: i?.service.id ?? null,
  name: i?.name ?? '',
  description: i?.description ?? '',
  category: i?.category ?? '',
  active: i?.active ?? true,
  form: i?.form ?? [],
  approvalPolicy: i?.approvalPolicy ?? null,
  taskTemplates: i?.taskTemplates ?? [],
});

/** "form.1.options" → "Form field 2 (Model), options". */
function describePath(path: string, d: Draft): string {
  const m = /^(form|taskTemplates|approvalPolicy\.levels)\.(\d+)\.?(.*)$/.exec(path);
  if (!m) return path;
  const i = Number(m[2]);
  const rest = m[3] ? `, ${m[3].replace(/\./g, ' ')}` : '';
  if (m[1] === 'form') return `Form field ${i + 1}${d.form[i]?.label ? ` (${d.form[i]?.label})` : ''}${rest}`;
  if (m[1] === 'taskTemplates')
    return `Task ${i + 1}${d.taskTemplates[i]?.title ? ` (${d.taskTemplates[i]?.title})` : ''}${rest}`;
  return `Approval level ${i + 1}${rest}`;
}

function Editor({ item }: { item: CatalogItem | undefined }) {
  const navigate = useNavigate();
  const services = useServices();
  const save = useSaveCatalogItem(item);
  const [d, setD] = useState<Draft>(() => draftOf(item));
  const [tried, setTried] = useState(false);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((x) => ({ ...x, [k]: v }));
  const fieldErrors = save.error instanceof ApiError ? save.error.fieldErrors : [];
  const err = (path: string) =>
    fieldErrors.find((e) => e.field === path || e.field === `body.${path}`)?.message;
  const nameError = (tried && !d.name.trim() ? 'Give the item a name' : undefined) ?? err('name');
  const serviceError =
    (tried && !d.serviceId ? 'Choose the service it is offered under' : undefined) ?? err('serviceId');
  const count = (prefix: string) =>
    fieldErrors.filter((e) => e.field.replace(/^body\./, '').startsWith(prefix)).length;

  const submit = () => {
    setTried(true);
    if (!d.name.trim() || !d.serviceId) return;
    save.mutate(
      {
        serviceId: d.serviceId,
        name: d.name.trim(),
        description: d.description,
        category: textOrNull(d.category),
        active: d.active,
        form: d.form.map(cleanField),
        approvalPolicy: d.approvalPolicy,
        taskTemplates: d.taskTemplates.map((t) => ({
          ...t,
          title: t.title.trim(),
          description: t.description?.trim() || undefined,
        })),
      },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'teal', message: `${saved.name} saved` });
          if (!item) navigate(`/admin/catalog-items/${saved.id}`, { replace: true });
        },
        onError: (e) => {
          if (e instanceof ApiError && e.isStale)
            notifications.show({
              color: 'orange',
              title: 'Changed by someone else',
              message: 'Reload the page to see their changes, then edit again.',
            });
        },
      },
    );
  };

  return (
    <SubmitForm onSubmit={submit}>
      <Stack gap="md">
        {save.error instanceof ApiError && (
          <Alert
            color="red"
            title={save.error.fieldErrors.length ? 'Some settings need attention' : 'The item was not saved'}
            role="alert"
          >
            {save.error.fieldErrors.length ? (
              <List size="sm">
                {save.error.fieldErrors.map((e) => (
                  <List.Item key={`${e.field}-${e.message}`}>
                    {describePath(e.field.replace(/^body\./, ''), d)}: {e.message}
                  </List.Item>
                ))}
              </List>
            ) : (
              save.error.detail
            )}
          </Alert>
        )}
        <Paper p="md">
          <Stack gap="sm">
            <Group gap="sm" align="flex-start" wrap="wrap">
              <TextInput
                label="Name"
                required
                maxLength={LIMITS.titleMax}
                value={d.name}
                onChange={(e) => set('name', e.currentTarget.value)}
                error={nameError}
                style={{ flex: '2 1 280px' }}
              />
              <Select
                label="Service"
                required
                searchable
                data={namedOptions(services.data?.items)}
                value={d.serviceId}
                onChange={(v) => set('serviceId', v)}
                error={serviceError}
                nothingFoundMessage={services.isPending ? 'Loading…' : 'No service found'}
                style={{ flex: '1 1 220px' }}
              />
              <TextInput
                label="Category"
                maxLength={LIMITS.categoryMax}
                value={d.category}
                onChange={(e) => set('category', e.currentTarget.value)}
                style={{ flex: '1 1 160px' }}
              />
            </Group>
            <Textarea
              label="Description"
              description="Shown in the portal above the form."
              autosize
              minRows={3}
              maxLength={LIMITS.descriptionMax}
              value={d.description}
              onChange={(e) => set('description', e.currentTarget.value)}
            />
            <Switch
              label="Offered in the portal"
              description="Withdrawn items stay on requests already ordered."
              checked={d.active}
              onChange={(e) => set('active', e.currentTarget.checked)}
            />
          </Stack>
        </Paper>
        <Tabs defaultValue="form" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="form">
              Form ({d.form.length}){count('form') ? ` · ${count('form')} to fix` : ''}
            </Tabs.Tab>
            <Tabs.Tab value="approvals">
              Approvals{count('approvalPolicy') ? ` · ${count('approvalPolicy')} to fix` : ''}
            </Tabs.Tab>
            <Tabs.Tab value="tasks">
              Fulfilment tasks ({d.taskTemplates.length})
              {count('taskTemplates') ? ` · ${count('taskTemplates')} to fix` : ''}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="form" pt="md">
            <FormFieldsEditor fields={d.form} onChange={(f) => set('form', f)} err={err} />
          </Tabs.Panel>
          <Tabs.Panel value="approvals" pt="md">
            <ApprovalPolicyEditor
              policy={d.approvalPolicy}
              onChange={(p) => set('approvalPolicy', p)}
              err={err}
            />
          </Tabs.Panel>
          <Tabs.Panel value="tasks" pt="md">
            <TaskTemplatesEditor
              templates={d.taskTemplates}
              onChange={(t) => set('taskTemplates', t)}
              err={err}
            />
          </Tabs.Panel>
        </Tabs>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => navigate('/admin/catalog-items')}>
            Back to the list
          </Button>
          <Button type="submit" loading={save.isPending}>
            {item ? 'Save changes' : 'Add item'}
          </Button>
        </Group>
      </Stack>
    </SubmitForm>
  );
}

export function CatalogItemEditPage() {
  const { id } = useParams();
  const isNew = !id || id === 'new';
  const item = useCatalogItem(isNew ? undefined : id);
  useDocumentTitle(isNew ? 'New catalog item' : item.data ? `Edit ${item.data.name}` : 'Catalog item');
  if (!isNew && item.isPending) return <PageLoader label="Loading the item" />;
  if (!isNew && item.isError) return <ErrorState error={item.error} onRetry={() => item.refetch()} />;
  return (
    <Stack gap="md">
      <CrumbHeader
        to="/admin/catalog-items"
        label="Catalog items"
        here={isNew ? 'New' : item.data?.name}
        title={isNew ? 'New catalog item' : item.data?.name}
      />
      <Editor
        key={item.data ? `${item.data.id}-${item.data.version}` : 'new'}
        item={isNew ? undefined : item.data}
      />
    </Stack>
  );
}
