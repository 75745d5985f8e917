/** Edit who approves an order: levels one after the other, each with its approvers and rule. */
import {
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import type {
  ApprovalLevel,
  ApprovalPolicy,
  ApprovalRule,
} from '../../../../src/domain/requests/approval.ts';
import { useGroups, useRoles } from '../../api/queries/directory.ts';
import type { Role } from '../../api/types.ts';
import { AddItemButton, ItemFieldset } from '../../kit/form/ItemFieldset.tsx';

type Err = (path: string) => string | undefined;

const RULE_OPTIONS: { value: ApprovalRule; label: string }[] = [
  { value: 'all', label: 'All approvers must approve' },
  { value: 'any', label: 'Any one approver is enough' },
  { value: 'quorum', label: 'A quorum of approvers' },
];

function LevelEditor({
  level,
  index,
  onChange,
  onRemove,
  err,
}: {
  level: ApprovalLevel;
  index: number;
  onChange: (l: ApprovalLevel) => void;
  onRemove: () => void;
  err: Err;
}) {
  const groups = useGroups();
  const roles = useRoles();
  const manager = level.approvers.some((a) => a.kind === 'manager');
  const groupIds = level.approvers.flatMap((a) => (a.kind === 'group' ? [a.groupId] : []));
  const roleKeys = level.approvers.flatMap((a) => (a.kind === 'role' ? [a.role] : []));
  const setApprovers = (m: boolean, g: string[], r: Role[]) =>
    onChange({
      ...level,
      approvers: [
        ...(m ? [{ kind: 'manager' as const }] : []),
        ...g.map((groupId) => ({ kind: 'group' as const, groupId })),
        ...r.map((role) => ({ kind: 'role' as const, role })),
      ],
    });
  const at = `approvalPolicy.levels.${index}`;
  const groupError = level.approvers.map((_, j) => err(`${at}.approvers.${j}.groupId`)).find(Boolean);
  return (
    <ItemFieldset
      label={`Approval level ${index + 1}`}
      title={`Level ${index + 1}`}
      removeLabel={`Remove approval level ${index + 1}`}
      onRemove={onRemove}
    >
      <Group gap="xs" align="flex-start" wrap="wrap">
        <TextInput
          label="Name"
          required
          value={level.name}
          onChange={(e) => onChange({ ...level, name: e.currentTarget.value })}
          error={err(`${at}.name`)}
          style={{ flex: '1 1 220px' }}
        />
        <Select
          label="Rule"
          data={RULE_OPTIONS}
          value={level.rule}
          allowDeselect={false}
          onChange={(v) =>
            v &&
            onChange({
              ...level,
              rule: v as ApprovalRule,
              quorum: v === 'quorum' ? (level.quorum ?? 2) : undefined,
            })
          }
          style={{ flex: '1 1 240px' }}
        />
        {level.rule === 'quorum' && (
          <NumberInput
            label="Approvals needed"
            min={1}
            value={level.quorum ?? ''}
            onChange={(v) => onChange({ ...level, quorum: typeof v === 'number' ? v : undefined })}
            error={err(`${at}.quorum`)}
            w={160}
          />
        )}
      </Group>
      <Text size="sm" fw={500}>
        Approvers
      </Text>
      <Checkbox
        label="The requester’s manager"
        checked={manager}
        onChange={(e) => setApprovers(e.currentTarget.checked, groupIds, roleKeys)}
      />
      <Group gap="xs" align="flex-start" wrap="wrap">
        <MultiSelect
          label="Members of groups"
          placeholder={groupIds.length ? undefined : 'No group'}
          data={(groups.data ?? [])
            .filter((g) => g.active || groupIds.includes(g.id))
            .map((g) => ({ value: g.id, label: g.name }))}
          value={groupIds}
          onChange={(v) => setApprovers(manager, v, roleKeys)}
          searchable
          error={groupError}
          style={{ flex: '1 1 260px' }}
        />
        <MultiSelect
          label="Holders of roles"
          placeholder={roleKeys.length ? undefined : 'No role'}
          data={(roles.data ?? []).map((r) => ({ value: r.key, label: r.label }))}
          value={roleKeys}
          onChange={(v) => setApprovers(manager, groupIds, v as Role[])}
          style={{ flex: '1 1 260px' }}
        />
      </Group>
      {err(`${at}.approvers`) && (
        <Text size="sm" c="red.9" role="alert">
          {err(`${at}.approvers`)}
        </Text>
      )}
    </ItemFieldset>
  );
}

export function ApprovalPolicyEditor({
  policy,
  onChange,
  err,
}: {
  policy: ApprovalPolicy | null;
  onChange: (p: ApprovalPolicy | null) => void;
  err: Err;
}) {
  const levels = policy?.levels ?? [];
  return (
    <Stack gap="sm">
      <Switch
        label="Orders need approval"
        description="Levels run one after the other; a rejection at any level rejects the order."
        checked={policy !== null}
        onChange={(e) =>
          onChange(
            e.currentTarget.checked
              ? { levels: [{ name: 'Line manager', rule: 'all', approvers: [{ kind: 'manager' }] }] }
              : null,
          )
        }
      />
      {policy &&
        levels.map((l, i) => (
          <LevelEditor
            // biome-ignore lint/suspicious/noArrayIndexKey: levels are edited in place; their position is their identity
            key={i}
            level={l}
            index={i}
            onChange={(x) => onChange({ levels: levels.map((y, j) => (j === i ? x : y)) })}
            onRemove={() =>
              onChange(levels.length === 1 ? null : { levels: levels.filter((_, j) => j !== i) })
            }
            err={err}
          />
        ))}
      {policy && (
        <AddItemButton
          count={levels.length}
          max={5}
          onAdd={() =>
            onChange({
              levels: [...levels, { name: `Level ${levels.length + 1}`, rule: 'any', approvers: [] }],
            })
          }
        >
          Add approval level
        </AddItemButton>
      )}
    </Stack>
  );
}
