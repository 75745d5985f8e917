/** The dialog that adds or edits one lifecycle transition: who may take it, what it needs, what it does. */
import { Checkbox, Group, MultiSelect, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ACTIONS } from '../../../../src/domain/roles.ts';
import { useRoles } from '../../api/queries/directory.ts';
import {
  type LifecycleDef,
  type LifecycleTransitionDef,
  NOTIFY_PARTIES,
  REQUIRABLE_FIELDS,
} from '../../api/queries/process.ts';
import { type RequirableField, ROLE_KEYS, type Role } from '../../api/types.ts';
import { FormDialog } from '../../kit/form/FormDialog.tsx';
import { keyFromLabel } from '../../lib/keyFromLabel.ts';
import { humanize } from '../../lib/labels.ts';
import { NOTIFY_LABELS, REQUIREMENT_LABELS, transitionEffects, withNotify } from './lifecycleText.ts';

const KEY = /^[a-z][a-z0-9_]{0,39}$/;

/** Consulted and informed parties come from the RACI activity, so they need one. */
const needsActivity = (t: LifecycleTransitionDef) =>
  !t.activity && (t.effects?.notify ?? []).some((p) => p === 'consulted' || p === 'informed');

/** State choices, keeping keys a transition names that are no longer states (shown as missing). */
function stateOptions(lc: LifecycleDef, referenced: string[]) {
  const known = lc.states.filter((s) => s.key).map((s) => ({ value: s.key, label: s.label || s.key }));
  const missing = referenced
    .filter((k) => k && !lc.states.some((s) => s.key === k))
    .map((k) => ({ value: k, label: `${k} (not a state)` }));
  return [...known, ...missing];
}

