/** For agents, on a record: the requester's satisfaction answers (score, comment, when) and surveys waiting. */
import { Badge, Group, Stack, Text } from '@mantine/core';
import { useRecordSurveys } from '../../api/queries/csat.ts';
import { ErrorAlert } from '../../components/States.tsx';
import { BareList } from '../../kit/list/BareList.tsx';
import { RecordPanel } from '../../kit/record/RecordPanel.tsx';
import { Time } from '../../lib/time.tsx';
import { scoreText } from './SurveyForm.tsx';

const SCORE_COLORS = ['red', 'orange', 'yellow', 'teal', 'green'] as const;
const STATUS_TEXT = { pending: 'Waiting for an answer', expired: 'Not answered' } as const;

export function RecordCsatPanel({ recordId, version }: { recordId: string; version: number }) {
  const surveys = useRecordSurveys(recordId, version);
  if (surveys.isPending || (surveys.data && surveys.data.length === 0)) return null;
  return (
    <RecordPanel id="csat-title" title="Customer satisfaction">
      {surveys.isError ? (
        <ErrorAlert error={surveys.error} title="The surveys could not be loaded" />
      ) : (
        <BareList gap="sm">
          {surveys.data.map((s) => (
            <Stack key={s.id} gap={2} component="li">
              {s.status === 'answered' && s.score !== null ? (
                <>
                  <Group gap="xs">
                    <Badge
                      color={SCORE_COLORS[s.score - 1]}
                      variant="light"
                      aria-label={`Score ${scoreText(s.score)}`}
                    >
                      {scoreText(s.score)}
                    </Badge>
                    <Text size="xs" c="dimmed">
                      {s.answeredAt && <Time iso={s.answeredAt} size="xs" />} ·{' '}
                      {s.answeredVia === 'link' ? 'by the mailed link' : 'in the portal'}
                    </Text>
                  </Group>
                  {s.comment && (
                    <Text size="sm" className="pre-wrap">
                      “{s.comment}”
                    </Text>
                  )}
                </>
              ) : (
                <Text size="sm" c="dimmed">
                  {STATUS_TEXT[s.status === 'pending' ? 'pending' : 'expired']} · sent{' '}
                  <Time iso={s.createdAt} size="xs" />
                </Text>
              )}
            </Stack>
          ))}
        </BareList>
      )}
    </RecordPanel>
  );
}
