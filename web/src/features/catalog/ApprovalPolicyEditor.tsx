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
import { ItemsEditor } from '../../kit/form/ItemFieldset.tsx';
import { namedOption } from '../../kit/form/namedOptions.ts';

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
  err,
}: {
  level: ApprovalLevel;
  index: number;
  onChange: (l: ApprovalLevel) => void;
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
    <>
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
          data={(groups.data ?? []).filter((g) => g.active || groupIds.includes(g.id)).map(namedOption)}
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
    </>
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
      {policy && (
        <ItemsEditor
          items={policy.levels}
          onChange={(ls) => onChange(ls.length ? { levels: ls } : null)}
          name="approval level"
          title={(_, i) => `Level ${i + 1}`}
          max={5}
          newItem={(): ApprovalLevel => ({
            name: `Level ${policy.levels.length + 1}`,
            rule: 'any',
            approvers: [],
          })}
          addLabel="Add approval level"
        >
          {(l, i, update) => <LevelEditor level={l} index={i} onChange={update} err={err} />}
        </ItemsEditor>
      )}
    </Stack>
  );
}
