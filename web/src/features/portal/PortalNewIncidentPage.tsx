/**
 * Report a problem: a title, what happened, and how urgent it is. Articles that may solve it are
 * suggested while typing; one that does ends the report without raising an incident.
 */
import { Paper, Radio, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useCreateIncident } from '../../api/queries/incidents.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ErrorAlert } from '../../components/States.tsx';
import { DialogActions } from '../../kit/form/DialogActions.tsx';
import { DescriptionField, TitleField } from '../../kit/form/NewRecordForm.tsx';
import { requiredError } from '../../kit/form/requiredError.ts';
import { SubmitForm } from '../../kit/form/SubmitForm.tsx';
import { fieldErrorsOf } from '../../lib/forms.ts';
import { recordPath } from '../../records/registry.ts';
import { DeflectionSuggestions } from '../knowledge/DeflectionSuggestions.tsx';

const URGENCY = [
  { value: '1', label: 'High: I cannot work at all' },
  { value: '2', label: 'Medium: I can work, but it slows me down' },
  { value: '3', label: 'Low: an inconvenience' },
];

export function PortalNewIncidentPage() {
  const navigate = useNavigate();
  const create = useCreateIncident();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [urgency, setUrgency] = useState('3');
  const [touched, setTouched] = useState(false);
  const server = fieldErrorsOf(create.error);
  const titleError = requiredError(touched, title, 'Tell us briefly what is wrong') ?? server.title;

  return (
    <>
      <PageHeader
        title="Report a problem"
        description="Tell us what is not working; the service desk will pick it up."
      />
      <Paper p="lg" maw={760}>
        <SubmitForm
          onSubmit={() => {
            setTouched(true);
            if (!title.trim()) return;
            create.mutate(
              { title: title.trim(), description, urgency: Number(urgency), channel: 'portal' },
              {
                onSuccess: (r) => {
                  notifications.show({
                    color: 'teal',
                    title: `Thank you, we received ${r.number}`,
                    message: 'We will keep you posted here.',
                  });
                  navigate(recordPath('incident', r.number, true));
                },
              },
            );
          }}
        >
          <Stack>
            <ErrorAlert error={create.error} title="We could not send this" />
            <TitleField
              label="What is the problem?"
              placeholder="For example: I cannot print to the 3rd floor printer"
              required
              value={title}
              onChange={setTitle}
              error={titleError}
            />
            <DescriptionField
              label="Details"
              description="What happened, any error message, and what you already tried."
              minRows={5}
              value={description}
              onChange={setDescription}
              error={server.description}
            />
            <DeflectionSuggestions
              text={`${title}\n${description}`}
              onSolved={(hit) => {
                notifications.show({
                  color: 'teal',
                  title: 'Glad that helped',
                  message: `No ticket was raised. "${hit.title}" is in the help articles if you need it again.`,
                });
                navigate('/portal');
              }}
            />
            <Radio.Group
              label="How urgent is it?"
              value={urgency}
              onChange={setUrgency}
              error={server.urgency}
            >
              <Stack gap={6} mt={6}>
                {URGENCY.map((u) => (
                  <Radio key={u.value} value={u.value} label={u.label} />
                ))}
              </Stack>
            </Radio.Group>
            <DialogActions
              onCancel={() => navigate('/portal')}
              submitLabel="Submit"
              pending={create.isPending}
            />
          </Stack>
        </SubmitForm>
      </Paper>
    </>
  );
}
