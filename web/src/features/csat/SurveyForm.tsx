/**
 * The one question of a satisfaction survey: a score of 1–5, each with its words, and an optional
 * comment. Used by the mailed link's page and by the portal's "How did we do?" prompt.
 */
import { Button, Group, Radio, Stack } from '@mantine/core';
import { useState } from 'react';
import { CSAT_QUESTION, CSAT_SCORE_LABELS } from '../../../../src/contracts/csat.ts';
import type { CsatAnswerInput } from '../../api/queries/csat.ts';
import { ErrorAlert } from '../../components/States.tsx';
import { DescriptionField } from '../../kit/form/NewRecordForm.tsx';
import { requiredError } from '../../kit/form/requiredError.ts';
import { SubmitForm } from '../../kit/form/SubmitForm.tsx';

export function SurveyForm({
  onSubmit,
  pending,
  error,
  idPrefix,
}: {
  onSubmit: (answer: CsatAnswerInput) => void;
  pending: boolean;
  error: unknown;
  /** Distinguishes the form's fields when more than one is on a page. */
  idPrefix: string;
}) {
  const [score, setScore] = useState<string>('');
  const [comment, setComment] = useState('');
  const [touched, setTouched] = useState(false);
  return (
    <SubmitForm
      onSubmit={() => {
        setTouched(true);
        if (!score) return;
        onSubmit({ score: Number(score), ...(comment.trim() ? { comment: comment.trim() } : {}) });
      }}
    >
      <Stack gap="sm">
        <Radio.Group
          id={`${idPrefix}-score`}
          label={CSAT_QUESTION}
          value={score}
          onChange={setScore}
          required
          error={requiredError(touched, score, 'Choose a score')}
        >
          <Stack gap={6} mt={6}>
            {CSAT_SCORE_LABELS.map((label, i) => (
              <Radio key={label} value={String(i + 1)} label={`${i + 1} – ${label}`} />
            ))}
          </Stack>
        </Radio.Group>
        <DescriptionField
          id={`${idPrefix}-comment`}
          label="Anything you would like to add? (optional)"
          value={comment}
          onChange={setComment}
          maxLength={2000}
          minRows={2}
        />
        {error !== null && error !== undefined && (
          <ErrorAlert error={error} title="The answer was not saved" />
        )}
        <Group>
          <Button type="submit" loading={pending}>
            Send my answer
          </Button>
        </Group>
      </Stack>
    </SubmitForm>
  );
}

/** A score in words: "4/5 – Satisfied". */
export const scoreText = (score: number) => `${score}/5 – ${CSAT_SCORE_LABELS[score - 1] ?? ''}`;
