/**
 * The change manager's editor of the risk questionnaire: questions, their weighted answers and the
 * thresholds of the medium and high levels, saved together (If-Match). Others read it.
 */
import { ActionIcon, Button, Group, NumberInput, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import {
  type RiskQuestionnaire,
  type RiskQuestionnaireView,
  useRiskQuestionnaire,
  useSaveRiskQuestionnaire,
} from '../../api/queries/changes.ts';
import { useMe } from '../../auth/session.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Loaded } from '../../kit/detail/Loaded.tsx';
import { PanelForm } from '../../kit/form/PanelForm.tsx';
import { fieldErrorsOf } from '../../lib/forms.ts';
import { isChangeManager } from './labels.ts';

/** A new question's or answer's key: stable while its text is typed, unique in the questionnaire. */
let made = 0;
const newKey = (prefix: string) => `${prefix}_${Date.now().toString(36)}_${++made}`;

export function RiskQuestionnairePage() {
  return (
    <Loaded
      query={useRiskQuestionnaire()}
      label="Loading the questionnaire"
      resetKey={(view) => view.version}
    >
      {(view) => <Editor view={view} />}
    </Loaded>
  );
}

function Editor({ view }: { view: RiskQuestionnaireView }) {
  const me = useMe();
  const editable = isChangeManager(me);
  const save = useSaveRiskQuestionnaire(view.version);
  const [draft, setDraft] = useState<RiskQuestionnaire>(view.value);
  const errors = fieldErrorsOf(save.error);
  const setQuestion = (i: number, next: RiskQuestionnaire['questions'][number]) =>
    setDraft({ ...draft, questions: draft.questions.map((x, j) => (j === i ? next : x)) });
  const threshold = (k: keyof RiskQuestionnaire['thresholds']) => ({
    readOnly: !editable,
    value: draft.thresholds[k],
    onChange: (v: string | number) =>
      setDraft({ ...draft, thresholds: { ...draft.thresholds, [k]: Number(v) || 0 } }),
    error: errors[`thresholds.${k}`],
  });
  return (
    <Stack gap="lg" maw={860}>
      <PageHeader
        title="Risk questionnaire"
        description="Each answer weighs on the change's risk score; the thresholds turn the score into low, medium or high."
      />
      <PanelForm
        onSubmit={() => {
          save.mutate(draft, {
            onSuccess: () => notifications.show({ color: 'teal', message: 'Questionnaire saved' }),
            onError: (err) => {
              if (err instanceof ApiError && err.isStale)
                notifications.show({
                  color: 'orange',
                  message: 'Someone else saved the questionnaire; reload the page.',
                });
            },
          });
        }}
        error={save.error}
        errorTitle="Could not save the questionnaire"
        submitLabel="Save questionnaire"
        pending={save.isPending}
        readOnly={!editable}
        gap="md"
      >
        {draft.questions.map((question, i) => (
          <Paper key={question.key} withBorder p="md" component="fieldset" aria-label={`Question ${i + 1}`}>
            <Stack gap="xs">
              <Group align="flex-end" wrap="nowrap">
                <TextInput
                  label={`Question ${i + 1}`}
                  style={{ flex: 1 }}
                  readOnly={!editable}
                  value={question.text}
                  onChange={(e) => setQuestion(i, { ...question, text: e.currentTarget.value })}
                  error={errors[`questions.${i}.text`] ?? errors[`questions.${i}.key`]}
                />
                {editable && (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={`Remove question ${i + 1}`}
                    onClick={() =>
                      setDraft({ ...draft, questions: draft.questions.filter((_, j) => j !== i) })
                    }
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                )}
              </Group>
              {question.answers.map((a, k) => (
                <Group key={a.key} align="flex-end" wrap="nowrap" pl="md">
                  <TextInput
                    label={`Answer ${k + 1}`}
                    style={{ flex: 1 }}
                    readOnly={!editable}
                    value={a.label}
                    onChange={(e) => {
                      const label = e.currentTarget.value;
                      const answers = question.answers.map((x, j) => (j === k ? { ...x, label } : x));
                      setQuestion(i, { ...question, answers });
                    }}
                    error={errors[`questions.${i}.answers.${k}.key`]}
                  />
                  <NumberInput
                    label="Weight"
                    w={110}
                    min={0}
                    max={100}
                    readOnly={!editable}
                    value={a.weight}
                    onChange={(v) =>
                      setQuestion(i, {
                        ...question,
                        answers: question.answers.map((x, j) =>
                          j === k ? { ...x, weight: Number(v) || 0 } : x,
                        ),
                      })
                    }
                    error={errors[`questions.${i}.answers.${k}.weight`]}
                  />
                  {editable && (
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`Remove answer ${k + 1} of question ${i + 1}`}
                      onClick={() =>
                        setQuestion(i, { ...question, answers: question.answers.filter((_, j) => j !== k) })
                      }
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  )}
                </Group>
              ))}
              {errors[`questions.${i}.answers`] && (
                <Text size="xs" c="red">
                  {errors[`questions.${i}.answers`]}
                </Text>
              )}
              {editable && (
                <Group pl="md">
                  <Button
                    variant="subtle"
                    size="xs"
                    leftSection={<IconPlus size={14} />}
                    onClick={() =>
                      setQuestion(i, {
                        ...question,
                        answers: [...question.answers, { key: newKey('answer'), label: '', weight: 0 }],
                      })
                    }
                  >
                    Add answer
                  </Button>
                </Group>
              )}
            </Stack>
          </Paper>
        ))}
        {editable && (
          <Group>
            <Button
              variant="default"
              leftSection={<IconPlus size={16} />}
              onClick={() =>
                setDraft({
                  ...draft,
                  questions: [
                    ...draft.questions,
                    {
                      key: newKey('question'),
                      text: '',
                      answers: [
                        { key: 'no', label: 'No', weight: 0 },
                        { key: 'yes', label: 'Yes', weight: 5 },
                      ],
                    },
                  ],
                })
              }
            >
              Add question
            </Button>
          </Group>
        )}
        <Title order={2} size="h4">
          Thresholds
        </Title>
        <Text size="sm" c="dimmed">
          The highest possible score is {view.maxScore}.
        </Text>
        <Group>
          <NumberInput label="Medium risk from" min={1} {...threshold('medium')} />
          <NumberInput label="High risk from" min={2} {...threshold('high')} />
        </Group>
      </PanelForm>
    </Stack>
  );
}
