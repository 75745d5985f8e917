/** Raise an incident as an agent: on behalf of a requester, triaged and optionally assigned. */
import { Button, Grid, Group, Paper, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { LIMITS } from '../../../../src/shared/limits.ts';
import { type CiRef, useCi } from '../../api/queries/cmdb.ts';
import { useGroups } from '../../api/queries/directory.ts';
import { useCreateIncident, useIncidentOptions } from '../../api/queries/incidents.ts';
import type { IncidentInput, PersonRef } from '../../api/types.ts';
import { useMe } from '../../auth/session.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { GroupSelect, MemberSelect, UserPicker } from '../../components/Pickers.tsx';
import { ErrorAlert } from '../../components/States.tsx';
import { requiredError } from '../../kit/form/requiredError.ts';
import { SubmitForm } from '../../kit/form/SubmitForm.tsx';
import { fieldErrorsOf } from '../../lib/forms.ts';
import { CHANNEL_LABELS } from '../../lib/labels.ts';
import { CiMultiPicker } from '../cmdb/CiPicker.tsx';
import { ServiceSelect } from '../sla/pickers.tsx';
import { LevelSelect, PriorityPreview } from './priority.tsx';
import { type SupportedService, useCiServices } from './useCiServices.ts';

/** The services the chosen CIs support, offered while no service is chosen. */
function ServiceSuggestions({
  services,
  onPick,
}: {
  services: SupportedService[];
  onPick: (id: string) => void;
}) {
  if (services.length === 0) return null;
  return (
    <Stack gap={4} aria-label="Services these configuration items support" component="section">
      <Text size="xs" c="dimmed">
        The chosen configuration items support:
      </Text>
      <Group gap={6}>
        {services.slice(0, 8).map((s) => (
          <Button key={s.id} size="compact-sm" variant="light" onClick={() => onPick(s.id)}>
            {s.name}
          </Button>
        ))}
      </Group>
    </Stack>
  );
}

export function NewIncidentPage() {
  const me = useMe();
  const navigate = useNavigate();
  const create = useCreateIncident();
  const options = useIncidentOptions();
  const groups = useGroups();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [impact, setImpact] = useState(3);
  const [urgency, setUrgency] = useState(3);
  const [category, setCategory] = useState('');
  const [subcategory, setSubcategory] = useState('');
  const [channel, setChannel] = useState<string>('phone');
  const [requester, setRequester] = useState<PersonRef | null>({ id: me.id, name: me.name, email: me.email });
  const [groupId, setGroupId] = useState<string | null>(null);
  const [assignee, setAssignee] = useState<PersonRef | null>(null);
  const [touched, setTouched] = useState(false);
  // Raised from a CI's page (?ci=<id>): that CI is preselected once it has loaded.
  const [searchParams] = useSearchParams();
  // Raised from a service's page (?service=<id>): that service is preselected.
  const [serviceId, setServiceId] = useState<string | null>(searchParams.get('service'));
  const [cis, setCis] = useState<CiRef[]>([]);
  const preset = useCi(searchParams.get('ci') ?? undefined);
  const [presetTaken, setPresetTaken] = useState(false);
  if (preset.data && !presetTaken) {
    setPresetTaken(true);
    setCis([preset.data]);
  }
  // CIs chosen and no service yet: the only service they support is chosen (once per choice of CIs,
  // so clearing it sticks); several are offered.
  const supported = useCiServices(cis);
  const ciKey = cis.map((c) => c.id).join(',');
  const [autoPicked, setAutoPicked] = useState<{ ciKey: string; service: SupportedService } | null>(null);
  const only = supported.services.length === 1 ? supported.services[0] : undefined;
  if (only && !serviceId && !supported.pending && autoPicked?.ciKey !== ciKey) {
    setAutoPicked({ ciKey, service: only });
    setServiceId(only.id);
  }
  const autoNote =
    autoPicked && autoPicked.ciKey === ciKey && serviceId === autoPicked.service.id
      ? `Chosen because ${autoPicked.service.via} supports only this service.`
      : undefined;

  const server = fieldErrorsOf(create.error);
  const titleError =
    requiredError(touched, title, 'Give the incident a short title') ??
    (title.length > LIMITS.titleMax ? `At most ${LIMITS.titleMax} characters` : undefined) ??
    server.title;
  const requesterError = (touched && !requester ? 'Choose who is affected' : undefined) ?? server.requesterId;

  const onGroup = (id: string | null) => {
    setGroupId(id);
    const g = groups.data?.find((x) => x.id === id);
    if (assignee && !g?.memberIds.includes(assignee.id)) setAssignee(null);
  };

  const submit = () => {
    setTouched(true);
    if (!title.trim() || title.length > LIMITS.titleMax || !requester) return;
    const input: IncidentInput & { ciIds?: string[] } = {
      title: title.trim(),
      description,
      impact,
      urgency,
      category: category.trim() || null,
      subcategory: subcategory.trim() || null,
      channel,
      requesterId: requester.id,
      groupId,
      serviceId,
      assigneeId: assignee?.id ?? null,
      ...(cis.length ? { ciIds: cis.map((c) => c.id) } : {}),
    };
    create.mutate(input, {
      onSuccess: (rec) => {
        notifications.show({ color: 'teal', title: `${rec.number} created`, message: rec.title });
        navigate(`/incidents/${rec.number}`);
      },
    });
  };

  return (
    <>
      <PageHeader title="New incident" description="Record a disruption or a request for help." />
      <SubmitForm onSubmit={submit}>
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Paper p="lg">
              <Stack>
                {create.error && !Object.keys(server).length ? <ErrorAlert error={create.error} /> : null}
                <TextInput
                  label="Title"
                  required
                  maxLength={LIMITS.titleMax + 1}
                  value={title}
                  onChange={(e) => setTitle(e.currentTarget.value)}
                  error={titleError}
                  description="What is wrong, in a few words"
                />
                <Textarea
                  label="Description"
                  autosize
                  minRows={5}
                  maxRows={16}
                  value={description}
                  onChange={(e) => setDescription(e.currentTarget.value)}
                  error={server.description}
                  description="Symptoms, error messages, what has been tried"
                />
                <Group grow align="flex-start">
                  <TextInput
                    label="Category"
                    value={category}
                    maxLength={LIMITS.categoryMax}
                    onChange={(e) => setCategory(e.currentTarget.value)}
                    error={server.category}
                  />
                  <TextInput
                    label="Subcategory"
                    value={subcategory}
                    maxLength={LIMITS.categoryMax}
                    onChange={(e) => setSubcategory(e.currentTarget.value)}
                    error={server.subcategory}
                  />
                </Group>
                <CiMultiPicker
                  label="Configuration items"
                  description="What is affected: servers, applications, services… Impact analysis starts from these."
                  placeholder={cis.length ? undefined : 'Search by name, hostname or serial number'}
                  value={cis}
                  onChange={setCis}
                  error={server.ciIds}
                />
              </Stack>
            </Paper>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Paper p="lg">
              <Stack>
                <UserPicker
                  label="Requester"
                  required
                  value={requester}
                  onChange={setRequester}
                  error={requesterError}
                  placeholder="Search by name or email"
                />
                <Select
                  label="Channel"
                  data={(options.data?.channels ?? ['phone']).map((c) => ({
                    value: c,
                    label: CHANNEL_LABELS[c] ?? c,
                  }))}
                  value={channel}
                  onChange={(v) => setChannel(v ?? 'phone')}
                  allowDeselect={false}
                  error={server.channel}
                />
                <Group grow>
                  <LevelSelect label="Impact" value={impact} onChange={setImpact} error={server.impact} />
                  <LevelSelect label="Urgency" value={urgency} onChange={setUrgency} error={server.urgency} />
                </Group>
                <PriorityPreview impact={impact} urgency={urgency} />
                <ServiceSelect
                  label="Service"
                  placeholder="No service"
                  liveOnly
                  value={serviceId}
                  onChange={setServiceId}
                  description={autoNote}
                  error={server.serviceId}
                />
                {!serviceId && <ServiceSuggestions services={supported.services} onPick={setServiceId} />}
                <GroupSelect
                  label="Assignment group"
                  placeholder="Not assigned"
                  value={groupId}
                  onChange={onGroup}
                  error={server.groupId}
                />
                <MemberSelect
                  label="Assignee"
                  placeholder="Not assigned"
                  groupId={groupId}
                  value={assignee}
                  onChange={setAssignee}
                  error={server.assigneeId}
                />
                <Group justify="flex-end" mt="sm">
                  <Button variant="default" onClick={() => navigate(-1)}>
                    Cancel
                  </Button>
                  <Button type="submit" loading={create.isPending}>
                    Create incident
                  </Button>
                </Group>
              </Stack>
            </Paper>
          </Grid.Col>
        </Grid>
      </SubmitForm>
    </>
  );
}
