/** Standard change templates: the pre-approved changes; the change manager adds, edits and retires them. */
import {
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  Paper,
  Select,
  Stack,
  Switch,
  Table,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { LIMITS } from '../../../../src/shared/limits.ts';
import { type ChangeTemplateView, useChangeTemplates, useSaveTemplate } from '../../api/queries/changes.ts';
import { useMe } from '../../auth/session.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState, ErrorAlert, PageLoader } from '../../components/States.tsx';
import { SubmitForm } from '../../kit/form/SubmitForm.tsx';
import { DataTable } from '../../kit/list/DataTable.tsx';
import { fieldErrorsOf } from '../../lib/forms.ts';
import { isChangeManager, RISK_COLORS } from './labels.ts';

export function ChangeTemplatesPage() {
  const me = useMe();
  const templates = useChangeTemplates('all');
  const [editing, setEditing] = useState<ChangeTemplateView | 'new' | null>(null);
  const manager = isChangeManager(me);
  return (
    <Stack gap="lg">
      <PageHeader
        title="Standard change templates"
        description="Pre-approved changes: raised from a template, they skip assessment and the CAB."
        actions={
          manager && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
              New template
            </Button>
          )
        }
      />
      <ErrorAlert error={templates.error} title="Could not load the templates" />
      {templates.isPending ? (
        <PageLoader label="Loading templates" />
      ) : (templates.data?.items.length ?? 0) === 0 ? (
        <EmptyState title="No templates yet">
          Add the changes your teams make the same way every time.
        </EmptyState>
      ) : (
        <Paper withBorder>
          <DataTable
            striped
            aria-label="Templates"
            columns={['Name', 'Risk', 'Duration', 'Status', 'Actions']}
          >
            {templates.data?.items.map((t) => (
              <Table.Tr key={t.id}>
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
              </Table.Tr>
            ))}
          </DataTable>
        </Paper>
      )}
      {editing && (
        <TemplateDialog template={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </Stack>
  );
}

function TemplateDialog({ template, onClose }: { template: ChangeTemplateView | null; onClose: () => void }) {
  const save = useSaveTemplate(template);
  const [name, setName] = useState(template?.name ?? '');
  const [description, setDescription] = useState(template?.description ?? '');
  const [impl, setImpl] = useState(template?.implementationPlan ?? '');
  const [backout, setBackout] = useState(template?.backoutPlan ?? '');
  const [test, setTest] = useState(template?.testPlan ?? '');
  const [risk, setRisk] = useState<string>(template?.riskLevel ?? 'low');
  const [duration, setDuration] = useState<number>(template?.durationMinutes ?? 60);
  const [active, setActive] = useState(template?.active ?? true);
  const errors = fieldErrorsOf(save.error);
  return (
    <Modal
      opened
      onClose={onClose}
      title={template ? `Edit ${template.name}` : 'New standard change template'}
      size="lg"
    >
      <SubmitForm
        onSubmit={() => {
          save.mutate(
            {
              name,
              description,
              implementationPlan: impl,
              backoutPlan: backout,
              testPlan: test,
              riskLevel: risk as 'low' | 'medium' | 'high',
              durationMinutes: duration,
              active,
            },
            {
              onSuccess: () => {
                notifications.show({ color: 'teal', message: 'Template saved' });
                onClose();
              },
            },
          );
        }}
      >
        <Stack gap="sm">
          <TextInput
            label="Name"
            required
            maxLength={LIMITS.titleMax}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
          />
          <Textarea
            label="Description"
            autosize
            minRows={2}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
          />
          <Textarea
            label="Implementation plan"
            required
            autosize
            minRows={2}
            value={impl}
            onChange={(e) => setImpl(e.currentTarget.value)}
            error={errors.implementationPlan}
          />
          <Textarea
            label="Back-out plan"
            required
            autosize
            minRows={2}
            value={backout}
            onChange={(e) => setBackout(e.currentTarget.value)}
            error={errors.backoutPlan}
          />
          <Textarea
            label="Test plan"
            autosize
            minRows={1}
            value={test}
            onChange={(e) => setTest(e.currentTarget.value)}
          />
          <Group grow>
            <Select
              label="Risk"
              data={['low', 'medium', 'high']}
              value={risk}
              onChange={(v) => setRisk(v ?? 'low')}
              allowDeselect={false}
            />
            <NumberInput
              label="Duration (minutes)"
              min={5}
              max={10080}
              value={duration}
              onChange={(v) => setDuration(Number(v) || 60)}
              error={errors.durationMinutes}
            />
          </Group>
          <Switch
            label="Active (offered for new standard changes)"
            checked={active}
            onChange={(e) => setActive(e.currentTarget.checked)}
          />
          <ErrorAlert error={save.error} title="Could not save the template" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </SubmitForm>
    </Modal>
  );
}
