/** "Declare major incident": for service managers, process owners and administrators, with a coordinator. */
import { Button, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUrgent } from '@tabler/icons-react';
import { useState } from 'react';
import { LIMITS } from '../../../../src/shared/limits.ts';
import { useDeclareMajor, useMajorIncident } from '../../api/queries/process.ts';
import type { Incident, PersonRef, User } from '../../api/types.ts';
import { userCan } from '../../auth/can.ts';
import { useMe } from '../../auth/session.tsx';
import { UserPicker } from '../../components/Pickers.tsx';
import { ErrorAlert } from '../../components/States.tsx';
import { DescriptionField } from '../../kit/form/NewRecordForm.tsx';
import { requiredError } from '../../kit/form/requiredError.ts';
import { SubmitForm } from '../../kit/form/SubmitForm.tsx';
import { fieldErrorsOf } from '../../lib/forms.ts';

/** Navigation only: the API decides (incident.declare_major). */
export const mayDeclareMajor = (user: Pick<User, 'id' | 'roles'>) => userCan(user, 'incident.declare_major');

function DeclareDialog({ rec, onClose }: { rec: Incident; onClose: () => void }) {
  const me = useMe();
  const declare = useDeclareMajor(rec);
  const [coordinator, setCoordinator] = useState<PersonRef | null>(
    rec.assignee ?? { id: me.id, name: me.name, email: me.email },
  );
  const [summary, setSummary] = useState('');
  const [touched, setTouched] = useState(false);
  const server = fieldErrorsOf(declare.error);
  const coordinatorError =
    (touched && !coordinator ? 'Choose a coordinator' : undefined) ?? server.coordinatorId;
  const summaryError = requiredError(touched, summary, 'Describe the impact') ?? server.summary;
  return (
    <Modal opened onClose={onClose} title={`Declare ${rec.number} a major incident`} size="lg">
      <SubmitForm
        onSubmit={() => {
          setTouched(true);
          if (!coordinator || !summary.trim()) return;
          declare.mutate(
            { coordinatorId: coordinator.id, summary: summary.trim() },
            {
              onSuccess: () => {
                notifications.show({ color: 'teal', message: `${rec.number} is now a major incident` });
                onClose();
              },
            },
          );
        }}
      >
        <Stack>
          <Text size="sm">
            A major incident is raised to priority 1 – Critical, gets a coordinator and a communication log,
            and its related incidents can be linked to it as children: resolving it resolves them.
          </Text>
          <UserPicker
            label="Coordinator"
            description="A member of staff who leads the response"
            required
            value={coordinator}
            onChange={setCoordinator}
            error={coordinatorError}
          />
          <DescriptionField
            label="Summary"
            description="What is affected, for whom"
            required
            maxLength={LIMITS.titleMax * 5}
            value={summary}
            onChange={setSummary}
            error={summaryError}
          />
          {!server.coordinatorId && !server.summary && (
            <ErrorAlert error={declare.error} title="The major incident was not declared" />
          )}
          <Stack align="flex-end">
            <Button
              type="submit"
              color="red.9"
              loading={declare.isPending}
              leftSection={<IconUrgent size={16} />}
            >
              Declare major incident
            </Button>
          </Stack>
        </Stack>
      </SubmitForm>
    </Modal>
  );
}

export function DeclareMajorButton({ rec }: { rec: Incident }) {
  const me = useMe();
  const major = useMajorIncident(rec);
  const [open, setOpen] = useState(false);
  const active = major.data?.major?.status === 'active';
  const finished = rec.stateCategory === 'resolved' || rec.stateCategory === 'closed';
  if (!mayDeclareMajor(me) || !major.data || active || finished) return null;
  return (
    <>
      <Button
        variant="outline"
        color="red.9"
        leftSection={<IconUrgent size={16} />}
        onClick={() => setOpen(true)}
      >
        Declare major incident
      </Button>
      {open && <DeclareDialog rec={rec} onClose={() => setOpen(false)} />}
    </>
  );
}
