/**
 * Draft an SLA, OLA or underpinning contract, or change a draft: who it binds, the calendar its
 * targets count in, targets per priority, warning thresholds, which records it selects (service,
 * record types, priorities) and when it is in force. Agreed versions are changed by drafting the
 * next version.
 */
import { Button, Group, MultiSelect, SegmentedControl, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import {
  AGREEMENT_KINDS,
  type Agreement,
  type AgreementKind,
  useAgreement,
  useSaveAgreement,
} from '../../api/queries/serviceLevels.ts';
import { GroupSelect } from '../../components/Pickers.tsx';
import { ErrorAlert, ErrorState, PageLoader } from '../../components/States.tsx';
import { DateTimeInput } from '../../kit/form/DateTimeInput.tsx';
import { LabelledSegments } from '../../kit/form/LabelledSegments.tsx';
import { DescriptionField } from '../../kit/form/NewRecordForm.tsx';
import { requiredError } from '../../kit/form/requiredError.ts';
import { SubmitForm } from '../../kit/form/SubmitForm.tsx';
import { CrumbHeader } from '../../kit/nav/CrumbHeader.tsx';
import { optionsOf, PRIORITY_OPTIONS } from '../../lib/labels.ts';
import { fromLocalInput, toLocalInput } from '../../lib/localDateTime.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { FormSection } from './FormSection.tsx';
import { parseThresholds } from './formValues.ts';
import { KIND_LABELS, RECORD_TYPE_LABELS, RECORD_TYPES } from './labels.ts';
import { CalendarSelect, CustomerSelect, OrganisationSelect, ServiceSelect } from './pickers.tsx';
import { rootErrors } from './problems.ts';
import { TargetsEditor } from './TargetsEditor.tsx';
import {
  AvailabilityInput,
  NameInput,
  ObligationsInput,
  OtherErrors,
  ThresholdsInput,
} from './termFields.tsx';
import { TERM_FIELDS, useTermsDraft } from './useTermsDraft.ts';

const PLACED = [
  ...TERM_FIELDS,
  'kind',
  'description',
  'serviceId',
  'groupId',
  'supplierId',
  'warningThresholds',
  'recordTypes',
  'priorities',
  'onReassign',
  'effectiveFrom',
  'effectiveTo',
];

function AgreementForm({ agreement }: { agreement?: Agreement }) {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const save = useSaveAgreement(agreement);
  const kindParam = params.get('kind');
  const [kind, setKind] = useState<AgreementKind>(
    agreement?.kind ??
      ((AGREEMENT_KINDS as readonly string[]).includes(kindParam ?? '')
        ? (kindParam as AgreementKind)
        : 'sla'),
  );
  const terms = useTermsDraft(agreement);
  const [description, setDescription] = useState(agreement?.description ?? '');
  const [serviceId, setServiceId] = useState<string | null>(
    agreement ? (agreement.service?.id ?? null) : params.get('serviceId'),
  );
  const [groupId, setGroupId] = useState<string | null>(agreement?.group?.id ?? null);
  const [supplierId, setSupplierId] = useState<string | null>(agreement?.supplier?.id ?? null);
  const [thresholds, setThresholds] = useState((agreement?.warningThresholds ?? [75, 90]).join(', '));
  const [recordTypes, setRecordTypes] = useState<string[]>(agreement?.recordTypes ?? []);
  const [priorities, setPriorities] = useState<string[]>((agreement?.priorities ?? []).map(String));
  const [onReassign, setOnReassign] = useState<'restart' | 'continue'>(agreement?.onReassign ?? 'restart');
  const [from, setFrom] = useState(toLocalInput(agreement?.effectiveFrom ?? new Date()));
  const [to, setTo] = useState(toLocalInput(agreement?.effectiveTo));
  const server = rootErrors(save.error);
  const term = terms.fields(save.error);
  const parsedThresholds = parseThresholds(thresholds);
  const stale = save.error instanceof ApiError && save.error.isStale;

  const submit = () => {
    const shared = terms.submitted();
    const effectiveFrom = fromLocalInput(from);
    if (!shared || !parsedThresholds || !effectiveFrom) return;
    save.mutate(
      {
        ...(agreement ? {} : { kind }),
        ...shared,
        description,
        serviceId,
        customerId: kind === 'sla' ? shared.customerId : null,
        groupId: kind === 'ola' ? groupId : null,
        supplierId: kind === 'uc' ? supplierId : null,
        warningThresholds: parsedThresholds,
        recordTypes: recordTypes.length ? recordTypes : null,
        priorities: priorities.length ? priorities.map(Number) : null,
        ...(kind === 'ola' ? { onReassign } : {}),
        effectiveFrom,
        effectiveTo: fromLocalInput(to),
      },
      {
        onSuccess: (a) => {
          notifications.show({ color: 'teal', message: `${a.name} v${a.versionNumber} saved as a draft` });
          navigate(`/service-levels/agreements/${a.id}`);
        },
      },
    );
  };

  return (
    <SubmitForm onSubmit={submit}>
      <Stack gap="md">
        <ErrorAlert
          error={save.error}
          title={
            stale
              ? 'Someone else changed this draft; reload the page to edit the latest version'
              : 'Not saved'
          }
        />
        <OtherErrors error={save.error} placed={PLACED} />
        <FormSection id="agreement-parties" title="Agreement">
          {!agreement && (
            <LabelledSegments
              label="Kind"
              value={kind}
              onChange={setKind}
              data={optionsOf(AGREEMENT_KINDS, KIND_LABELS)}
            />
          )}
          <NameInput {...term.name} />
          <DescriptionField
            minRows={2}
            value={description}
            onChange={setDescription}
            error={server.description}
          />
          <Group grow align="flex-start">
            <ServiceSelect
              label="Service"
              placeholder="Every service"
              value={serviceId}
              onChange={setServiceId}
              error={server.serviceId}
            />
            {kind === 'sla' && <CustomerSelect {...term.customer} />}
            {kind === 'ola' && (
              <GroupSelect
                label="Support group"
                required
                value={groupId}
                onChange={setGroupId}
                error={server.groupId}
              />
            )}
            {kind === 'uc' && (
              <OrganisationSelect
                label="Supplier"
                required
                kinds={['supplier']}
                value={supplierId}
                onChange={setSupplierId}
                error={server.supplierId}
              />
            )}
          </Group>
          {kind !== 'sla' && server.customerId && (
            <Text size="sm" c="red.8">
              Customer: {server.customerId}
            </Text>
          )}
          <CalendarSelect
            label="Business calendar"
            description="Targets count working time in this calendar only"
            required
            {...term.calendar}
          />
        </FormSection>
        <FormSection id="agreement-targets" title="Targets">
          <TargetsEditor {...term.targets} />
          <Group grow align="flex-start">
            <ThresholdsInput
              description="Warnings fire at these shares of the target; the breach is at 100 %"
              value={thresholds}
              onChange={setThresholds}
              error={server.warningThresholds}
            />
            <AvailabilityInput {...term.availability} />
          </Group>
          {kind === 'ola' && (
            <Stack gap={4}>
              <Text size="sm" fw={500} id="agreement-reassign-label">
                When a record is reassigned to this group
              </Text>
              <SegmentedControl
                aria-labelledby="agreement-reassign-label"
                value={onReassign}
                onChange={(v) => setOnReassign(v as 'restart' | 'continue')}
                data={[
                  { value: 'restart', label: 'Restart the clock' },
                  { value: 'continue', label: 'Continue from the first OLA start' },
                ]}
              />
            </Stack>
          )}
        </FormSection>
        <FormSection id="agreement-scope" title="Selection and validity">
          <Group grow align="flex-start">
            <MultiSelect
              label="Record types"
              placeholder={recordTypes.length ? undefined : 'Every record type'}
              data={RECORD_TYPES.map((t) => ({ value: t, label: RECORD_TYPE_LABELS[t] ?? t }))}
              value={recordTypes}
              onChange={setRecordTypes}
              error={server.recordTypes}
            />
            <MultiSelect
              label="Priorities"
              placeholder={priorities.length ? undefined : 'Every priority'}
              data={PRIORITY_OPTIONS}
              value={priorities}
              onChange={setPriorities}
              error={server.priorities}
            />
          </Group>
          <Group grow align="flex-start">
            <DateTimeInput
              label="Effective from"
              required
              value={from}
              onChange={setFrom}
              error={requiredError(terms.touched, from, 'Choose when it starts') ?? server.effectiveFrom}
            />
            <DateTimeInput
              label="Effective until"
              description="Leave empty for open-ended"
              value={to}
              onChange={setTo}
              error={server.effectiveTo}
            />
          </Group>
          <ObligationsInput {...term.obligations} />
        </FormSection>
        <Group justify="flex-end">
          <Button
            variant="default"
            component={Link}
            to={agreement ? `/service-levels/agreements/${agreement.id}` : '/service-levels/agreements'}
          >
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            Save draft
          </Button>
        </Group>
      </Stack>
    </SubmitForm>
  );
}

export function AgreementFormPage() {
  const { id } = useParams();
  const agreement = useAgreement(id);
  const title = id ? `Edit ${agreement.data?.name ?? 'agreement'}` : 'New agreement';
  useDocumentTitle(title);
  if (id && agreement.isPending) return <PageLoader label="Loading agreement" />;
  if (id && agreement.isError)
    return <ErrorState error={agreement.error} onRetry={() => agreement.refetch()} />;
  return (
    <Stack gap="md">
      <CrumbHeader
        to="/service-levels/agreements"
        label="Agreements"
        here={id ? `${agreement.data?.name} v${agreement.data?.versionNumber}` : 'New'}
        title={title}
        description="An agreement is saved as a draft; agree it to start measuring records with it."
      />
      <AgreementForm key={agreement.data?.version ?? 'new'} agreement={id ? agreement.data : undefined} />
    </Stack>
  );
}
