/** Lifecycle buttons from the record's `transitions`, with a dialog for what a transition requires. */
import { Alert, Button, Group, Modal, Select, Stack, Switch, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { LIMITS } from '../../../../src/shared/limits.ts';
import { ApiError, errorMessage } from '../../api/client.ts';
import { useIncidentOptions, useTransition } from '../../api/queries/incidents.ts';
import type { Incident, TransitionOption } from '../../api/types.ts';
import { ErrorAlert } from '../../components/States.tsx';
import { fieldErrorsOf } from '../../lib/forms.ts';
import { humanize } from '../../lib/labels.ts';

/**
 * A transition can move related records too (resolving a parent resolves its children), so the
 * major-incident and parent/child views and other incidents are fetched again.
 */
function useFamilyRefresh() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: ['major'] });
    void qc.invalidateQueries({ queryKey: ['incidents', 'one'] });
  };
}

/** Colours with enough contrast for white text on a filled button. */
const COLORS: Record<string, string> = { canceled: 'red.9' };

function TransitionDialog({
  rec,
  transition,
  onClose,
  onStale,
}: {
  rec: Incident;
  transition: TransitionOption;
  onClose: () => void;
  onStale: () => void;
}) {
  const options = useIncidentOptions();
  const run = useTransition(rec);
  const refreshFamily = useFamilyRefresh();
  const needs = new Set(transition.requires);
  const canInternal = rec.allowedActions.includes('comment_internal');
  const [code, setCode] = useState<string | null>(null);
  const [notes, setNotes] = useState('');
  const [comment, setComment] = useState('');
  const [internal, setInternal] = useState(false);
  const [touched, setTouched] = useState(false);
  const server = fieldErrorsOf(run.error);

  const missing = (field: 'resolutionCode' | 'resolutionNotes' | 'comment', value: string | null) =>
    touched && needs.has(field) && !value?.trim() ? 'Required for this step' : undefined;
  const codeError = missing('resolutionCode', code) ?? server.resolutionCode;
  const notesError = missing('resolutionNotes', notes) ?? server.resolutionNotes;
  const commentError = missing('comment', comment) ?? server.comment;
  const needsAssignee = needs.has('assigneeId') && !rec.assignee;
  const showsResolution = needs.has('resolutionCode') || needs.has('resolutionNotes');

  const submit = () => {
    setTouched(true);
    if (
      (needs.has('resolutionCode') && !code) ||
      (needs.has('resolutionNotes') && !notes.trim()) ||
      (needs.has('comment') && !comment.trim()) ||
      needsAssignee
    )
      return;
    run.mutate(
      {
        to: transition.key,
        ...(code ? { resolutionCode: code } : {}),
        ...(notes.trim() ? { resolutionNotes: notes } : {}),
        ...(comment.trim()
          ? { comment, commentVisibility: internal && canInternal ? 'internal' : 'public' }
          : {}),
      },
      {
        onSuccess: (r) => {
          refreshFamily();
          notifications.show({ color: 'teal', message: `${r.number} is now ${r.stateLabel.toLowerCase()}` });
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
  };

  return (
    <Modal opened onClose={onClose} title={`${transition.label}: ${rec.number}`} size="lg">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack>
          {needsAssignee && (
            <Alert color="orange" role="alert">
              Assign the incident to someone before you “{transition.label}”.
            </Alert>
          )}
          {showsResolution && (
            <Select
              label="Resolution code"
              placeholder="How was it resolved?"
              required={needs.has('resolutionCode')}
              data={(options.data?.resolutionCodes ?? []).map((c) => ({ value: c, label: humanize(c) }))}
              value={code}
              onChange={setCode}
              error={codeError}
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
              error={notesError}
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
            error={commentError}
          />
          {canInternal && (
            <Switch
              label="Post the comment as an internal note"
              checked={internal}
              onChange={(e) => setInternal(e.currentTarget.checked)}
            />
          )}
          <ErrorAlert error={run.error} title={`Could not ${transition.label.toLowerCase()}`} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={run.isPending} color={COLORS[transition.to]}>
              {transition.label}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function TransitionBar({ rec, onStale }: { rec: Incident; onStale: () => void }) {
  const [open, setOpen] = useState<TransitionOption | null>(null);
  const run = useTransition(rec);
  const refreshFamily = useFamilyRefresh();
  if (rec.transitions.length === 0) return null;
  const take = (t: TransitionOption) => {
    if (t.requires.length > 0) {
      setOpen(t);
      return;
    }
    run.mutate(
      { to: t.key },
      {
        onSuccess: (r) => {
          refreshFamily();
          notifications.show({ color: 'teal', message: `${r.number} is now ${r.stateLabel.toLowerCase()}` });
        },
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
            variant={i === 0 ? 'filled' : 'default'}
            color={i === 0 ? COLORS[t.to] : undefined}
            onClick={() => take(t)}
            loading={run.isPending && run.variables?.to === t.key}
            disabled={run.isPending && run.variables?.to !== t.key}
          >
            {t.requires.length > 0 ? `${t.label}…` : t.label}
          </Button>
        ))}
      </Group>
      {open && (
        <TransitionDialog rec={rec} transition={open} onClose={() => setOpen(null)} onStale={onStale} />
      )}
    </>
  );
}
