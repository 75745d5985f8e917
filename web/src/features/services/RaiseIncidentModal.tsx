/** Raise an incident against a service straight from its page; the service's SLA applies to it. */
import { Modal, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { type Service, useRaiseIncidentForService } from '../../api/queries/serviceLevels.ts';
import { ErrorAlert } from '../../components/States.tsx';
import { DialogActions } from '../../kit/form/DialogActions.tsx';
import { DescriptionField, ImpactUrgencyFields, TitleField } from '../../kit/form/NewRecordForm.tsx';
import { requiredError } from '../../kit/form/requiredError.ts';
import { SubmitForm } from '../../kit/form/SubmitForm.tsx';
import { fieldErrorsOf } from '../../lib/forms.ts';

export function RaiseIncidentModal({ service, onClose }: { service: Service; onClose: () => void }) {
  const raise = useRaiseIncidentForService(service.id);
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [impact, setImpact] = useState('3');
  const [urgency, setUrgency] = useState('3');
  const [touched, setTouched] = useState(false);
  const server = fieldErrorsOf(raise.error);
  return (
    <Modal opened onClose={onClose} title={`Raise an incident on ${service.name}`} size="lg">
      <SubmitForm
        noValidate
        onSubmit={() => {
          setTouched(true);
          if (!title.trim()) return;
          raise.mutate(
            { title: title.trim(), description, impact: Number(impact), urgency: Number(urgency) },
            {
              onSuccess: (rec) => {
                notifications.show({ color: 'teal', title: `${rec.number} created`, message: rec.title });
                onClose();
                navigate(`/incidents/${rec.number}`);
              },
            },
          );
        }}
      >
        <Stack>
          <ErrorAlert error={raise.error} title="The incident was not created" />
          <TitleField
            required
            value={title}
            onChange={setTitle}
            error={requiredError(touched, title, 'Give the incident a short title') ?? server.title}
          />
          <DescriptionField value={description} onChange={setDescription} error={server.description} />
          <ImpactUrgencyFields
            impact={impact}
            urgency={urgency}
            onImpact={setImpact}
            onUrgency={setUrgency}
            errors={server}
            allowDeselect={false}
          />
          <DialogActions onCancel={onClose} submitLabel="Raise incident" pending={raise.isPending} />
        </Stack>
      </SubmitForm>
    </Modal>
  );
}
