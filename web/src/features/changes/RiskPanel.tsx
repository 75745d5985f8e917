/** The risk questionnaire on a change: one choice per question, scored by the server into a level. */
import { Badge, Button, Group, Radio, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { type ChangeView, useAssessRisk, useRiskQuestionnaire } from '../../api/queries/changes.ts';
import { ErrorAlert } from '../../components/States.tsx';
import { RecordPanel } from '../../kit/record/RecordPanel.tsx';
import { whenStale } from '../../kit/record/whenStale.ts';
import { RISK_COLORS } from './labels.ts';

const ASSESSABLE = new Set(['new', 'assess']);

export function RiskPanel({ rec, onStale }: { rec: ChangeView; onStale: () => void }) {
  const q = useRiskQuestionnaire();
  const assess = useAssessRisk(rec);
  const [answers, setAnswers] = useState<Record<string, string>>(rec.riskAnswers ?? {});
  const editable =
    rec.allowedActions.includes('update') && ASSESSABLE.has(rec.state) && rec.changeType !== 'standard';
  const questions = q.data?.value.questions ?? [];
  const complete = questions.every((x) => answers[x.key]);
  return (
    <RecordPanel
      id="risk-title"
      title="Risk"
      gap="sm"
      actions={
        rec.riskLevel ? (
          <Badge color={RISK_COLORS[rec.riskLevel]} variant="light">
            {rec.riskLevel} risk
            {rec.riskScore !== null ? ` · score ${rec.riskScore} of ${q.data?.maxScore ?? '…'}` : ''}
          </Badge>
        ) : (
          <Badge color="gray" variant="light">
            Not assessed
          </Badge>
        )
      }
    >
      {rec.changeType === 'standard' ? (
        <Text size="sm" c="dimmed">
          A standard change takes the risk its template was approved with.
        </Text>
      ) : (
        <>
          <ErrorAlert error={q.error} title="Could not load the questionnaire" />
          {questions.map((question) => (
            <Radio.Group
              key={question.key}
              label={question.text}
              value={answers[question.key] ?? null}
              onChange={(v) => setAnswers({ ...answers, [question.key]: v })}
              readOnly={!editable}
            >
              <Group gap="md" mt={4}>
                {question.answers.map((a) => (
                  <Radio key={a.key} value={a.key} label={a.label} disabled={!editable} />
                ))}
              </Group>
            </Radio.Group>
          ))}
          <ErrorAlert error={assess.error} title="Could not assess the risk" />
          {editable && (
            <Group justify="flex-end">
              <Button
                disabled={!complete}
                loading={assess.isPending}
                onClick={() =>
                  assess.mutate(answers, {
                    onSuccess: (c) =>
                      notifications.show({
                        color: 'teal',
                        message: `Risk assessed: ${c.riskLevel} (${c.riskScore})`,
                      }),
                    onError: whenStale(onStale),
                  })
                }
              >
                Assess risk
              </Button>
            </Group>
          )}
        </>
      )}
    </RecordPanel>
  );
}
