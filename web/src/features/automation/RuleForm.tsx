/** The structured editor of one automation rule: when <event> and <conditions> then <actions>. */
import {
  Alert,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import {
  ASSIGN_STRATEGIES,
  AUTOMATION_EVENTS,
  CONDITION_OPS,
  type ProcessKey,
  RULE_FIELDS,
  type RuleAction,
  type RuleCondition,
  type RuleInput,
  type Scalar,
  SETTABLE_FIELDS,
} from '../../api/queries/process.ts';
import { GroupSelect } from '../../components/Pickers.tsx';
import { ErrorAlert } from '../../components/States.tsx';
import { TrashButton } from '../../kit/detail/RemoveButton.tsx';
import { DialogActions } from '../../kit/form/DialogActions.tsx';
import { removeAt, replaceAt } from '../../kit/form/listEdits.ts';
import { requiredError } from '../../kit/form/requiredError.ts';
import { SubmitForm } from '../../kit/form/SubmitForm.tsx';
import { optionsOf } from '../../lib/labels.ts';
import { problemFields } from '../../lib/problemFields.ts';
import {
  ACTION_LABELS,
  EVENT_LABELS,
  FIELD_LABELS,
  OP_LABELS,
  STRATEGY_LABELS,
  VALUELESS_OPS,
} from './ruleText.ts';
import { UserIdPicker, ValueInput, ValueListInput } from './ValueInput.tsx';

export const EMPTY_RULE: RuleInput = {
  name: '',
  event: 'created',
  conditions: [],
  actions: [],
  enabled: true,
};

/** Server field errors by path: "conditions.0.value" → message. */
function errorsByPath(err: unknown): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of problemFields(err)) if (!out.has(e.field)) out.set(e.field, e.message);
  return out;
}

function newAction(type: RuleAction['type']): RuleAction {
  if (type === 'set_field') return { type, field: 'urgency', value: null };
  if (type === 'assign') return { type, groupId: null, assigneeId: null, strategy: 'group_only' };
  return { type, body: '', visibility: 'internal' };
}

/** What a condition's or an action's row gets: its place, its change, removal and the rule's errors. */
type RowProps<T> = {
  process: ProcessKey;
  index: number;
  onChange: (v: T) => void;
  onRemove: () => void;
  errors: Map<string, string>;
};

function ConditionRow({
  process,
  index,
  c,
  onChange,
  onRemove,
  errors,
}: RowProps<RuleCondition> & { c: RuleCondition }) {
  const n = index + 1;
  const err = errors.get(`conditions.${index}.value`) ?? errors.get(`conditions.${index}`);
  const list = Array.isArray(c.value) ? c.value : c.value === null || c.value === undefined ? [] : [c.value];
  return (
    <Group align="flex-start" gap="sm" wrap="nowrap">
      <Select
        label={`Condition ${n} field`}
        data={optionsOf(RULE_FIELDS, FIELD_LABELS)}
        value={c.field}
        allowDeselect={false}
        onChange={(f) => f && onChange({ field: f as RuleCondition['field'], op: c.op, value: null })}
        w={190}
      />
      <Select
        label={`Condition ${n} test`}
        data={optionsOf(CONDITION_OPS, OP_LABELS)}
        value={c.op}
        allowDeselect={false}
        onChange={(o) => {
          if (!o) return;
          const op = o as RuleCondition['op'];
          const value = VALUELESS_OPS.includes(op) ? undefined : op === 'in' ? list : (list[0] ?? null);
          onChange({ ...c, op, value });
        }}
        w={170}
      />
      <div style={{ flex: 1 }}>
        {VALUELESS_OPS.includes(c.op) ? (
          <Text size="sm" c="dimmed" mt={30}>
            No value needed
          </Text>
        ) : c.op === 'in' ? (
          <ValueListInput
            field={c.field}
            label={`Condition ${n} values`}
            value={list}
            onChange={(value) => onChange({ ...c, value })}
            error={err}
          />
        ) : (
          <ValueInput
            process={process}
            field={c.field}
            label={`Condition ${n} value`}
            value={Array.isArray(c.value) ? (c.value[0] ?? null) : c.value}
            onChange={(value) => onChange({ ...c, value })}
            error={err}
          />
        )}
      </div>
      <TrashButton mt={28} label={`Remove condition ${n}`} onClick={onRemove} />
    </Group>
  );
}

