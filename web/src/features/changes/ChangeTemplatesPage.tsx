/** Standard change templates: the pre-approved changes; the change manager adds, edits and retires them. */
import {
  Anchor,
  Badge,
  Button,
  Group,
  NumberInput,
  Select,
  Switch,
  Table,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { type ChangeTemplateView, useChangeTemplates, useSaveTemplate } from '../../api/queries/changes.ts';
import { useMe } from '../../auth/session.tsx';
import { EmptyState, ErrorAlert } from '../../components/States.tsx';
import { FormDialog } from '../../kit/form/FormDialog.tsx';
import { useDraftForm } from '../../kit/form/useDraftForm.ts';
import { TablePage } from '../../kit/list/TablePage.tsx';
import { NewButton } from '../../kit/nav/NewButton.tsx';
import { isChangeManager, RISK_COLORS } from './labels.ts';

export function ChangeTemplatesPage() {
  const me = useMe();
  const templates = useChangeTemplates('all');
  const [editing, setEditing] = useState<ChangeTemplateView | 'new' | null>(null);
  const manager = isChangeManager(me);
  return (
    <>
      <TablePage
        title="Standard change templates"
        description="Pre-approved changes: raised from a template, they skip assessment and the CAB."
        actions={manager && <NewButton onClick={() => setEditing('new')}>New template</NewButton>}
        query={templates}
        label="Loading templates"
        rows={(data) => data.items}
        empty={
          <EmptyState title="No templates yet">
            Add the changes your teams make the same way every time.
          </EmptyState>
        }
        errorAlert="Could not load the templates"
        striped
        aria-label="Templates"
        columns={['Name', 'Risk', 'Duration', 'Status', 'Actions']}
        cells={(t) => (
          <>
            <Table.Td>{t.name}</Table.Td>
            <Table.Td>
              <Badge variant="light" color={RISK_COLORS[t.riskLevel]}>
                {t.riskLevel}
              </Badge>
            </Table.Td>
            <Table.Td>{t.durationMinutes} min</Table.Td>
            <Table.Td>{t.active ? 'Active' : 'Retired'}</Table.Td>
            <Table.Td>
              <Group gap="xs">
                {t.active && (
                  <Anchor component={Link} to={`/changes/new?type=standard&template=${t.id}`} size="sm">
                    Raise
                  </Anchor>
                )}
                {manager && (
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    onClick={() => setEditing(t)}
                    aria-label={`Edit ${t.name}`}
                  >
                    Edit
                  </Button>
                )}
              </Group>
            </Table.Td>
          </>
        )}
      />
      {editing && (
        <TemplateDialog template={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </>
  );
}

type TemplateDraft = {
  name: string;
  description: string;
  implementationPlan: string;
  backoutPlan: string;
  testPlan: string;
  riskLevel: 'low' | 'medium' | 'high';
  durationMinutes: number;
  active: boolean;
};

const templateDraft = (t: ChangeTemplateView | null): TemplateDraft => ({
  name: t?.name ?? '',
  description: t?.description ?? '',
  implementationPlan: t?.implementationPlan ?? '',
  backoutPlan: t?.backoutPlan ?? '',
  testPlan: t?.testPlan ?? '',
  riskLevel: t?.riskLevel ?? 'low',
  durationMinutes: t?.durationMinutes ?? 60,
  active: t?.active ?? true,
});

function TemplateDialog({ template, onClose }: { template: ChangeTemplateView | null; onClose: () => void }) {
  const save = useSaveTemplate(template);
  const form = useDraftForm(templateDraft(template), { toBody: (d) => d, error: save.error });
  return (
    <FormDialog
      title={template ? `Edit ${template.name}` : 'New standard change template'}
      onClose={onClose}
      onSubmit={() =>
        save.mutate(form.body, {
          onSuccess: () => {
            notifications.show({ color: 'teal', message: 'Template saved' });
            onClose();
          },
        })
      }
      size="lg"
      gap="sm"
      submitLabel="Save"
      pending={save.isPending}
    >
      <TextInput label="Name" required {...form.text('name', { max: 'titleMax' })} />
      <Textarea label="Description" autosize minRows={2} {...form.text('description')} />
      <Textarea
        label="Implementation plan"
        required
        autosize
        minRows={2}
        {...form.text('implementationPlan')}
      />
      <Textarea label="Back-out plan" required autosize minRows={2} {...form.text('backoutPlan')} />
      <Textarea label="Test plan" autosize minRows={1} {...form.text('testPlan')} />
      <Group grow>
        <Select
          label="Risk"
          data={['low', 'medium', 'high']}
          {...form.choice('riskLevel', { fallback: 'low' })}
          allowDeselect={false}
        />
        <NumberInput
          label="Duration (minutes)"
          min={5}
          max={10080}
          value={form.draft.durationMinutes}
          onChange={(v) => form.set('durationMinutes', Number(v) || 60)}
          error={form.errors.durationMinutes}
        />
      </Group>
      <Switch label="Active (offered for new standard changes)" {...form.toggle('active')} />
      <ErrorAlert error={save.error} title="Could not save the template" />
    </FormDialog>
  );
}
