/**
 * The major-incident view on an incident: status, coordinator and summary, the communication log
 * (what was told to whom), standing down, and the post-incident review once resolved.
 */
import { Alert, Badge, Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconSpeakerphone, IconUrgent } from '@tabler/icons-react';
import { useState } from 'react';
import { LIMITS } from '../../../../src/shared/limits.ts';
import { useUser, useUserNames } from '../../api/queries/directory.ts';
import {
  COMM_AUDIENCES,
  type CommAudience,
  type MajorIncidentView,
  useAddMajorComm,
  useStandDownMajor,
} from '../../api/queries/process.ts';
import type { Incident } from '../../api/types.ts';
import { useMe } from '../../auth/session.tsx';
import { ErrorAlert } from '../../components/States.tsx';
import { Fact } from '../../kit/detail/Section.tsx';
import { DescriptionField } from '../../kit/form/NewRecordForm.tsx';
import { ReasonDialog } from '../../kit/form/ReasonDialog.tsx';
import { requiredError } from '../../kit/form/requiredError.ts';
import { SubmitForm } from '../../kit/form/SubmitForm.tsx';
import { BareList } from '../../kit/list/BareList.tsx';
import { optionsOf } from '../../lib/labels.ts';
import { Time } from '../../lib/time.tsx';
import { mayDeclareMajor } from './DeclareMajorButton.tsx';
import { ReviewSection } from './ReviewSection.tsx';

export const AUDIENCE_LABELS: Record<CommAudience, string> = {
  internal: 'Internal (responders)',
  stakeholders: 'Stakeholders',
  public: 'Public (all users)',
};
const AUDIENCE_COLORS: Record<CommAudience, string> = {
  internal: 'gray.8',
  stakeholders: 'violet.9',
  public: 'blue.9',
};
const audienceOf = (a: string): CommAudience =>
  (COMM_AUDIENCES as readonly string[]).includes(a) ? (a as CommAudience) : 'internal';

function CommunicationLog({ rec, view }: { rec: Incident; view: MajorIncidentView }) {
  const add = useAddMajorComm(rec);
  const authors = useUserNames(view.communications.map((c) => c.authorId).filter((x): x is string => !!x));
  const [audience, setAudience] = useState<CommAudience>('stakeholders');
  const [message, setMessage] = useState('');
  const [touched, setTouched] = useState(false);
  const canAdd = rec.allowedActions.includes('update');
  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        Communication log ({view.communications.length})
      </Title>
      {view.communications.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing communicated yet.
        </Text>
      ) : (
        <BareList ordered gap={6} aria-label="Communication log">
          {view.communications.map((c) => {
            const a = audienceOf(c.audience);
            return (
              <Paper key={c.id} component="li" withBorder p="xs">
                <Group gap="xs" mb={4}>
                  <Badge color={AUDIENCE_COLORS[a]} variant="filled" size="sm">
                    {AUDIENCE_LABELS[a]}
                  </Badge>
                  <Text size="xs" c="dimmed">
                    {c.authorId ? (authors.get(c.authorId) ?? '…') : 'Steward'} ·{' '}
                    <Time iso={c.at} size="xs" />
                  </Text>
                </Group>
                <Text size="sm" className="pre-wrap">
                  {c.message}
                </Text>
              </Paper>
            );
          })}
        </BareList>
      )}
      {canAdd && (
        <SubmitForm
          onSubmit={() => {
            setTouched(true);
            if (!message.trim()) return;
            add.mutate(
              { audience, message: message.trim() },
              {
                onSuccess: () => {
                  notifications.show({ color: 'teal', message: 'Communication logged' });
                  setMessage('');
                  setTouched(false);
                },
              },
            );
          }}
        >
          <Stack gap="xs">
            <Group align="flex-start" gap="sm" wrap="nowrap">
              <Select
                label="Audience"
                data={optionsOf(COMM_AUDIENCES, AUDIENCE_LABELS)}
                value={audience}
                allowDeselect={false}
                onChange={(a) => a && setAudience(a as CommAudience)}
                w={210}
              />
              <DescriptionField
                label="Message sent"
                minRows={2}
                maxLength={LIMITS.commentMax}
                value={message}
                onChange={setMessage}
                error={requiredError(touched, message, 'Enter the message that was sent')}
                style={{ flex: 1 }}
              />
            </Group>
            <ErrorAlert error={add.error} title="The communication was not logged" />
            <Group justify="flex-end">
              <Button
                type="submit"
                variant="light"
                leftSection={<IconSpeakerphone size={16} />}
                loading={add.isPending}
              >
                Log communication
              </Button>
            </Group>
          </Stack>
        </SubmitForm>
      )}
    </Stack>
  );
}

function StandDown({ rec }: { rec: Incident }) {
  const stand = useStandDownMajor(rec);
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="xs" variant="default" onClick={() => setOpen(true)}>
        Stand down
      </Button>
      {open && (
        <ReasonDialog
          title={`Stand down ${rec.number}`}
          explanation="It stays an incident with its children; the major-incident procedure ends."
          maxLength={2000}
          submitLabel="Stand down"
          mutation={stand}
          errorTitle="Could not stand down"
          done={`${rec.number} is no longer a major incident`}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}

export function MajorIncidentPanel({ rec, view }: { rec: Incident; view: MajorIncidentView }) {
  const me = useMe();
  const major = view.major;
  const coordinator = useUser(major?.coordinatorId);
  if (!major) return null;
  const active = major.status === 'active';
  const finished = rec.stateCategory === 'resolved' || rec.stateCategory === 'closed';
  return (
    <Paper
      p="md"
      component="section"
      aria-labelledby="major-title"
      style={{ borderLeft: `4px solid var(--mantine-color-${active ? 'red-9' : 'gray-6'})` }}
    >
      <Group justify="space-between" mb="xs">
        <Group gap="xs">
          <IconUrgent size={20} color={`var(--mantine-color-${active ? 'red-9' : 'gray-7'})`} aria-hidden />
          <Title order={2} size="h4" id="major-title">
            Major incident
          </Title>
          <Badge color={active ? 'red.9' : 'gray.7'} variant="filled">
            {active ? 'Active' : 'Stood down'}
          </Badge>
        </Group>
        {active && mayDeclareMajor(me) && <StandDown rec={rec} />}
      </Group>
      <Stack gap="md">
        <Group gap="xl">
          <Fact label="Coordinator">
            <span data-testid="major-coordinator">{coordinator.data?.name ?? '…'}</span>
          </Fact>
          <Fact label="Declared">
            <Time iso={major.declaredAt} size="sm" />
          </Fact>
          {major.stoodDownAt && (
            <Fact label="Stood down">
              <Time iso={major.stoodDownAt} size="sm" />
            </Fact>
          )}
        </Group>
        <Text size="sm" className="pre-wrap">
          {major.summary}
        </Text>
        {finished && !major.review && (
          <Alert color="blue" variant="light">
            Resolved: the coordinator writes the post-incident review below.
          </Alert>
        )}
        <CommunicationLog rec={rec} view={view} />
        <ReviewSection rec={rec} view={view} finished={finished} />
      </Stack>
    </Paper>
  );
}
