/** "Was this helpful?": yes or no, with an optional comment; thanks once sent. */
import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useGiveFeedback } from '../../api/queries/knowledge.ts';
import { ErrorAlert } from '../../components/States.tsx';
import { DescriptionField } from '../../kit/form/NewRecordForm.tsx';
import { SubmitForm } from '../../kit/form/SubmitForm.tsx';

export function ArticleFeedback({ articleId }: { articleId: string }) {
  const give = useGiveFeedback(articleId);
  const [helpful, setHelpful] = useState<boolean | null>(null);
  const [comment, setComment] = useState('');
  if (give.isSuccess)
    return (
      <Text size="sm" role="status">
        Thank you for your feedback.
      </Text>
    );
  return (
    <Paper withBorder p="md" component="section" aria-label="Feedback">
      <SubmitForm
        onSubmit={() => {
          if (helpful !== null) give.mutate({ helpful, comment });
        }}
      >
        <Stack gap="sm">
          <Text fw={600}>Was this article helpful?</Text>
          <Group gap="sm" role="group" aria-label="Was this article helpful?">
            <Button
              variant={helpful === true ? 'filled' : 'default'}
              onClick={() => setHelpful(true)}
              aria-pressed={helpful === true}
            >
              Yes
            </Button>
            <Button
              variant={helpful === false ? 'filled' : 'default'}
              onClick={() => setHelpful(false)}
              aria-pressed={helpful === false}
            >
              No
            </Button>
          </Group>
          {helpful !== null && (
            <>
              <DescriptionField
                label={helpful ? 'Anything to add? (optional)' : 'What was missing? (optional)'}
                minRows={2}
                maxLength={2000}
                value={comment}
                onChange={setComment}
              />
              <Group>
                <Button type="submit" loading={give.isPending}>
                  Send feedback
                </Button>
              </Group>
            </>
          )}
          <ErrorAlert error={give.error} title="Not sent" />
        </Stack>
      </SubmitForm>
    </Paper>
  );
}
