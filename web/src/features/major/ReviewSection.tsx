/** The post-incident review: summary, root cause, lessons learned and follow-up actions with owners and dates. */
import { Button, Group, List, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { LIMITS } from '../../../../src/shared/limits.ts';
import { useUserNames } from '../../api/queries/directory.ts';
import {
  type MajorIncidentView,
  type PostIncidentReview,
  type ReviewAction,
  useSaveReview,
} from '../../api/queries/process.ts';
import type { Incident } from '../../api/types.ts';
import { useMe } from '../../auth/session.tsx';
import { ErrorAlert } from '../../components/States.tsx';
import { TrashButton } from '../../kit/detail/RemoveButton.tsx';
import { Fact } from '../../kit/detail/Section.tsx';
import { DialogActions } from '../../kit/form/DialogActions.tsx';
import { requiredError } from '../../kit/form/requiredError.ts';
import { SubmitForm } from '../../kit/form/SubmitForm.tsx';
import { fieldErrorsOf } from '../../lib/forms.ts';
import { Time } from '../../lib/time.tsx';
import { UserIdPicker } from '../automation/ValueInput.tsx';
import { mayDeclareMajor } from './DeclareMajorButton.tsx';

const EMPTY: PostIncidentReview = { summary: '', rootCause: '', lessonsLearned: '', actions: [] };

/** The review's prose, in order: what the read view shows and the form asks for. */
const PROSE = [
  { key: 'summary', label: 'Summary', required: true },
  { key: 'rootCause', label: 'Root cause', required: true },
  { key: 'lessonsLearned', label: 'Lessons learned', required: false },
] as const;

function ReviewRead({ review, reviewedAt }: { review: PostIncidentReview; reviewedAt: string | null }) {
  const owners = useUserNames(review.actions.map((a) => a.ownerId).filter((x): x is string => !!x));
  return (
    <Stack gap="xs">
      <Text size="xs" c="dimmed">
        Written <Time iso={reviewedAt} size="xs" />
      </Text>
      {PROSE.map((f) => (
        <Fact key={f.key} label={f.label}>
          <span className="pre-wrap">{review[f.key] || '—'}</span>
        </Fact>
      ))}
      {review.actions.length > 0 && (
        <Fact label="Actions">
          <List size="sm">
            {review.actions.map((a, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: review actions are a plain ordered list
              <List.Item key={i}>
                {a.description}
                {a.ownerId ? ` — ${owners.get(a.ownerId) ?? '…'}` : ''}
                {a.dueDate ? `, due ${a.dueDate}` : ''}
              </List.Item>
            ))}
          </List>
        </Fact>
      )}
    </Stack>
  );
}

function ReviewForm({
  rec,
  initial,
  onDone,
}: {
  rec: Incident;
  initial: PostIncidentReview;
  onDone: () => void;
}) {
  const save = useSaveReview(rec);
  const [review, setReview] = useState<PostIncidentReview>(() => structuredClone(initial));
  const [touched, setTouched] = useState(false);
  const server = fieldErrorsOf(save.error);
  const setAction = (i: number, patch: Partial<ReviewAction>) =>
    setReview((r) => ({ ...r, actions: r.actions.map((a, j) => (j === i ? { ...a, ...patch } : a)) }));
  const required = (v: string) => requiredError(touched, v, 'Required');
  return (
    <SubmitForm
      onSubmit={() => {
        setTouched(true);
        if (
          PROSE.some((f) => f.required && !review[f.key].trim()) ||
          review.actions.some((a) => !a.description.trim())
        )
          return;
        save.mutate(review, {
          onSuccess: () => {
            notifications.show({ color: 'teal', message: 'Post-incident review saved' });
            onDone();
          },
        });
      }}
    >
      <Stack gap="sm">
        {PROSE.map((f) => (
          <Textarea
            key={f.key}
            label={f.label}
            required={f.required}
            autosize
            minRows={2}
            maxLength={LIMITS.descriptionMax}
            value={review[f.key]}
            onChange={(e) => setReview({ ...review, [f.key]: e.currentTarget.value })}
            error={f.required ? (required(review[f.key]) ?? server[f.key]) : undefined}
          />
        ))}
        <Text size="sm" fw={500}>
          Follow-up actions
        </Text>
        {review.actions.map((a, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: review actions are a plain ordered list
          <Paper key={i} withBorder p="xs">
            <Group align="flex-start" gap="sm" wrap="nowrap">
              <TextInput
                label={`Action ${i + 1}`}
                value={a.description}
                maxLength={1000}
                onChange={(e) => setAction(i, { description: e.currentTarget.value })}
                error={required(a.description)}
                style={{ flex: 2 }}
              />
              <div style={{ flex: 1 }}>
                <UserIdPicker
                  label={`Owner of action ${i + 1}`}
                  value={a.ownerId}
                  onChange={(ownerId) => setAction(i, { ownerId })}
                />
              </div>
              <TextInput
                type="date"
                label={`Due date of action ${i + 1}`}
                value={a.dueDate ?? ''}
                onChange={(e) => setAction(i, { dueDate: e.currentTarget.value || null })}
                w={170}
              />
              <TrashButton
                mt={28}
                label={`Remove action ${i + 1}`}
                onClick={() => setReview((r) => ({ ...r, actions: r.actions.filter((_, j) => j !== i) }))}
              />
            </Group>
          </Paper>
        ))}
        <Group justify="space-between">
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() =>
              setReview((r) => ({
                ...r,
                actions: [...r.actions, { description: '', ownerId: null, dueDate: null }],
              }))
            }
          >
            Add action
          </Button>
          <DialogActions onCancel={onDone} submitLabel="Save review" pending={save.isPending} gap="sm" />
        </Group>
        <ErrorAlert error={save.error} title="The review was not saved" />
      </Stack>
    </SubmitForm>
  );
}

export function ReviewSection({
  rec,
  view,
  finished,
}: {
  rec: Incident;
  view: MajorIncidentView;
  finished: boolean;
}) {
  const me = useMe();
  const [editing, setEditing] = useState(false);
  const major = view.major;
  if (!major) return null;
  const mayWrite = me.id === major.coordinatorId || mayDeclareMajor(me);
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3} size="h5">
          Post-incident review
        </Title>
        {finished && mayWrite && !editing && (
          <Button size="xs" variant="light" onClick={() => setEditing(true)}>
            {major.review ? 'Edit review' : 'Write review'}
          </Button>
        )}
      </Group>
      {editing ? (
        <ReviewForm rec={rec} initial={major.review ?? EMPTY} onDone={() => setEditing(false)} />
      ) : major.review ? (
        <ReviewRead review={major.review} reviewedAt={major.reviewedAt} />
      ) : (
        <Text size="sm" c="dimmed">
          {finished ? 'Not written yet.' : 'Written after the incident is resolved.'}
        </Text>
      )}
    </Stack>
  );
}
