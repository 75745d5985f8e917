/**
 * Lifecycle buttons from a record's `transitions`, for every record type: a step that needs
 * nothing runs at once; one that requires a comment, a resolution or an assignee opens a dialog
 * that insists on them. A 412 (someone else moved the record first) goes to `onStale`.
 */
import { Alert, Button, Group, Modal, Select, Stack, Switch, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { UseMutationResult } from '@tanstack/react-query';
import { useState } from 'react';
import { LIMITS } from '../../../../src/shared/limits.ts';
import { ApiError } from '../../api/client.ts';
import type { TransitionOption } from '../../api/types.ts';
import { ErrorAlert } from '../../components/States.tsx';
import { fieldErrorsOf } from '../../lib/forms.ts';
import { humanize } from '../../lib/labels.ts';
import { DialogActions } from '../form/DialogActions.tsx';
import { SubmitForm } from '../form/SubmitForm.tsx';
import type { RecordView, StepInput } from './types.ts';
import { whenStaleOrFailed } from './whenStale.ts';

export type StepRun = UseMutationResult<RecordView, Error, StepInput>;

/** The group the "t" shortcut moves the focus into. */
export const TRANSITIONS_ID = 'record-transitions';

/** Colours with enough contrast for white text on a filled button. */
const COLORS: Record<string, string> = { canceled: 'red.9' };

type Common = {
  rec: RecordView;
  run: StepRun;
  /** What the record is called in messages ("incident", "task"). */
  noun: string;
  /** The choices for a resolution code, when a step of this type may ask for one. */
  resolutionCodes?: readonly string[];
  onStale: () => void;
  /** After any step succeeded (e.g. to refresh related records). */
  onDone?: (rec: RecordView) => void;
};

const moved = (r: RecordView) =>
  notifications.show({ color: 'teal', message: `${r.number} is now ${r.stateLabel.toLowerCase()}` });

/** A step dialog's save error: when the record changed underneath, close the dialog and say so. */
export const closeWhenStale = (onClose: () => void, onStale: () => void) => (e: unknown) => {
  if (e instanceof ApiError && e.isStale) {
    onClose();
    onStale();
  }
};

function StepDialog({
  rec,
  run,
  noun,
  resolutionCodes = [],
  step,
  onClose,
  onStale,
  onDone,
}: Common & { step: TransitionOption; onClose: () => void }) {
  const needs = new Set(step.requires);
  const canInternal = rec.allowedActions.includes('comment_internal');
  const [code, setCode] = useState<string | null>(null);
  const [notes, setNotes] = useState('');
  const [comment, setComment] = useState('');
  const [internal, setInternal] = useState(false);
  const [touched, setTouched] = useState(false);
  const server = fieldErrorsOf(run.error);

  const missing = (field: 'resolutionCode' | 'resolutionNotes' | 'comment', value: string | null) =>
    touched && needs.has(field) && !value?.trim() ? 'Required for this step' : undefined;
  const needsAssignee = needs.has('assigneeId') && !rec.assignee;
  const showsResolution = needs.has('resolutionCode') || needs.has('resolutionNotes');

  const submit = () => {
    setTouched(true);
    const incomplete =
      (needs.has('resolutionCode') && !code) ||
      (needs.has('resolutionNotes') && !notes.trim()) ||
      (needs.has('comment') && !comment.trim());
    if (incomplete || needsAssignee) return;
    run.mutate(
      {
        to: step.key,
        ...(code ? { resolutionCode: code } : {}),
        ...(notes.trim() ? { resolutionNotes: notes } : {}),
        ...(comment.trim()
          ? { comment, commentVisibility: internal && canInternal ? 'internal' : 'public' }
          : {}),
      },
      {
        onSuccess: (r) => {
          onDone?.(r);
          moved(r);
          onClose();
        },
        onError: closeWhenStale(onClose, onStale),
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={`${step.label}: ${rec.number}`} size="lg">
      <SubmitForm onSubmit={submit}>
        <Stack>
          {needsAssignee && (
            <Alert color="orange" role="alert">
              Assign the {noun} to someone before you “{step.label}”.
            </Alert>
          )}
          {showsResolution && (
            <Select
              label="Resolution code"
              placeholder="How was it resolved?"
              required={needs.has('resolutionCode')}
              data={resolutionCodes.map((c) => ({ value: c, label: humanize(c) }))}
              value={code}
              onChange={setCode}
              error={missing('resolutionCode', code) ?? server.resolutionCode}
            />
          )}
          {showsResolution && (
            <Textarea
              label="Resolution notes"
              description="What was done; the requester sees these notes."
              required={needs.has('resolutionNotes')}
              autosize
              minRows={3}
              maxLength={LIMITS.resolutionNotesMax}
              value={notes}
              onChange={(e) => setNotes(e.currentTarget.value)}
              error={missing('resolutionNotes', notes) ?? server.resolutionNotes}
            />
          )}
          <Textarea
            label={needs.has('comment') ? 'Comment' : 'Comment (optional)'}
            description={needs.has('comment') ? 'Say why; it is added to the activity.' : undefined}
            required={needs.has('comment')}
            autosize
            minRows={2}
            maxLength={LIMITS.commentMax}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            error={missing('comment', comment) ?? server.comment}
          />
          {canInternal && (
            <Switch
              label="Post the comment as an internal note"
              checked={internal}
              onChange={(e) => setInternal(e.currentTarget.checked)}
            />
          )}
          <ErrorAlert error={run.error} title={`Could not ${step.label.toLowerCase()}`} />
          <DialogActions
            onCancel={onClose}
            submitLabel={step.label}
            pending={run.isPending}
            color={COLORS[step.to]}
          />
        </Stack>
      </SubmitForm>
    </Modal>
  );
}

export function TransitionBar(props: Common) {
  const { rec, run, onStale, onDone } = props;
  const [open, setOpen] = useState<TransitionOption | null>(null);
  if (rec.transitions.length === 0) return null;
  const take = (t: TransitionOption) => {
    if (t.requires.length > 0) {
      run.reset();
      setOpen(t);
      return;
    }
    run.mutate(
      { to: t.key },
      {
        onSuccess: (r) => {
          onDone?.(r);
          moved(r);
        },
        onError: whenStaleOrFailed(onStale, `Could not ${t.label.toLowerCase()}`),
      },
    );
  };
  return (
    <>
      <Group gap="xs" role="group" aria-label="Lifecycle actions" id={TRANSITIONS_ID}>
        {rec.transitions.map((t, i) => (
          <Button
            key={t.key}
            variant={i === 0 && t.to !== 'canceled' ? 'filled' : 'default'}
            color={i === 0 ? COLORS[t.to] : undefined}
            onClick={() => take(t)}
            loading={run.isPending && run.variables?.to === t.key}
            disabled={run.isPending && run.variables?.to !== t.key}
          >
            {t.requires.length > 0 ? `${t.label}…` : t.label}
          </Button>
        ))}
      </Group>
      {open && <StepDialog {...props} step={open} onClose={() => setOpen(null)} />}
    </>
  );
}
