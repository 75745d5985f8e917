/** Where the survey mail's link lands (`/survey/<token>`): answer without signing in. */
import { Alert, Paper, Stack, Text } from '@mantine/core';
import { useParams } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import { useAnswerPublicSurvey, usePublicSurvey } from '../../api/queries/csat.ts';
import { ErrorAlert, PageLoader } from '../../components/States.tsx';
import { PublicFrame } from '../../layout/PublicFrame.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { SurveyForm } from './SurveyForm.tsx';

const THANKS = (
  <Alert color="teal" title="Thank you">
    Your answer is saved. It helps the service desk see what works and what does not.
  </Alert>
);

function LinkProblem({ error }: { error: unknown }) {
  if (error instanceof ApiError && error.status === 410)
    return (
      <Alert color="gray" title="This survey is closed">
        The survey no longer takes answers: it expired, or the record was reopened after it was sent.
      </Alert>
    );
  if (error instanceof ApiError && error.status === 404)
    return (
      <Alert color="gray" title="Unknown survey">
        This link does not lead to a survey. Check that it was copied whole.
      </Alert>
    );
  return <ErrorAlert error={error} title="The survey could not be loaded" />;
}

export function PublicSurveyPage() {
  useDocumentTitle('How did we do?');
  const { token = '' } = useParams();
  const survey = usePublicSurvey(token);
  const answer = useAnswerPublicSurvey(token);
  return (
    <PublicFrame suffix="Service desk" size="sm" title="How did we do?">
      {survey.isPending ? (
        <PageLoader label="Loading the survey" />
      ) : survey.isError ? (
        <LinkProblem error={survey.error} />
      ) : answer.isSuccess || survey.data.status === 'answered' ? (
        answer.isSuccess ? (
          THANKS
        ) : (
          <Alert color="gray" title="Already answered">
            This survey was answered already; it takes one answer. Thank you.
          </Alert>
        )
      ) : (
        <Paper withBorder p="md">
          <Stack gap="md">
            <Text>
              <b>{survey.data.record.number}</b> “{survey.data.record.title}” was resolved.
            </Text>
            <SurveyForm
              idPrefix="survey"
              pending={answer.isPending}
              error={answer.error}
              onSubmit={(a) => answer.mutate(a)}
            />
          </Stack>
        </Paper>
      )}
    </PublicFrame>
  );
}
