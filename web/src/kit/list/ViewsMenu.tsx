/**
 * Saved views of a list: pick one (its filters, sort and columns replace the current ones),
 * save the current view under a name (personal or shared), and rename, share, update or delete
 * the view in use when the person may edit it.
 */
import { Button, Checkbox, Menu, Modal, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBookmark, IconChevronDown } from '@tabler/icons-react';
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import {
  type SavedView,
  useCreateView,
  useDeleteView,
  useSavedViews,
  useUpdateView,
} from '../../api/queries/views.ts';
import { ErrorAlert } from '../../components/States.tsx';
import { DialogActions } from '../form/DialogActions.tsx';
import { requiredError } from '../form/requiredError.ts';
import { SubmitForm } from '../form/SubmitForm.tsx';

type Props = {
  listKey: string;
  current: SavedView | undefined;
  /** The current filters and sort as a query string, and the shown columns. */
  snapshot: () => { query: string; columns: string[] };
  onPick: (view: SavedView | null) => void;
};

function NameDialog({
  opened,
  title,
  initial,
  withShare,
  onClose,
  onSave,
  error,
  saving,
}: {
  opened: boolean;
  title: string;
  initial: string;
  withShare: boolean;
  onClose: () => void;
  onSave: (name: string, shared: boolean) => void;
  error: unknown;
  saving: boolean;
}) {
  const [name, setName] = useState(initial);
  const [shared, setShared] = useState(false);
  const [touched, setTouched] = useState(false);
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="sm">
      <SubmitForm
        onSubmit={() => {
          setTouched(true);
          if (name.trim()) onSave(name.trim(), shared);
        }}
      >
        <Stack>
          <ErrorAlert error={error} title="The view was not saved" />
          <TextInput
            label="Name"
            required
            maxLength={80}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={requiredError(touched, name, 'Name the view')}
            data-autofocus
          />
          {withShare && (
            <Checkbox
              label="Share with everyone who can see this list"
              checked={shared}
              onChange={(e) => setShared(e.currentTarget.checked)}
            />
          )}
          <DialogActions onCancel={onClose} submitLabel="Save" pending={saving} />
        </Stack>
      </SubmitForm>
    </Modal>
  );
}

export function ViewsMenu({ listKey, current, snapshot, onPick }: Props) {
  const views = useSavedViews(listKey);
  const create = useCreateView();
  const update = useUpdateView();
  const remove = useDeleteView(listKey);
  const [dialog, setDialog] = useState<'save' | 'rename' | null>(null);
  const items = views.data?.items ?? [];
  const mine = items.filter((v) => !v.shared);
  const shared = items.filter((v) => v.shared);
  const fail = (what: string) => (err: unknown) =>
    notifications.show({ color: 'red', title: what, message: errorMessage(err) });
  const close = () => {
    setDialog(null);
    create.reset();
    update.reset();
  };

  return (
    <>
      <Menu position="bottom-start" shadow="md" withinPortal>
        <Menu.Target>
          <Button
            variant="default"
            leftSection={<IconBookmark size={16} aria-hidden />}
            rightSection={<IconChevronDown size={14} aria-hidden />}
          >
            {current ? current.name : 'Views'}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {current && <Menu.Item onClick={() => onPick(null)}>Default view</Menu.Item>}
          {mine.length > 0 && <Menu.Label>My views</Menu.Label>}
          {mine.map((v) => (
            <Menu.Item key={v.id} onClick={() => onPick(v)}>
              {v.name}
            </Menu.Item>
          ))}
          {shared.length > 0 && <Menu.Label>Shared views</Menu.Label>}
          {shared.map((v) => (
            <Menu.Item key={v.id} onClick={() => onPick(v)}>
              {v.name}
            </Menu.Item>
          ))}
          {views.isError && <Menu.Label>Views could not be loaded</Menu.Label>}
          <Menu.Divider />
          <Menu.Item onClick={() => setDialog('save')}>Save current view…</Menu.Item>
          {current?.canEdit && (
            <>
              <Menu.Item
                onClick={() =>
                  update.mutate(
                    { id: current.id, patch: snapshot() },
                    {
                      onSuccess: (v) =>
                        notifications.show({ color: 'teal', message: `View “${v.name}” updated.` }),
                      onError: fail('The view was not updated'),
                    },
                  )
                }
              >
                Update “{current.name}” with the current filters
              </Menu.Item>
              <Menu.Item onClick={() => setDialog('rename')}>Rename…</Menu.Item>
              <Menu.Item
                onClick={() =>
                  update.mutate(
                    { id: current.id, patch: { shared: !current.shared } },
                    { onError: fail('The view was not changed') },
                  )
                }
              >
                {current.shared ? 'Stop sharing' : 'Share with everyone'}
              </Menu.Item>
              <Menu.Item
                color="red"
                onClick={() =>
                  remove.mutate(current.id, {
                    onSuccess: () => onPick(null),
                    onError: fail('The view was not deleted'),
                  })
                }
              >
                Delete “{current.name}”
              </Menu.Item>
            </>
          )}
        </Menu.Dropdown>
      </Menu>
      {dialog === 'save' && (
        <NameDialog
          opened
          title="Save current view"
          initial=""
          withShare
          onClose={close}
          error={create.error}
          saving={create.isPending}
          onSave={(name, isShared) =>
            create.mutate(
              { list: listKey, name, shared: isShared, ...snapshot() },
              {
                onSuccess: (v) => {
                  close();
                  onPick(v);
                },
              },
            )
          }
        />
      )}
      {dialog === 'rename' && current && (
        <NameDialog
          opened
          title="Rename view"
          initial={current.name}
          withShare={false}
          onClose={close}
          error={update.error}
          saving={update.isPending}
          onSave={(name) => update.mutate({ id: current.id, patch: { name } }, { onSuccess: close })}
        />
      )}
    </>
  );
}
