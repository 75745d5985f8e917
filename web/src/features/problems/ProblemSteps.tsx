/**
 * The problem's lifecycle buttons: the record kit's bar for the plain steps, and two dialogs of
 * its own: resolving (with the offer to resolve the open incidents, whose requesters are told)
 * and closing (with the reason, unless a completed change is linked).
 */
import { Alert, Button, Checkbox, Select } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { LIMITS } from '../../../../src/shared/limits.ts';
import { type ProblemView, useProblemOptions, useProblemTransition } from '../../api/queries/problems.ts';
import type { TransitionOption } from '../../api/types.ts';
import { ErrorAlert } from '../../components/States.tsx';
import { FormDialog } from '../../kit/form/FormDialog.tsx';
import { DescriptionField } from '../../kit/form/NewRecordForm.tsx';
import { closeWhenStale, TransitionBar } from '../../kit/record/TransitionBar.tsx';
import { fieldErrorsOf } from '../../lib/forms.ts';
import { humanOptions } from '../../lib/labels.ts';

type Props = { rec: ProblemView; onStale: () => void };

const OWN_DIALOG = (t: TransitionOption, rec: ProblemView) =>
  t.to === 'resolved' || (t.to === 'closed' && rec.stateCategory === 'resolved');

function StepModal({ rec, step, onClose, onStale }: Props & { step: TransitionOption; onClose: () => void }) {
  const run = useProblemTransition(rec);
  const options = useProblemOptions();
  const resolving = step.to === 'resolved';
  const open = rec.incidents.filter((i) => i.stateCategory === 'open' || i.stateCategory === 'paused');
  const [code, setCode] = useState<string | null>(null);
  const [notes, setNotes] = useState('');
  const [reason, setReason] = useState('');
  const [alsoIncidents, setAlsoIncidents] = useState(open.length > 0);
  const errors = fieldErrorsOf(run.error);
  const submit = () =>
    run.mutate(
      resolving
        ? {
            to: step.key,
            resolutionCode: code ?? undefined,
            resolutionNotes: notes,
            resolveIncidents: alsoIncidents && open.length > 0,
          }
        : { to: step.key, ...(reason.trim() ? { closureReason: reason } : {}) },
      {
        onSuccess: (r) => {
          notifications.show({ color: 'teal', message: `${r.number} is now ${r.stateLabel.toLowerCase()}` });
          onClose();
        },
        onError: closeWhenStale(onClose, onStale),
      },
    );
  return (
    <FormDialog
      title={`${step.label}: ${rec.number}`}
      onClose={onClose}
      onSubmit={submit}
      gap="sm"
      submitLabel={step.label}
      pending={run.isPending}
    >
      {resolving ? (
        <>
          <Select
            label="Resolution code"
            required
            data={humanOptions(options.data?.resolutionCodes ?? [])}
            value={code}
            onChange={setCode}
            error={errors.resolutionCode}
          />
          <DescriptionField
            label="Resolution notes"
            required
            maxLength={LIMITS.resolutionNotesMax}
            value={notes}
            onChange={setNotes}
            error={errors.resolutionNotes}
          />
          {open.length > 0 && (
            <Checkbox
              label={`Also resolve the ${open.length} open incident${open.length === 1 ? '' : 's'} (${open
                .map((i) => i.number)
                .join(', ')}); each requester is told`}
              checked={alsoIncidents}
              onChange={(e) => setAlsoIncidents(e.currentTarget.checked)}
            />
          )}
        </>
      ) : (
        <>
          <Alert color="blue" variant="light">
            A problem closes with its fix: a completed linked change, or the reason it needs none.
          </Alert>
          <DescriptionField
            label="Reason for closing"
            description="Needed when no completed change is linked"
            minRows={2}
            maxLength={LIMITS.resolutionNotesMax}
            value={reason}
            onChange={setReason}
            error={errors.closureReason}
          />
        </>
      )}
      <ErrorAlert error={run.error} title={`Could not ${step.label.toLowerCase()}`} />
    </FormDialog>
  );
}

export function ProblemSteps({ rec, onStale }: Props) {
  const run = useProblemTransition(rec);
  const options = useProblemOptions();
  const [open, setOpen] = useState<TransitionOption | null>(null);
  const own = rec.transitions.filter((t) => OWN_DIALOG(t, rec));
  const plain = { ...rec, transitions: rec.transitions.filter((t) => !OWN_DIALOG(t, rec)) };
  return (
    <>
      {own.map((t) => (
        <Button key={t.key} onClick={() => setOpen(t)}>
          {t.label}…
        </Button>
      ))}
      <TransitionBar
        rec={plain}
        run={run}
        noun="problem"
        resolutionCodes={options.data?.resolutionCodes}
        onStale={onStale}
      />
      {open && <StepModal rec={rec} step={open} onClose={() => setOpen(null)} onStale={onStale} />}
    </>
  );
}