function ActionRow({
  process,
  index,
  a,
  onChange,
  onRemove,
  errors,
}: RowProps<RuleAction> & { a: RuleAction }) {
  const n = index + 1;
  const err = (k: string) => errors.get(`actions.${index}.${k}`);
  const whole = errors.get(`actions.${index}`);
  let body: ReactNode;
  if (a.type === 'set_field')
    body = (
      <SimpleGrid cols={2} style={{ flex: 1 }}>
        <Select
          label={`Action ${n} field`}
          data={optionsOf(SETTABLE_FIELDS, FIELD_LABELS)}
          value={a.field}
          allowDeselect={false}
          onChange={(f) => f && onChange({ ...a, field: f as typeof a.field, value: null })}
        />
        <ValueInput
          process={process}
          field={a.field}
          label={`Action ${n} value`}
          value={a.value}
          onChange={(value: Scalar | null) => onChange({ ...a, value })}
          error={err('value')}
        />
      </SimpleGrid>
    );
  else if (a.type === 'assign')
    body = (
      <SimpleGrid cols={3} style={{ flex: 1 }}>
        <GroupSelect
          label={`Action ${n} group`}
          value={a.groupId}
          onChange={(groupId) => onChange({ ...a, groupId })}
          error={err('groupId')}
        />
        <UserIdPicker
          label={`Action ${n} person`}
          value={a.assigneeId}
          onChange={(assigneeId) => onChange({ ...a, assigneeId })}
          error={err('assigneeId')}
        />
        <Select
          label={`Action ${n} pick within the group`}
          data={optionsOf(ASSIGN_STRATEGIES, STRATEGY_LABELS)}
          value={a.strategy ?? 'group_only'}
          allowDeselect={false}
          disabled={!a.groupId || !!a.assigneeId}
          onChange={(s) => s && onChange({ ...a, strategy: s as typeof a.strategy })}
        />
      </SimpleGrid>
    );
  else
    body = (
      <Stack gap="xs" style={{ flex: 1 }}>
        <Textarea
          label={`Action ${n} comment`}
          autosize
          minRows={2}
          maxLength={5000}
          value={a.body}
          onChange={(e) => onChange({ ...a, body: e.currentTarget.value })}
          error={err('body')}
        />
        <Switch
          label="Internal note (not shown to the requester)"
          checked={a.visibility === 'internal'}
          onChange={(e) => onChange({ ...a, visibility: e.currentTarget.checked ? 'internal' : 'public' })}
        />
      </Stack>
    );
  return (
    <Paper withBorder p="sm">
      <Group justify="space-between" mb="xs">
        <Text size="sm" fw={600}>
          {n}. {ACTION_LABELS[a.type]}
        </Text>
        <TrashButton label={`Remove action ${n}`} onClick={onRemove} />
      </Group>
      <Group align="flex-start" wrap="nowrap">
        {body}
      </Group>
      {whole && (
        <Text size="sm" c="red.8" mt={4}>
          {whole}
        </Text>
      )}
    </Paper>
  );
}

