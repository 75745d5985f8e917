/**
 * The requester's side of surveys in the portal: the "How did we do?" prompt on a resolved
 * record of theirs, and the list of surveys waiting for an answer on the portal's home.
 */
import { Alert, Anchor, Card, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { useAnswerSurvey, usePendingSurveys, useRecordSurveys } from '../../api/queries/csat.ts';
import { BareList } from '../../kit/list/BareList.tsx';
import { Time } from '../../lib/time.tsx';
import { recordPath } from '../../records/registry.ts';
import { SurveyForm, scoreText } from './SurveyForm.tsx';

/** On the requester's record: the question while a survey waits, then their answer. */
export function SurveyPrompt({ recordId, version }: { recordId: string; version: number }) {
  const surveys = useRecordSurveys(recordId, version);
  const answer = useAnswerSurvey();
  const latest = surveys.data?.[0];
  if (!latest) return null;
  if (latest.status === 'answered' && latest.score !== null)
    return (
      <Alert color="teal" title="Thank you for your feedback">
        You rated how this was handled {scoreText(latest.score)}
        {latest.answeredAt && (
          <>
            {' '}
            on <Time iso={latest.answeredAt} size="sm" />
          </>
        )}
        .
      </Alert>
    );
  if (!latest.canAnswer) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="survey-title">
      <Title order={2} size="h4" id="survey-title" mb="xs">
        How did we do?
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        One question, and a comment if you like. You can answer until{' '}
        <Time iso={latest.expiresAt} size="sm" />.
      </Text>
      <SurveyForm
        idPrefix={`survey-${latest.id}`}
        pending={answer.isPending}
        error={answer.error}
        onSubmit={(a) => answer.mutate({ id: latest.id, answer: a })}
      />
    </Paper>
  );
}

/** On the portal's home: the resolved records whose survey waits for an answer. */
export function PendingSurveys() {
  const pending = usePendingSurveys();
  const items = pending.data ?? [];
  if (items.length === 0) return null;
  return (
    <Stack gap="sm" component="section" aria-labelledby="pending-surveys">
      <Title order={2} size="h3" id="pending-surveys">
        How did we do?
      </Title>
      <Text size="sm" c="dimmed">
        Tell us how satisfied you are with how these were handled: one question each.
      </Text>
      <BareList gap="xs" aria-label="Surveys to answer">
        {items.map((s) => (
          <Card key={s.id} component="li" withBorder padding="sm">
            <Anchor component={Link} to={recordPath(s.record.type, s.record.number, true)} fw={600}>
              Rate {s.record.number}: {s.record.title}
            </Anchor>
            <Text size="xs" c="dimmed">
              Resolved <Time iso={s.resolvedAt} size="xs" />
            </Text>
          </Card>
        ))}
      </BareList>
    </Stack>
  );
}