export function TransitionForm({
  lifecycle,
  initial,
  otherKeys,
  activities,
  onSave,
  onClose,
}: {
  lifecycle: LifecycleDef;
  /** null: a new transition. */
  initial: LifecycleTransitionDef | null;
  /** Keys of the other transitions, which this one must not repeat. */
  otherKeys: string[];
  activities: { key: string; label: string }[];
  onSave: (t: LifecycleTransitionDef) => void;
  onClose: () => void;
}) {
  const roles = useRoles();
  const [t, setT] = useState<LifecycleTransitionDef>(
    () =>
      initial ?? {
        key: '',
        label: '',
        from: [],
        to: '',
        // Those who work records, by the API's own role table.
        roles: [...ACTIONS['record.update'].roles],
        requester: false,
        requires: [],
      },
  );
  const [keyEdited, setKeyEdited] = useState(initial !== null);
  const [touched, setTouched] = useState(false);
  const set = (patch: Partial<LifecycleTransitionDef>) => setT((cur) => ({ ...cur, ...patch }));

  const errors = {
    label: t.label.trim() ? undefined : 'Enter a label',
    key: !KEY.test(t.key)
      ? 'Lower-case letters, digits and _, starting with a letter'
      : otherKeys.includes(t.key)
        ? 'Another transition has this key'
        : undefined,
    from: t.from.length > 0 ? undefined : 'Choose at least one state',
    to: t.to ? undefined : 'Choose the target state',
    who: t.roles.length > 0 || t.requester || t.system ? undefined : 'Someone must be able to take it',
    notify: needsActivity(t)
      ? 'Choose a RACI activity to notify its consulted or informed parties'
      : undefined,
  };
  const valid = Object.values(errors).every((e) => !e);
  const show = (e: string | undefined) => (touched ? e : undefined);
  const roleLabel = (r: string) => roles.data?.find((x) => x.key === r)?.label ?? humanize(r);
  const activityOptions = [
    ...activities.map((a) => ({ value: a.key, label: a.label })),
    ...(t.activity && !activities.some((a) => a.key === t.activity)
      ? [{ value: t.activity, label: humanize(t.activity) }]
      : []),
  ];
  const effects = transitionEffects(
    lifecycle,
    t,
    (k) => activities.find((a) => a.key === k)?.label ?? humanize(k),
  );

  return (
    <FormDialog
      title={initial ? `Edit transition “${initial.label}”` : 'New transition'}
      onClose={onClose}
      onSubmit={() => {
        setTouched(true);
        if (valid) onSave({ ...t, label: t.label.trim(), activity: t.activity || undefined });
      }}
      size="lg"
      submitLabel={initial ? 'Apply' : 'Add transition'}
      pending={false}
    >
      <SimpleGrid cols={2}>
        <TextInput
          label="Label"
          description="The button agents see"
          required
          maxLength={60}
          value={t.label}
          onChange={(e) => {
            const label = e.currentTarget.value;
            set(keyEdited ? { label } : { label, key: keyFromLabel(label) });
          }}
          error={show(errors.label)}
        />
        <TextInput
          label="Key"
          description="Used by the API and in history"
          required
          maxLength={40}
          value={t.key}
          onChange={(e) => {
            setKeyEdited(true);
            set({ key: e.currentTarget.value });
          }}
          error={show(errors.key)}
        />
      </SimpleGrid>
      <SimpleGrid cols={2}>
        <MultiSelect
          label="From states"
          required
          data={stateOptions(lifecycle, t.from)}
          value={t.from}
          onChange={(from) => set({ from })}
          error={show(errors.from)}
        />
        <Select
          label="To state"
          required
          data={stateOptions(lifecycle, [t.to])}
          value={t.to || null}
          onChange={(to) => set({ to: to ?? '' })}
          error={show(errors.to)}
        />
      </SimpleGrid>
      <MultiSelect
        label="Roles that may take it"
        data={ROLE_KEYS.map((r) => ({ value: r, label: roleLabel(r) }))}
        value={t.roles}
        onChange={(v) => set({ roles: v as Role[] })}
        error={show(errors.who)}
      />
      <Group gap="xl">
        <Checkbox
          label="The requester may take it on their own record"
          checked={t.requester}
          onChange={(e) => set({ requester: e.currentTarget.checked })}
        />
        <Checkbox
          label="Automatic (taken by Steward, never by hand)"
          checked={!!t.system}
          onChange={(e) => set({ system: e.currentTarget.checked || undefined })}
        />
      </Group>
      <Checkbox.Group
        label="Requirements"
        description="What the person must give to take this transition"
        value={t.requires}
        onChange={(v) => set({ requires: v as RequirableField[] })}
      >
        <Group gap="lg" mt={6}>
          {REQUIRABLE_FIELDS.map((f) => (
            <Checkbox key={f} value={f} label={REQUIREMENT_LABELS[f]} />
          ))}
        </Group>
      </Checkbox.Group>
      <Select
        label="RACI activity"
        description="Ties the transition to the RACI matrix: approvals and closing are decided by it; its consulted and informed parties can be notified"
        clearable
        placeholder="None"
        data={activityOptions}
        value={t.activity ?? null}
        onChange={(a) => set({ activity: a ?? undefined })}
      />
      <Checkbox.Group
        label="Notify when taken"
        description="Each person gets one notification; the person who takes the transition is never told"
        value={t.effects?.notify ?? []}
        onChange={(v) =>
          setT((cur) =>
            withNotify(
              cur,
              NOTIFY_PARTIES.filter((p) => v.includes(p)),
            ),
          )
        }
        error={show(errors.notify)}
      >
        <Group gap="lg" mt={6}>
          {NOTIFY_PARTIES.map((p) => (
            <Checkbox key={p} value={p} label={NOTIFY_LABELS[p]} />
          ))}
        </Group>
      </Checkbox.Group>
      <div>
        <Text size="sm" fw={500}>
          Derived effects
        </Text>
        <Text size="sm" c="dimmed">
          {effects.length > 0 ? effects.join(' · ') : 'None beyond the state change'}
        </Text>
      </div>
    </FormDialog>
  );
}
