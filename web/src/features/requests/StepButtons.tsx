/** Lifecycle buttons for requests and fulfilment tasks, with a comment dialog where a step needs one. */
import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { UseMutationResult } from '@tanstack/react-query';
import { useState } from 'react';
import { LIMITS } from '../../../../src/shared/limits.ts';
import { ApiError, errorMessage } from '../../api/client.ts';
import type { RecordSummary } from '../../api/queries/requests.ts';
import type { TransitionOption } from '../../api/types.ts';
import { ErrorAlert } from '../../components/States.tsx';

export type StepInput = { to: string; comment?: string; commentVisibility?: 'public' | 'internal' };
type Run<T extends RecordSummary> = UseMutationResult<T, Error, StepInput>;

const COLORS: Record<string, string> = { canceled: 'red.9' };

function CommentDialog<T extends RecordSummary>({
  number,
  step,
  run,
  onClose,
  onStale,
}: {
  number: string;
  step: TransitionOption;
  run: Run<T>;
  onClose: () => void;
  onStale: () => void;
}) {
  const [comment, setComment] = useState('');
  const [touched, setTouched] = useState(false);
  const missing = touched && !comment.trim() ? 'Say why; it is added to the activity.' : undefined;
  return (
    <Modal opened onClose={onClose} title={`${step.label}: ${number}`}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setTouched(true);
          if (!comment.trim()) return;
          run.mutate(
            { to: step.key, comment, commentVisibility: 'public' },
            {
              onSuccess: (r) => {
                notifications.show({
                  color: 'teal',
                  message: `${r.number} is now ${r.stateLabel.toLowerCase()}`,
                });
                onClose();
              },
              onError: (e) => {
                if (e instanceof ApiError && e.isStale) {
                  onClose();
                  onStale();
                }
              },
            },
          );
        }}
      >
        <Stack>
          <Textarea
            label="Comment"
            required
            autosize
            minRows={3}
            maxLength={LIMITS.commentMax}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            error={missing}
          />
          <ErrorAlert error={run.error} title={`Could not ${step.label.toLowerCase()}`} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Back
            </Button>
            <Button type="submit" loading={run.isPending} color={COLORS[step.to]}>
              {step.label}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function StepButtons<T extends RecordSummary>({
  rec,
  run,
  onStale,
}: {
  rec: RecordSummary;
  run: Run<T>;
  onStale: () => void;
}) {
  const [open, setOpen] = useState<TransitionOption | null>(null);
  if (rec.transitions.length === 0) return null;
  const take = (t: TransitionOption) => {
    if (t.requires.includes('comment')) {
      run.reset();
      setOpen(t);
      return;
    }
    run.mutate(
      { to: t.key },
      {
        onSuccess: (r) =>
          notifications.show({ color: 'teal', message: `${r.number} is now ${r.stateLabel.toLowerCase()}` }),
        onError: (e) => {
          if (e instanceof ApiError && e.isStale) onStale();
          else
            notifications.show({
              color: 'red',
              title: `Could not ${t.label.toLowerCase()}`,
              message: errorMessage(e),
            });
        },
      },
    );
  };
  return (
    <>
      <Group gap="xs" role="group" aria-label="Lifecycle actions">
        {rec.transitions.map((t, i) => (
          <Button
            key={t.key}
            variant={i === 0 && t.to !== 'canceled' ? 'filled' : 'default'}
            onClick={() => take(t)}
            loading={run.isPending && run.variables?.to === t.key}
            disabled={run.isPending && run.variables?.to !== t.key}
          >
            {t.requires.includes('comment') ? `${t.label}…` : t.label}
          </Button>
        ))}
      </Group>
      {open && (
        <CommentDialog
          number={rec.number}
          step={open}
          run={run}
          onClose={() => setOpen(null)}
          onStale={onStale}
        />
      )}
    </>
  );
}
