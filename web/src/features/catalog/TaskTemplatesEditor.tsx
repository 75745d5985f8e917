/** Edit the fulfilment tasks an order creates: same step runs in parallel, higher steps wait. */
import { Group, NumberInput, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { TaskTemplate } from '../../api/queries/requests.ts';
import { GroupSelect } from '../../components/Pickers.tsx';
import { ItemsEditor } from '../../kit/form/ItemFieldset.tsx';

type Err = (path: string) => string | undefined;

/** "Step 1: 2 tasks in parallel", for a summary under the editor. */
function planText(templates: TaskTemplate[]): string {
  const steps = [...new Set(templates.map((t) => t.order))].sort((a, b) => a - b);
  return steps
    .map((s) => {
      const n = templates.filter((t) => t.order === s).length;
      return `step ${s}: ${n === 1 ? '1 task' : `${n} tasks in parallel`}`;
    })
    .join(', then ');
}

export function TaskTemplatesEditor({
  templates,
  onChange,
  err,
}: {
  templates: TaskTemplate[];
  onChange: (t: TaskTemplate[]) => void;
  err: Err;
}) {
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {templates.length === 0
          ? 'No tasks: an order is fulfilled as soon as it is approved.'
          : `Plan: ${planText(templates)}. Tasks with the same step run in parallel; the next step starts when all earlier tasks are finished.`}
      </Text>
      <ItemsEditor
        items={templates}
        onChange={onChange}
        name="task"
        max={20}
        newItem={(): TaskTemplate => ({
          title: '',
          groupId: '',
          order: Math.max(0, ...templates.map((x) => x.order)) + 1,
        })}
        addLabel="Add task"
      >
        {(t, i, update) => (
          <>
            <Group gap="xs" align="flex-start" wrap="wrap">
              <TextInput
                label="Task title"
                required
                value={t.title}
                onChange={(e) => update({ ...t, title: e.currentTarget.value })}
                error={err(`taskTemplates.${i}.title`)}
                style={{ flex: '2 1 240px' }}
              />
              <GroupSelect
                label="Group"
                required
                value={t.groupId || null}
                onChange={(v) => update({ ...t, groupId: v ?? '' })}
                error={err(`taskTemplates.${i}.groupId`)}
                style={{ flex: '1 1 200px' }}
              />
              <NumberInput
                label="Step"
                min={1}
                max={99}
                required
                value={t.order}
                onChange={(v) => update({ ...t, order: typeof v === 'number' ? v : 1 })}
                error={err(`taskTemplates.${i}.order`)}
                w={100}
              />
            </Group>
            <Textarea
              label="Instructions"
              autosize
              minRows={2}
              value={t.description ?? ''}
              onChange={(e) => update({ ...t, description: e.currentTarget.value })}
            />
          </>
        )}
      </ItemsEditor>
    </Stack>
  );
}