export function RuleForm({
  process,
  initial,
  saving,
  error,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  process: ProcessKey;
  initial: RuleInput;
  saving: boolean;
  error: unknown;
  submitLabel: string;
  onSubmit: (r: RuleInput) => void;
  onCancel: () => void;
}) {
  const [rule, setRule] = useState<RuleInput>(() => structuredClone(initial));
  const [adding, setAdding] = useState<RuleAction['type'] | null>(null);
  const [touched, setTouched] = useState(false);
  const errors = errorsByPath(error);
  const nameError = requiredError(touched, rule.name, 'Enter a name') ?? errors.get('name');
  const actionsError =
    (touched && rule.actions.length === 0 ? 'Add at least one action' : undefined) ?? errors.get('actions');
  const setCond = (i: number, c: RuleCondition) =>
    setRule((r) => ({ ...r, conditions: replaceAt(r.conditions, i, c) }));
  const setAction = (i: number, a: RuleAction) =>
    setRule((r) => ({ ...r, actions: replaceAt(r.actions, i, a) }));
  const stale = error instanceof ApiError && error.isStale;

  return (
    <SubmitForm
      onSubmit={() => {
        setTouched(true);
        if (!rule.name.trim() || rule.actions.length === 0) return;
        onSubmit({ ...rule, name: rule.name.trim() });
      }}
    >
      <Stack gap="md">
        {error instanceof ApiError && error.status === 422 ? (
          <Alert color="red" title="The rule was not saved" role="alert">
            {errors.size > 0 ? 'Correct the marked fields.' : error.detail}
          </Alert>
        ) : stale ? (
          <Alert color="orange" title="Someone else changed this rule" role="alert">
            Reload the page to see the latest version.
          </Alert>
        ) : (
          <ErrorAlert error={error} title="The rule was not saved" />
        )}
        <Paper p="lg">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Name"
              required
              maxLength={120}
              value={rule.name}
              onChange={(e) => setRule({ ...rule, name: e.currentTarget.value })}
              error={nameError}
            />
            <Select
              label="When"
              data={optionsOf(AUTOMATION_EVENTS, EVENT_LABELS)}
              value={rule.event}
              allowDeselect={false}
              onChange={(ev) => ev && setRule({ ...rule, event: ev as RuleInput['event'] })}
            />
          </SimpleGrid>
          <Switch
            mt="md"
            label="Enabled"
            checked={rule.enabled ?? true}
            onChange={(e) => setRule({ ...rule, enabled: e.currentTarget.checked })}
          />
        </Paper>
        <Paper p="lg">
          <Group justify="space-between" mb="sm">
            <Title order={2} size="h4">
              And all of these hold
            </Title>
            <Button
              size="xs"
              variant="light"
              leftSection={<IconPlus size={14} />}
              onClick={() =>
                setRule((r) => ({
                  ...r,
                  conditions: [...r.conditions, { field: 'title', op: 'contains', value: '' }],
                }))
              }
            >
              Add condition
            </Button>
          </Group>
          <Stack gap="sm">
            {rule.conditions.length === 0 && (
              <Text size="sm" c="dimmed">
                No conditions: the rule applies to every record of this process.
              </Text>
            )}
            {rule.conditions.map((c, i) => (
              <ConditionRow
                // biome-ignore lint/suspicious/noArrayIndexKey: conditions have no identity beyond their position
                key={i}
                process={process}
                index={i}
                c={c}
                errors={errors}
                onChange={(x) => setCond(i, x)}
                onRemove={() => setRule((r) => ({ ...r, conditions: removeAt(r.conditions, i) }))}
              />
            ))}
          </Stack>
        </Paper>
        <Paper p="lg">
          <Title order={2} size="h4" mb="sm">
            Then
          </Title>
          <Stack gap="sm">
            {rule.actions.map((a, i) => (
              <ActionRow
                // biome-ignore lint/suspicious/noArrayIndexKey: actions have no identity beyond their position
                key={i}
                process={process}
                index={i}
                a={a}
                errors={errors}
                onChange={(x) => setAction(i, x)}
                onRemove={() => setRule((r) => ({ ...r, actions: removeAt(r.actions, i) }))}
              />
            ))}
            {actionsError && (
              <Text size="sm" c="red.8" role="alert">
                {actionsError}
              </Text>
            )}
            <Group align="flex-end" gap="sm">
              <Select
                label="Add an action"
                data={(Object.keys(ACTION_LABELS) as RuleAction['type'][]).map((t) => ({
                  value: t,
                  label: ACTION_LABELS[t],
                }))}
                value={adding}
                onChange={(t) => setAdding(t as RuleAction['type'] | null)}
                w={220}
              />
              <Button
                variant="light"
                disabled={!adding}
                onClick={() => {
                  if (adding) setRule((r) => ({ ...r, actions: [...r.actions, newAction(adding)] }));
                  setAdding(null);
                }}
              >
                Add action
              </Button>
            </Group>
          </Stack>
        </Paper>
        <DialogActions onCancel={onCancel} submitLabel={submitLabel} pending={saving} gap="sm" />
      </Stack>
    </SubmitForm>
  );
}
