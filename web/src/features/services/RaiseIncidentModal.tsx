/** Raise an incident against a service straight from its page; the service's SLA applies to it. */
import { type Service, useRaiseIncidentForService } from '../../api/queries/serviceLevels.ts';
import { CreateDialog } from '../../kit/form/CreateDialog.tsx';
import { DescriptionField, ImpactUrgencyFields, TitleField } from '../../kit/form/NewRecordForm.tsx';
import type { FieldErrors } from '../../kit/form/patch.ts';

const emptyIncident = () => ({ title: '', description: '', impact: '3', urgency: '3' });
type IncidentDraft = ReturnType<typeof emptyIncident>;

const incidentBody = (d: IncidentDraft) => ({
  title: d.title.trim(),
  description: d.description,
  impact: Number(d.impact),
  urgency: Number(d.urgency),
});

const validateIncident = (d: IncidentDraft): FieldErrors =>
  d.title.trim() ? {} : { title: 'Give the incident a short title' };

export function RaiseIncidentModal({ service, onClose }: { service: Service; onClose: () => void }) {
  const raise = useRaiseIncidentForService(service.id);
  return (
    <CreateDialog
      title={`Raise an incident on ${service.name}`}
      onClose={onClose}
      create={raise}
      empty={emptyIncident}
      toBody={incidentBody}
      validate={validateIncident}
      created={(rec) => `${rec.number} created: ${rec.title}`}
      pathOf={(rec) => `/incidents/${rec.number}`}
      submitLabel="Raise incident"
      errorTitle="The incident was not created"
    >
      {(form) => (
        <>
          <TitleField required {...form.value('title')} />
          <DescriptionField {...form.value('description')} />
          <ImpactUrgencyFields
            impact={form.draft.impact}
            urgency={form.draft.urgency}
            onImpact={(v) => form.set('impact', v)}
            onUrgency={(v) => form.set('urgency', v)}
            errors={form.errors}
            allowDeselect={false}
          />
        </>
      )}
    </CreateDialog>
  );
}
