/** Categories and their subcategories for a process; an empty list lets people type any category. */
import { Button, Group, Paper, Stack, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import {
  type CategoriesDoc,
  type Category,
  PROCESS_LABELS,
  useCategories,
  useSaveCategories,
} from '../../api/queries/process.ts';
import { EmptyState } from '../../components/States.tsx';
import { TrashButton } from '../../kit/detail/RemoveButton.tsx';
import { patchAt, removeAt } from '../../kit/form/listEdits.ts';
import { ResetSaveButtons } from '../../kit/form/ResetSaveButtons.tsx';
import { SubmitForm } from '../../kit/form/SubmitForm.tsx';
import { type DocEditorProps, processDocPanel } from './ProcessDoc.tsx';
import { SaveProblems } from './SaveProblems.tsx';

function Editor({ process, doc, canEdit, onReload }: DocEditorProps<CategoriesDoc>) {
  const save = useSaveCategories(process, doc.version);
  const [cats, setCats] = useState<Category[]>(() => structuredClone(doc.categories));
  const dirty = JSON.stringify(cats) !== JSON.stringify(doc.categories);
  const set = (i: number, patch: Partial<Category>) => setCats((cur) => patchAt(cur, i, patch));
  const blank = cats.some((c) => !c.name.trim());

  return (
    <Paper p="lg">
      <SubmitForm
        onSubmit={() => {
          save.mutate(
            cats.map((c) => ({ name: c.name.trim(), subcategories: c.subcategories.map((s) => s.trim()) })),
            {
              onSuccess: () =>
                notifications.show({ color: 'teal', message: `${PROCESS_LABELS[process]} categories saved` }),
            },
          );
        }}
      >
        <Stack gap="md">
          <Title order={2} size="h4">
            Categories
          </Title>
          <Text size="sm" c="dimmed">
            While the list is empty, any category text is accepted. Once defined, records must use a listed
            category (and, when it has subcategories, one of them).
          </Text>
          <SaveProblems
            error={save.error}
            what="The category list"
            title="The categories were not saved"
            onReload={onReload}
          />
          {cats.length === 0 && <EmptyState title="No categories">Any category text is accepted.</EmptyState>}
          {cats.map((c, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: categories are renamed in place
            <Group key={i} align="flex-start" gap="sm" wrap="nowrap">
              <TextInput
                label={`Category ${i + 1}`}
                value={c.name}
                readOnly={!canEdit}
                maxLength={80}
                onChange={(e) => set(i, { name: e.currentTarget.value })}
                error={!c.name.trim() ? 'Enter a name' : undefined}
                w={240}
              />
              <TagsInput
                label={`Subcategories of ${c.name || `category ${i + 1}`}`}
                description="Press Enter after each"
                value={c.subcategories}
                readOnly={!canEdit}
                onChange={(subcategories) => set(i, { subcategories })}
                style={{ flex: 1 }}
              />
              {canEdit && (
                <TrashButton
                  mt={28}
                  label={`Remove category ${c.name || i + 1}`}
                  onClick={() => setCats((cur) => removeAt(cur, i))}
                />
              )}
            </Group>
          ))}
          {canEdit && (
            <Group justify="space-between">
              <Button
                variant="subtle"
                leftSection={<IconPlus size={14} />}
                onClick={() => setCats((cur) => [...cur, { name: '', subcategories: [] }])}
              >
                Add category
              </Button>
              <ResetSaveButtons
                dirty={dirty}
                onReset={() => setCats(structuredClone(doc.categories))}
                saveLabel="Save categories"
                pending={save.isPending}
                blocked={blank}
              />
            </Group>
          )}
        </Stack>
      </SubmitForm>
    </Paper>
  );
}

export const CategoriesEditor = processDocPanel(useCategories, 'Loading categories', Editor);
