/** Knowledge categories and their reviewers (service managers and administrators maintain them). */
import { Button, MultiSelect, Paper, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useUserSearch } from '../../api/queries/directory.ts';
import { type CategoryView, useCategories, useSaveCategory } from '../../api/queries/knowledge.ts';
import { userCan } from '../../auth/can.ts';
import { useMe } from '../../auth/session.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState, ErrorAlert } from '../../components/States.tsx';
import { Loaded } from '../../kit/detail/Loaded.tsx';
import { FormDialog } from '../../kit/form/FormDialog.tsx';
import { namedOption } from '../../kit/form/namedOptions.ts';
import { DataTable } from '../../kit/list/DataTable.tsx';
import { NewButton } from '../../kit/nav/NewButton.tsx';
import { fieldErrorsOf } from '../../lib/forms.ts';

function CategoryDialog({ category, onClose }: { category: CategoryView | null; onClose: () => void }) {
  const save = useSaveCategory(category ?? undefined);
  const [name, setName] = useState(category?.name ?? '');
  const [description, setDescription] = useState(category?.description ?? '');
  const [reviewers, setReviewers] = useState(category?.reviewers ?? []);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const found = useUserSearch({ q: debounced || undefined, active: true });
  const people = new Map(reviewers.map((r) => [r.id, r]));
  for (const u of found.data?.items ?? [])
    if (!people.has(u.id)) people.set(u.id, { id: u.id, name: u.name, email: u.email });
  const errors = fieldErrorsOf(save.error);
  return (
    <FormDialog
      title={category ? `Edit ${category.name}` : 'New category'}
      onClose={onClose}
      onSubmit={() => {
        save.mutate({ name, description, reviewerIds: reviewers.map((r) => r.id) }, { onSuccess: onClose });
      }}
      submitLabel={'Save'}
      pending={save.isPending}
    >
      <TextInput
        label="Name"
        required
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={errors.name}
      />
      <Textarea
        label="Description"
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
      />
      <MultiSelect
        label="Reviewers"
        description="They review and publish this category's articles."
        searchable
        searchValue={search}
        onSearchChange={setSearch}
        data={[...people.values()].map(namedOption)}
        value={reviewers.map((r) => r.id)}
        onChange={(ids) => setReviewers(ids.map((id) => people.get(id)!).filter(Boolean))}
        error={errors.reviewerIds}
      />
      <ErrorAlert error={save.error} title="Not saved" />
    </FormDialog>
  );
}

export function CategoriesPage() {
  const me = useMe();
  const canManage = userCan(me, 'knowledge.manage');
  const categories = useCategories();
  const [editing, setEditing] = useState<CategoryView | 'new' | null>(null);
  return (
    <Stack>
      <PageHeader
        title="Knowledge categories"
        description="Each category names the reviewers who publish its articles."
        actions={canManage && <NewButton onClick={() => setEditing('new')}>New category</NewButton>}
      />
      <Loaded query={categories} label="Loading categories">
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title="No categories yet">Create one to start writing articles.</EmptyState>
          ) : (
            <Paper p="md">
              <DataTable
                aria-label="Categories"
                columns={['Name', 'Reviewers', 'Articles', { label: 'Actions', hidden: true }]}
              >
                {data.items.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      <Text fw={600} size="sm">
                        {c.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {c.description}
                      </Text>
                    </Table.Td>
                    <Table.Td>{c.reviewers.map((r) => r.name).join(', ') || '—'}</Table.Td>
                    <Table.Td>{c.articleCount}</Table.Td>
                    <Table.Td>
                      {canManage && (
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => setEditing(c)}
                          aria-label={`Edit ${c.name}`}
                        >
                          Edit
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </DataTable>
            </Paper>
          )
        }
      </Loaded>
      {editing && (
        <CategoryDialog category={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </Stack>
  );
}
