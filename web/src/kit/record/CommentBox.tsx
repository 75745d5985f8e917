/**
 * Reply publicly or write an internal note (only when allowed), and attach files. The text area
 * has a fixed id so the record page's "c" shortcut can put the cursor in it.
 */
import { Button, FileButton, Group, Paper, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLock, IconMessage, IconPaperclip } from '@tabler/icons-react';
import { useState } from 'react';
import { LIMITS } from '../../../../src/shared/limits.ts';
import { useAddComment, useUploadAttachment } from '../../api/queries/records.ts';
import { ErrorAlert } from '../../components/States.tsx';
import { SubmitForm } from '../form/SubmitForm.tsx';
import { failedAs } from '../notifyFailure.ts';
import type { RecordView } from './types.ts';

export const COMMENT_BOX_ID = 'record-comment';

export function CommentBox({ rec, onSaved }: { rec: RecordView; onSaved?: () => void }) {
  const canPublic = rec.allowedActions.includes('comment_public');
  const canInternal = rec.allowedActions.includes('comment_internal');
  const canAttach = rec.allowedActions.includes('attach');
  const [body, setBody] = useState('');
  const [visibility, setVisibility] = useState<'public' | 'internal'>(canPublic ? 'public' : 'internal');
  const [touched, setTouched] = useState(false);
  const add = useAddComment(rec);
  const upload = useUploadAttachment(rec);
  if (!canPublic && !canInternal && !canAttach) return null;

  const internal = visibility === 'internal';
  const error =
    touched && !body.trim()
      ? 'Write something first'
      : body.length > LIMITS.commentMax
        ? `At most ${LIMITS.commentMax} characters`
        : undefined;

  const submit = () => {
    setTouched(true);
    if (!body.trim() || body.length > LIMITS.commentMax) return;
    add.mutate(
      { body, visibility },
      {
        onSuccess: () => {
          setBody('');
          setTouched(false);
          onSaved?.();
          notifications.show({ color: 'teal', message: internal ? 'Internal note added' : 'Comment added' });
        },
      },
    );
  };

  return (
    <Paper p="md" className={internal ? 'activity-internal' : undefined}>
      <SubmitForm onSubmit={submit}>
        <Stack gap="sm">
          {canPublic && canInternal && (
            <SegmentedControl
              aria-label="Comment visibility"
              value={visibility}
              onChange={(v) => setVisibility(v === 'internal' ? 'internal' : 'public')}
              data={[
                { value: 'public', label: 'Public reply' },
                { value: 'internal', label: 'Internal note' },
              ]}
              w="fit-content"
              size="xs"
            />
          )}
          {(canPublic || canInternal) && (
            <>
              <Textarea
                id={COMMENT_BOX_ID}
                label={internal ? 'Internal note' : 'Comment'}
                description={
                  internal
                    ? 'Only support staff see internal notes.'
                    : canInternal
                      ? 'The requester and watchers see this comment.'
                      : 'The service desk and anyone watching see your comment.'
                }
                placeholder={internal ? 'Notes for the team…' : 'Write a reply…'}
                autosize
                minRows={3}
                maxRows={12}
                value={body}
                onChange={(e) => setBody(e.currentTarget.value)}
                error={error}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit();
                }}
              />
              <ErrorAlert error={add.error} title="The comment was not saved" />
            </>
          )}
          <ErrorAlert error={upload.error} title="The file was not attached" />
          <Group justify="space-between">
            {canAttach ? (
              <FileButton
                onChange={(file) => {
                  if (!file) return;
                  upload.mutate(file, {
                    onSuccess: (a) => {
                      onSaved?.();
                      notifications.show({ color: 'teal', message: `${a.filename} attached` });
                    },
                    onError: failedAs(),
                  });
                }}
              >
                {(props) => (
                  <Button
                    {...props}
                    variant="default"
                    leftSection={<IconPaperclip size={16} />}
                    loading={upload.isPending}
                  >
                    Attach file
                  </Button>
                )}
              </FileButton>
            ) : (
              <span />
            )}
            {(canPublic || canInternal) && (
              <Group gap="xs">
                <Text size="xs" c="dimmed" visibleFrom="sm">
                  Ctrl+Enter to send
                </Text>
                <Button
                  type="submit"
                  loading={add.isPending}
                  color={internal ? 'yellow.4' : undefined}
                  autoContrast
                  leftSection={internal ? <IconLock size={16} /> : <IconMessage size={16} />}
                >
                  {internal ? 'Add internal note' : 'Add comment'}
                </Button>
              </Group>
            )}
          </Group>
        </Stack>
      </SubmitForm>
    </Paper>
  );
}
